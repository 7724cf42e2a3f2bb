"""Drafts: this year's report being written.  Created empty or from last year's report (its
structure and text copied, numbers handled as in the suggestions: years rolled forward, names
replaced, every other number kept but flagged stale by the checks until this year's facts
replace it); saved section by section as the user types."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from extract.document import Indicator, Report, ReportTable, Section
from extract.outline import DEFAULT_PROFILE, get_profile, load_outline

from .answers import apply_to_table, read_answer
from .db import Store, now
from .draft_text import save_text, section_text, settle
from .errors import ZipinError
from .facts import paragraph_mentions
from .reports import insert_report, load_report, save_table
from .suggest import render
from .suggest.facts import ThisYear, from_mention, from_report
from .suggest.fill import Context, fill


@dataclass
class NewDraft:
    title: str
    unit: str = ""
    dept: str = ""
    year: int | None = None
    profile: str = ""
    from_report: int | None = None


def find_draft(store: Store, title: str, year: int | None = None) -> int | None:
    sql = "SELECT id FROM reports WHERE kind = 'draft' AND title = ?"
    params: list[Any] = [title]
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


def create_draft(store: Store, spec: NewDraft) -> int:
    if not spec.title.strip():
        raise ZipinError("请填写项目名称", "无法新建草稿")
    source = load_report(store, spec.from_report) if spec.from_report else None
    report = _from_source(store, spec, source) if source else _empty(spec)
    with store.write() as db:
        return insert_report(db, report, kind="draft", from_report=spec.from_report)


def _cover(spec: NewDraft) -> dict[str, str]:
    return {"title": spec.title.strip(), "unit": spec.unit.strip(), "dept": spec.dept.strip(), "leader": "", "filed": ""}


def _empty(spec: NewDraft) -> Report:
    profile = spec.profile or DEFAULT_PROFILE
    sections = [Section(e.key, e.title, "", []) for e in load_outline().leaves]
    return Report(title=spec.title.strip(), unit=spec.unit.strip(), dept=spec.dept.strip(), year=spec.year,
                  profile=profile, cover=_cover(spec), sections=sections, table=ReportTable(profile, year=spec.year),
                  kind="draft")


def _from_source(store: Store, spec: NewDraft, source: Report) -> Report:
    report = _empty(NewDraft(spec.title, spec.unit or source.unit, spec.dept or source.dept, spec.year,
                             spec.profile or source.profile))
    report.cover["leader"] = source.cover.get("leader", "")
    assert spec.from_report is not None
    rows = store.query("SELECT id, section_key, text FROM paragraphs WHERE report_id = ? ORDER BY section_key, ord",
                       [spec.from_report])
    mentions = paragraph_mentions(store, [r["id"] for r in rows])
    facts = ThisYear.empty(report.profile)
    renames = [(old, new) for old, new in ((source.unit, report.unit), (source.title, report.title)) if old and new and old != new]
    for row in rows:
        section = report.section(row["section_key"])
        if section is None:
            continue
        slots = fill(row["text"], mentions.get(row["id"], []), Context(row["text"], facts, source.year, spec.year))
        section.paragraphs.append(render(row["text"], slots, renames))
    report.table = _table_skeleton(source.table, report.profile, spec.year)
    return report


def _table_skeleton(table: ReportTable | None, profile: str, year: int | None) -> ReportTable:
    """Last year's indicators and goals as a starting point; amounts and results left blank."""
    out = ReportTable(profile, year=year)
    if table is None:
        return out
    out.goals_expected = table.goals_expected
    out.indicators = [Indicator(i.level1, i.level2, i.level3, i.expected, "", i.weight, "", "") for i in table.indicators]
    return out


def save_cover(store: Store, draft_id: int, cover: dict[str, str], year: int | None) -> None:
    with store.write() as db:
        db.execute(
            "UPDATE reports SET cover = ?, title = ?, unit = ?, dept = ?, year = ?, updated_at = ? WHERE id = ?",
            [json.dumps(cover, ensure_ascii=False), cover.get("title", ""), cover.get("unit", ""),
             cover.get("dept", ""), year, now(), draft_id])


def save_draft_table(store: Store, draft_id: int, table: ReportTable) -> None:
    with store.write() as db:
        save_table(db, draft_id, table)
        db.execute("UPDATE reports SET updated_at = ? WHERE id = ?", [now(), draft_id])


def save_answer(store: Store, draft_id: int, key: str, text: str, *, confirmed: bool) -> None:
    """Keep the answer as typed; once confirmed, its amounts go into the draft's 附表."""
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


def this_year(store: Store, draft_id: int, skip_section: str | None = None) -> ThisYear:
    """This year's facts for suggestions: the draft's 附表 and other sections, and its answers."""
    report = load_report(store, draft_id)
    facts = from_report(report, skip_section=skip_section)
    for key, answer in answers(store, draft_id).items():
        if answer["confirmed"]:
            for m in read_answer(key, answer["text"], report.profile).mentions:
                if m.label:
                    fact = from_mention(m.label, m, "回答")
                    if fact is not None:
                        facts.add(fact)
    return facts


def rates_over_years(store: Store, title: str) -> list[tuple[int, float]]:
    """执行率 of the past reports of a project, by year (for the sparkline)."""
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


__all__ = ["NewDraft", "create_draft", "find_draft", "get_profile", "last_years_report", "save_text", "section_text",
           "settle"]
