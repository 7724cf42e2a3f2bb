"""Reports in the store: saving a `Report`, loading it back, listing, and resolving a name.

Writes take a `Database` that is already inside `Store.write()`, so the caller decides what
one transaction holds (a whole file on import, one section on an autosave).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from extract.document import Cell, Indicator, Report, ReportTable, Section
from extract.outline import Outline, default_outline, get_profile, is_known, outline_of

from .db import Store, now
from .errors import BadArgument, NotFound
from .facts import write_facts
from .names import index_names
from .prepared import PreparedSection, prepare_section
from .sqlite import Database


def content_hash(report: Report) -> str:
    """A fingerprint of what a report says, to skip the same report met in another file."""
    h = hashlib.sha256()
    for part in (report.title, report.unit, str(report.year)):
        h.update(part.encode() + b"\x00")
    for section in report.sections:
        h.update(section.key.encode() + b"\x01" + section.text.encode() + b"\x00")
    if report.table is not None:
        h.update(json.dumps(table_json(report.table), ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()


def insert_report(db: Database, report: Report, *, kind: str = "past", file_id: int | None = None,
                  from_report: int | None = None, prepared: list[PreparedSection] | None = None) -> int:
    """Insert a whole report; pass `prepared` (from `prepare_report`, made before the write
    transaction) to keep the transaction short."""
    stamp = now()
    cur = db.execute(
        """INSERT INTO reports (kind, title, unit, dept, year, profile, outline, cover, file_id, source_line,
                                from_report, content_hash, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [kind, report.title, report.unit, report.dept, report.year, report.profile,
         report.outline or default_outline().key, json.dumps(report.cover, ensure_ascii=False), file_id,
         report.source_line, from_report, content_hash(report), stamp, stamp],
    )
    report_id = int(cur.lastrowid or 0)
    order = section_order(report)
    for section in prepared if prepared is not None else report.sections:
        key = section.section.key if isinstance(section, PreparedSection) else section.key
        save_section(db, report_id, section, order=order(key))
    if report.table is not None:
        save_table(db, report_id, report.table)
    index_names(db, report_id)
    return report_id


def section_order(report: Report) -> Callable[[str], int]:
    """Where a section goes in its report: its place in the report's outline (for a report read
    by its headings' structure, its place in the report)."""
    outline = outline_of(report)
    if not outline.structural:
        return outline.order
    keys = [s.key for s in report.sections]
    return lambda key: keys.index(key) if key in keys else len(keys)


def stored_outline(db: Database | Store, report_id: int) -> Outline:
    """The outline a stored report follows (for a structural report, made of its sections)."""
    row = next(iter(db.query("SELECT * FROM reports WHERE id = ?", [report_id])), None)
    key = (row or {}).get("outline") or ""  # no such column while older migrations run
    report = Report(outline=key)
    if key and not is_known(key):
        report.sections = [Section(s["key"], s["title"], s["heading"]) for s in
                           db.query("SELECT key, title, heading FROM sections WHERE report_id = ? ORDER BY ord, id",
                                    [report_id])]
    return outline_of(report)


def save_section(db: Database, report_id: int, section: Section | PreparedSection, *,
                 order: int | None = None) -> list[int]:
    """Write one section and its paragraphs, replacing what was there (facts included, so they
    always match the text); return the paragraph ids.  `order`: its place in the report (by
    default, from the report's outline)."""
    prepared = section if isinstance(section, PreparedSection) else prepare_section(section)
    section = prepared.section
    if order is None:
        order = stored_outline(db, report_id).order(section.key)
    db.execute(
        """INSERT INTO sections (report_id, key, title, heading, ord, text) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (report_id, key) DO UPDATE SET title = excluded.title,
               heading = excluded.heading, text = excluded.text""",
        [report_id, section.key, section.title, section.heading, order, section.text],
    )
    db.execute("DELETE FROM paragraphs WHERE report_id = ? AND section_key = ?", [report_id, section.key])
    ids = []
    for n, p in enumerate(prepared.paragraphs):
        cur = db.execute(
            """INSERT INTO paragraphs (report_id, section_key, ord, text, masked, tokens, provenance)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [report_id, section.key, n, p.text, p.masked, p.tokens, p.provenance],
        )
        paragraph_id = int(cur.lastrowid or 0)
        write_facts(db, report_id, section.key, paragraph_id, p.mentions, p.number_provenance)
        ids.append(paragraph_id)
    return ids


def save_table(db: Database, report_id: int, table: ReportTable) -> None:
    for sql in ("DELETE FROM report_tables WHERE report_id = ?", "DELETE FROM budget_cells WHERE report_id = ?",
                "DELETE FROM indicators WHERE report_id = ?"):
        db.execute(sql, [report_id])
    db.execute(
        """INSERT INTO report_tables (report_id, profile, year, header, goals_expected, goals_actual, total_score)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [report_id, table.profile, table.year, json.dumps(table.header, ensure_ascii=False),
         table.goals_expected, table.goals_actual, table.total_score],
    )
    for row, cols in table.budget.items():
        for col, cell in cols.items():
            db.execute(
                "INSERT INTO budget_cells (report_id, row, col, text, value) VALUES (?, ?, ?, ?, ?)",
                [report_id, row, col, cell.text, None if cell.value is None else str(cell.value)],
            )
    for n, ind in enumerate(table.indicators):
        db.execute(
            """INSERT INTO indicators (report_id, ord, level1, level2, level3, expected, actual, weight, score, reason,
                                       inherited)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [report_id, n, ind.level1, ind.level2, ind.level3, ind.expected, ind.actual, ind.weight,
             ind.score, ind.reason, int(ind.inherited)],
        )


def load_report(store: Store, report_id: int) -> Report:
    row = store.one("SELECT * FROM reports WHERE id = ?", [report_id])
    if row is None:
        raise NotFound(f"没有编号为 {report_id} 的报告")
    report = Report(
        title=row["title"], unit=row["unit"], dept=row["dept"], year=row["year"], profile=row["profile"],
        outline=row["outline"], cover=json.loads(row["cover"] or "{}"), kind=row["kind"],
        source_line=row["source_line"] or 0,
    )
    paragraphs: dict[str, list[str]] = {}
    for p in store.query("SELECT section_key, text FROM paragraphs WHERE report_id = ? ORDER BY ord", [report_id]):
        paragraphs.setdefault(p["section_key"], []).append(p["text"])
    for s in store.query("SELECT key, title, heading FROM sections WHERE report_id = ? ORDER BY ord, id",
                         [report_id]):
        report.sections.append(Section(s["key"], s["title"], s["heading"], paragraphs.get(s["key"], [])))
    report.table = _load_table(store, report_id)
    if report.table is not None:
        report.table.section = outline_of(report).table_section or ""
    return report


def _load_table(store: Store, report_id: int) -> ReportTable | None:
    row = store.one("SELECT * FROM report_tables WHERE report_id = ?", [report_id])
    if row is None:
        return None
    table = ReportTable(
        profile=row["profile"], header=json.loads(row["header"] or "{}"), goals_expected=row["goals_expected"],
        goals_actual=row["goals_actual"], total_score=row["total_score"], year=row["year"],
    )
    for c in store.query("SELECT row, col, text, value FROM budget_cells WHERE report_id = ?", [report_id]):
        value = None if c["value"] is None else Decimal(c["value"])
        table.budget.setdefault(c["row"], {})[c["col"]] = Cell(c["text"], value)
    for i in store.query("SELECT * FROM indicators WHERE report_id = ? ORDER BY ord", [report_id]):
        table.indicators.append(Indicator(i["level1"], i["level2"], i["level3"], i["expected"], i["actual"],
                                          i["weight"], i["score"], i["reason"], bool(i["inherited"])))
    return table


def list_reports(store: Store, kind: str | None = None) -> list[dict[str, Any]]:
    """Drafts first, the one edited last at the top; then past reports, newest year first."""
    sql = "SELECT id, title, unit, dept, year, kind, profile, outline, updated_at FROM reports"
    params: list[Any] = []
    if kind:
        sql += " WHERE kind = ?"
        params.append(kind)
    order = " ORDER BY kind = 'draft' DESC, CASE WHEN kind = 'draft' THEN updated_at END DESC, year DESC, title, id"
    return store.query(sql + order, params)


MAX_ID = 2**63 - 1  # SQLite's largest integer
CANDIDATE_CUTOFF = 60  # rapidfuzz score from which a name is offered as «您是不是要找»
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def resolve_report(store: Store, ref: str) -> int:
    """A report by id, or by exact title (optionally «title@year»); the newest on ties (drafts
    first).  When nothing matches, NotFound carries the references the user may have meant:
    the names that contain what was typed (`partial`), else the names closest to it."""
    ref = ref.strip()
    digits = ref.translate(_DIGITS)
    if digits.isascii() and digits.isdigit():
        if len(digits) > 19 or int(digits) > MAX_ID:
            raise BadArgument(f"报告编号「{ref[:24]}…」太大：编号是 zipin reports 列出的 # 后面的数字")
        if store.one("SELECT 1 FROM reports WHERE id = ?", [int(digits)]) is None:
            raise NotFound(f"没有编号为 {digits} 的报告，可用 zipin reports 查看全部报告")
        return int(digits)
    title, _, year_text = ref.partition("@")
    title, year = title.strip(), _year(year_text)
    sql = "SELECT id FROM reports WHERE title = ?"
    params: list[Any] = [title]
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    row = store.one(sql + " ORDER BY kind = 'draft' DESC, year DESC, id DESC LIMIT 1", params)
    if row is None:
        raise _not_found(store, ref, title, year)
    return int(row["id"])


def _year(text: str) -> int | None:
    digits = text.strip().translate(_DIGITS)
    if not digits:
        return None
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 4):
        raise BadArgument(f"「{text.strip()[:24]}」不是有效的年份：应为四位数，如 2025")
    return int(digits)


def _not_found(store: Store, ref: str, title: str, year: int | None) -> NotFound:
    message = f"没有名为「{ref}」的报告"
    rows = store.query("SELECT DISTINCT title, year FROM reports ORDER BY year DESC, title")
    refs = [_ref(r["title"], r["year"]) for r in rows if r["title"]]
    same_title = [_ref(r["title"], r["year"]) for r in rows if r["title"] == title]
    if same_title:  # the name is right, the year is not
        return NotFound(message, same_title)
    containing = [_ref(r["title"], r["year"]) for r in rows if title and title in r["title"]
                  and (year is None or r["year"] == year)]
    if containing:
        return NotFound(message, containing, partial=True)
    near = _closest(title, [r["title"] for r in rows if r["title"]])
    candidates = [x for x in refs if x.partition("@")[0] in near and (year is None or x.endswith(f"@{year}"))] \
        or [x for x in refs if x.partition("@")[0] in near]
    if not candidates:
        return NotFound(message + "，可用 zipin reports 查看全部报告")
    return NotFound(message, candidates)


def _closest(title: str, titles: list[str], limit: int = 3) -> list[str]:
    from rapidfuzz import fuzz, process

    found = process.extract(title, sorted(set(titles)), scorer=fuzz.WRatio, limit=limit, score_cutoff=CANDIDATE_CUTOFF)
    return [t for t, _score, _i in found]


def _ref(title: str, year: int | None) -> str:
    return f"{title}@{year}" if year is not None else title


def report_kinds(store: Store, ids: list[int]) -> dict[int, str]:
    """Whether each report is a past report or a draft."""
    if not ids:
        return {}
    marks = ",".join("?" * len(set(ids)))
    return {r["id"]: r["kind"] for r in store.query(f"SELECT id, kind FROM reports WHERE id IN ({marks})", list(set(ids)))}


def _number(value: Decimal | None) -> float | int | str | None:
    """A Decimal as the content hash has always seen it: an int when whole, else the nearest
    float; beyond what int() may print (4,300 digits), its exact text."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value) if value.adjusted() < 4000 else format(value, "f")
    return float(value)


def _exact(value: Decimal | None) -> str | None:
    """A Decimal for JSON output: its exact decimal text («95.63», «1800000»)."""
    return None if value is None else format(value, "f")


def table_json(table: ReportTable, number: Any = _number) -> dict[str, Any]:  # noqa: ANN401 - a function
    """The 附表 as JSON; `number` writes its amounts (the content hash keeps its historic form,
    output uses exact decimal strings)."""
    keys = [spec["key"] for spec in get_profile(table.profile).budget["rows"]]
    # The rows the form has and the table holds; 合计, 财政拨款 and 其他资金 always (the CLI prints them).
    rows = [r for r in keys if r in table.budget or r in ("total", "fiscal", "other")]

    def column(col: str) -> dict[str, Any]:
        return {r: number(table.amount(r, col)) for r in rows}

    return {
        "profile": table.profile,
        "year": table.year,
        "budget": column("budget"),
        "spent": column("spent"),
        "cells": {
            r: {c: {"text": cell.text, "value": number(cell.value)} for c, cell in cols.items()}
            for r, cols in table.budget.items()
        },
        "goals": {"expected": table.goals_expected, "actual": table.goals_actual},
        "indicators": [
            {"level1": i.level1, "level2": i.level2, "level3": i.level3, "expected": i.expected, "actual": i.actual,
             "weight": i.weight, "score": i.score, "reason": i.reason}
            for i in table.indicators
        ],
        "total_score": table.total_score,
    }


def report_json(report_id: int, report: Report) -> dict[str, Any]:
    return {
        "id": report_id,
        "kind": report.kind,
        "title": report.title,
        "unit": report.unit,
        "dept": report.dept,
        "year": report.year,
        "profile": report.profile,
        "outline": report.outline,
        "cover": report.cover,
        "sections": [{"key": s.key, "title": s.title, "heading": s.heading, "text": s.text} for s in report.sections],
        "table": table_json(report.table, _exact) if report.table is not None else None,
    }
