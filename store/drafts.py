"""Drafts: this year's report being written, and their life — found or created by one rule,
renamed, deleted; their cover, 附表 and key-fact answers saved.

A draft is created empty or from last year's report: its text copied with years rolled forward
and names replaced, each copied paragraph kept as an origin (store/provenance.py) so that its
numbers count as last year's until the user changes or confirms them; last year's indicator
rows come along marked as inherited, amounts and results blank.  The CLI and the TUI both call
these functions: the same request gives the same draft.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, replace
from typing import Any

from extract import extract_numbers
from extract.document import Indicator, Report, ReportTable, Section
from extract.outline import DEFAULT_PROFILE, STRUCTURAL, Outline, get_profile, load_outline, outline_of

from .answers import apply_to_table, read_answer
from .db import Store, now
from .draft_spec import NewDraft, defaults_from
from .draft_text import prepare_draft_section, save_origins, save_text, section_text, settle
from .errors import NotFound, ZipinError
from .facts import paragraph_mentions
from .provenance import SOURCE, Origin, origin_of
from .reports import insert_report, load_report, save_table
from .suggest import render
from .suggest.facts import ThisYear
from .suggest.fill import Context, fill


class DraftExists(ZipinError):
    def __init__(self, draft_id: int, title: str, year: int | None) -> None:
        super().__init__(f"已有「{title}」{year or ''}年度的草稿（#{draft_id}），请直接打开它。", "草稿已存在")
        self.draft_id = draft_id


def find_draft(store: Store, title: str, year: int | None = None) -> int | None:
    """The draft of a project for a year (the one edited last, should there be several)."""
    sql = "SELECT id FROM reports WHERE kind = 'draft' AND title = ?"
    params: list[Any] = [title.strip()]
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    row = store.one(sql + " ORDER BY updated_at DESC, id DESC LIMIT 1", params)
    return int(row["id"]) if row else None


def last_years_report(store: Store, title: str, year: int | None) -> int | None:
    """The newest past report of the same project before `year`."""
    sql = "SELECT id FROM reports WHERE kind = 'past' AND title = ?"
    params: list[Any] = [title]
    if year is not None:
        sql += " AND (year < ? OR year IS NULL)"
        params.append(year)
    row = store.one(sql + " ORDER BY year DESC, id DESC LIMIT 1", params)
    return int(row["id"]) if row else None


def profile_for(store: Store, spec: NewDraft) -> str:
    """The one rule for a new draft's 附表 layout: as asked, else the source report's, else the default."""
    if spec.profile:
        return get_profile(spec.profile).key
    if spec.from_report:
        source = store.one("SELECT profile FROM reports WHERE id = ?", [spec.from_report])
        if source and source["profile"]:
            return get_profile(source["profile"]).key
    return DEFAULT_PROFILE


def open_or_create(store: Store, spec: NewDraft) -> tuple[int, bool]:
    """This year's draft of the project: the existing one, or a new one; (id, created)."""
    existing = find_draft(store, spec.title, spec.year)
    if existing is not None and (spec.year is not None or not spec.from_report):
        return existing, False
    return create_draft(store, spec), True


def create_draft(store: Store, spec: NewDraft) -> int:
    if not spec.title.strip():
        raise ZipinError("请填写项目名称", "无法新建草稿")
    existing = find_draft(store, spec.title, spec.year) if spec.year is not None else None
    if existing is not None:
        raise DraftExists(existing, spec.title.strip(), spec.year)
    spec = replace(spec, profile=profile_for(store, spec))
    if spec.from_report:
        source = load_report(store, spec.from_report)
        report, origins = _from_source(store, replace(spec, outline=source.outline), source)
    else:
        report, origins = _empty(spec, load_outline(spec.outline)), []
    prepared = [prepare_draft_section(s, [o for k, o in origins if k == s.key], set()) for s in report.sections]
    with store.write() as db:
        draft_id = insert_report(db, report, kind="draft", from_report=spec.from_report, prepared=prepared)
        save_origins(db, draft_id, origins)
    return draft_id


@dataclass
class OpenedDraft:
    report: Report
    answers: dict[str, dict[str, Any]]
    restored: list[str]  # sections whose words a crash had left in the journal, now written back


def open_for_editing(store: Store, draft_id: int) -> OpenedDraft:
    """What opening a draft does, in the TUI as in the CLI: words a crash left in the journal
    are written back, unfinished indexing is done, then the draft is read."""
    from .journal import reopen

    _draft_row(store, draft_id)
    restored = reopen(store, draft_id)
    return OpenedDraft(load_report(store, draft_id), answers(store, draft_id), restored)


def rename_draft(store: Store, draft_id: int, title: str) -> None:
    title = title.strip()
    row = _draft_row(store, draft_id)
    if not title:
        raise ZipinError("请填写项目名称", "无法改名")
    other = find_draft(store, title, row["year"])
    if other is not None and other != draft_id:
        raise DraftExists(other, title, row["year"])
    cover = json.loads(row["cover"] or "{}") | {"title": title}
    save_cover(store, draft_id, cover, row["year"])


def delete_draft(store: Store, draft_id: int) -> str:
    """Delete a draft (never a past report); return its title for the message."""
    row = _draft_row(store, draft_id)
    with store.write() as db:
        db.execute("DELETE FROM reports WHERE id = ?", [draft_id])
    from .journal import clear_journal

    clear_journal(store.path, draft_id)
    return str(row["title"])


def _draft_row(store: Store, draft_id: int) -> dict[str, Any]:
    row = store.one("SELECT id, title, year, cover FROM reports WHERE id = ? AND kind = 'draft'", [draft_id])
    if row is None:
        raise NotFound(f"没有编号为 {draft_id} 的草稿")
    return row


def _cover(spec: NewDraft, outline: Outline) -> dict[str, str]:
    given = {"title": spec.title.strip(), "unit": spec.unit.strip(), "dept": spec.dept.strip()}
    return {f.key: given.get(f.key, "") for f in outline.cover_fields} | given


def _empty(spec: NewDraft, outline: Outline) -> Report:
    """A draft with every section of `outline`, empty."""
    sections = [Section(e.key, e.title, "", []) for e in outline.leaves]
    return Report(title=spec.title.strip(), unit=spec.unit.strip(), dept=spec.dept.strip(), year=spec.year,
                  profile=spec.profile, outline=outline.key if not outline.structural else STRUCTURAL,
                  cover=_cover(spec, outline), sections=sections, table=ReportTable(spec.profile, year=spec.year),
                  kind="draft")


def _from_source(store: Store, spec: NewDraft, source: Report) -> tuple[Report, list[tuple[str, Origin]]]:
    """The draft's text as last year's, rolled forward, in the source report's outline; each
    paragraph also an origin."""
    report = _empty(replace(spec, unit=spec.unit or source.unit, dept=spec.dept or source.dept), outline_of(source))
    report.cover["leader"] = source.cover.get("leader", "")
    rows = store.query("SELECT id, section_key, text FROM paragraphs WHERE report_id = ? ORDER BY section_key, ord",
                       [spec.from_report])
    mentions = paragraph_mentions(store, [r["id"] for r in rows])
    facts = ThisYear.empty(report.profile)
    renames = [(old, new) for old, new in ((source.unit, report.unit), (source.title, report.title))
               if old and new and old != new]
    origins: list[tuple[str, Origin]] = []
    for row in rows:
        section = report.section(row["section_key"])
        if section is None:
            continue
        slots = fill(row["text"], mentions.get(row["id"], []), Context(row["text"], facts, source.year, spec.year))
        text = render(row["text"], slots, renames)
        section.paragraphs.append(text)
        stale = {slot.start for slot in slots if slot.status == "stale"}
        numbers = extract_numbers(text)
        origins.append((section.key, origin_of(text, numbers, SOURCE, [m.start for m in numbers if m.start not in stale])))
    report.table = _table_skeleton(source.table, report.profile, spec.year)
    return report, origins


def _table_skeleton(table: ReportTable | None, profile: str, year: int | None) -> ReportTable:
    """Last year's indicators and goals as a starting point, marked inherited until confirmed;
    amounts and results left blank."""
    out = ReportTable(profile, year=year)
    if table is None:
        return out
    out.goals_expected = table.goals_expected
    out.indicators = [Indicator(i.level1, i.level2, i.level3, i.expected, "", i.weight, "", "", inherited=True)
                      for i in table.indicators]
    return out


def backfill_origins(db: Any, draft_id: int) -> None:
    """For a draft made before provenance was kept (migration m004): its source report's
    paragraphs, rolled forward as at creation, become its origins; its sections are then
    indexed again so their numbers carry provenance."""
    from .db import Reader
    from .draft_text import index_words_in

    view = Reader(db)
    row = view.one("SELECT title, unit, dept, year, profile, from_report FROM reports WHERE id = ?", [draft_id])
    if row is None or not view.one("SELECT 1 FROM reports WHERE id = ?", [row["from_report"]]):
        return
    spec = NewDraft(row["title"], row["unit"], row["dept"], row["year"], row["profile"], row["from_report"])
    _, origins = _from_source(view, spec, load_report(view, row["from_report"]))  # type: ignore[arg-type]
    save_origins(db, draft_id, origins)
    for key in {k for k, _ in origins}:
        index_words_in(db, draft_id, key)


def save_cover(store: Store, draft_id: int, cover: dict[str, str], year: int | None) -> None:
    with store.write() as db:
        db.execute(
            "UPDATE reports SET cover = ?, title = ?, unit = ?, dept = ?, year = ?, updated_at = ? WHERE id = ?",
            [json.dumps(cover, ensure_ascii=False), cover.get("title", ""), cover.get("unit", ""),
             cover.get("dept", ""), year, now(), draft_id])


def save_draft_table(store: Store, draft_id: int, table: ReportTable) -> None:
    """Save a draft's 附表 with its computed figures (执行率, 得分, 总分) filled in."""
    from .scoring import complete

    table = complete(copy.deepcopy(table))
    with store.write() as db:
        save_table(db, draft_id, table)
        db.execute("UPDATE reports SET updated_at = ? WHERE id = ?", [now(), draft_id])


def save_answer(store: Store, draft_id: int, key: str, text: str, *, confirmed: bool) -> None:
    """Keep the answer as typed; once confirmed, its amounts go into the draft's 附表.
    Saving the same text again keeps its confirmation (opening the form changes nothing)."""
    current = answers(store, draft_id).get(key)
    if current is not None and current["text"] == text and current["confirmed"] and not confirmed:
        return
    with store.write() as db:
        db.execute(
            """INSERT INTO answers (report_id, key, text, confirmed, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (report_id, key) DO UPDATE SET text = excluded.text, confirmed = excluded.confirmed,
               updated_at = excluded.updated_at""",
            [draft_id, key, text, int(confirmed), now()])
    if confirmed:
        report = load_report(store, draft_id)
        table = copy.deepcopy(report.table) if report.table else ReportTable(report.profile or DEFAULT_PROFILE)
        apply_to_table(table, read_answer(key, text, table.profile))
        save_draft_table(store, draft_id, table)


def answers(store: Store, draft_id: int) -> dict[str, dict[str, Any]]:
    rows = store.query("SELECT key, text, confirmed FROM answers WHERE report_id = ?", [draft_id])
    return {r["key"]: {"text": r["text"], "confirmed": bool(r["confirmed"])} for r in rows}


def rates_over_years(store: Store, title: str) -> list[tuple[int, float]]:
    """执行率 of the past reports of a project, by year (for the sparkline; display only)."""
    rows = store.query(
        """SELECT r.year, b.value AS budget, s.value AS spent FROM reports r
           JOIN budget_cells b ON b.report_id = r.id AND b.row = 'total' AND b.col = 'budget'
           JOIN budget_cells s ON s.report_id = r.id AND s.row = 'total' AND s.col = 'spent'
           WHERE r.kind = 'past' AND r.title = ? AND r.year IS NOT NULL ORDER BY r.year""", [title])
    out = []
    for r in rows:
        if r["budget"] and r["spent"] and float(r["budget"]) > 0:
            out.append((int(r["year"]), float(r["spent"]) / float(r["budget"]) * 100))
    return out


__all__ = ["DraftExists", "NewDraft", "create_draft", "defaults_from", "delete_draft", "find_draft",
           "last_years_report", "open_or_create", "profile_for", "rename_draft", "save_text", "section_text",
           "settle"]
