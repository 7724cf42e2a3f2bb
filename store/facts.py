"""Facts: every number of a report's paragraphs, stored with its kind, exact value, precision,
comparator and label, so checks and suggestions query SQL instead of re-parsing text.

A paragraph's facts are written with the paragraph (import, or a saved edit), and go with it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from extract.mention import Mention
from extract.segment import add_words

from .db import Store
from .sqlite import Database


def mention_row(report_id: int, section_key: str, paragraph_id: int | None, m: Mention,
                source: str = "text", provenance: str = "") -> dict[str, Any]:
    return {"provenance": provenance,
        "report_id": report_id, "section_key": section_key, "paragraph_id": paragraph_id, "source": source,
        "start": m.start, "end": m.end, "surface": m.surface, "kind": m.kind, "value": str(m.value),
        "unit": m.unit, "scale": m.scale, "precision": m.precision, "cmp": m.cmp,
        "low": None if m.low is None else str(m.low), "high": None if m.high is None else str(m.high),
        "label": m.label,
    }


FACT_COLUMNS = ("report_id", "section_key", "paragraph_id", "source", "start", "end", "surface", "kind", "value",
                "unit", "scale", "precision", "cmp", "low", "high", "label", "provenance")
_INSERT_FACT = (f"INSERT INTO facts ({', '.join(f'[{c}]' for c in FACT_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(FACT_COLUMNS))})")


def write_facts(db: Database, report_id: int, section_key: str, paragraph_id: int, mentions: list[Mention],
                provenance: tuple[str, ...] = ()) -> int:
    """Insert a new paragraph's facts (one executemany: imports write hundreds of thousands)."""
    marks = provenance or ("",) * len(mentions)
    rows = [mention_row(report_id, section_key, paragraph_id, m, provenance=p) for m, p in zip(mentions, marks,
                                                                                                  strict=True)]
    if rows:
        db.conn.executemany(_INSERT_FACT, [[row[c] for c in FACT_COLUMNS] for row in rows])
    return len(rows)


def teach_names(store: Store) -> None:
    """Give the segmenter the unit and project names the store holds, for cleaner labels."""
    rows = store.query("SELECT DISTINCT title AS name FROM reports UNION SELECT DISTINCT unit FROM reports")
    add_words({r["name"] for r in rows if r["name"]})


def facts_of(store: Store, report_id: int, section_key: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM facts WHERE report_id = ?"
    params: list[Any] = [report_id]
    if section_key is not None:
        sql += " AND section_key = ?"
        params.append(section_key)
    return store.query(sql + " ORDER BY section_key, paragraph_id, start", params)


def mention_of(row: dict[str, Any]) -> Mention:
    """A stored fact back as a Mention (offsets within its paragraph)."""
    value: Decimal | str = row["value"] if row["kind"] == "date" else Decimal(row["value"])
    return Mention(
        start=row["start"], end=row["end"], surface=row["surface"], kind=row["kind"], value=value,
        unit=row["unit"], scale=row["scale"], precision=row["precision"], cmp=row["cmp"],
        low=None if row["low"] is None else Decimal(row["low"]),
        high=None if row["high"] is None else Decimal(row["high"]),
        label=row["label"], approx=row["cmp"] == "≈",
    )


def paragraph_mentions(store: Store, paragraph_ids: list[int]) -> dict[int, list[Mention]]:
    if not paragraph_ids:
        return {}
    marks = ",".join("?" * len(paragraph_ids))
    out: dict[int, list[Mention]] = {pid: [] for pid in paragraph_ids}
    for row in store.query(f"SELECT * FROM facts WHERE paragraph_id IN ({marks}) ORDER BY start", paragraph_ids):
        out[row["paragraph_id"]].append(mention_of(row))
    return out
