"""The names index: units, project titles, and the abbreviations a report defines for its own
unit («（以下简称：开放办）»).  Filled when a report is written; read by the names check."""

from __future__ import annotations

import re
from typing import Any

from .sqlite import Database

_ABBREVIATION = re.compile(r"[（(]\s*以下简称\s*[：:]?\s*[“\"「]?([\u4e00-\u9fff]{2,12})[”\"」]?\s*[)）]")


def abbreviations(text: str, unit: str) -> set[str]:
    """Abbreviations defined in `text` that stand for `unit` (they share at least two characters)."""
    found = set()
    for m in _ABBREVIATION.finditer(text):
        name = m.group(1)
        if name != unit and len(set(name) & set(unit)) >= 2:
            found.add(name)
    return found


def index_names(db: Database, report_id: int) -> None:
    row = next(iter(db.query("SELECT title, unit FROM reports WHERE id = ?", [report_id])), None)
    if row is None:
        return
    db.execute("DELETE FROM names WHERE report_id = ?", [report_id])
    rows: list[dict[str, Any]] = []
    if row["unit"]:
        rows.append({"name": row["unit"], "full": row["unit"], "kind": "unit", "report_id": report_id})
        text = "\n".join(p["text"] for p in db.query(
            "SELECT text FROM paragraphs WHERE report_id = ? AND text LIKE '%以下简称%'", [report_id]))
        for alias in abbreviations(text, row["unit"]):
            rows.append({"name": alias, "full": row["unit"], "kind": "alias", "report_id": report_id})
    if row["title"]:
        rows.append({"name": row["title"], "full": row["title"], "kind": "title", "report_id": report_id})
    if rows:
        db["names"].insert_all(rows, ignore=True)
