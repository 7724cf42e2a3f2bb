"""Lookup of past wording: candidates from the wording index (store/wordings), reranked with
rapidfuzz on number-masked text.

A query is never passed to SQL or FTS, so quotes, AND/OR, NEAR, `*` or a lone `"` are searched
as plain text.  Candidates are distinct wordings, not paragraphs: a paragraph copied into a
hundred reports is scored once, and shown once with the number of other reports that share
its wording (numbers aside).  Ties go to the newest year, then the user's own unit, then the
same project.  Drafts are not in the index; a search that includes them scores them directly
(there are few).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any

from extract.mask import mask_numbers

from .db import Store
from .scorer import scores, similarity

CANDIDATES = 200  # distinct wordings reranked per query


@dataclass
class SearchHit:
    report_id: int
    paragraph_id: int
    title: str
    unit: str
    year: int | None
    section: str
    text: str
    score: float
    shared: int = 0  # other reports with the same wording (numbers aside)

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["score"] = round(self.score, 1)
        return out

    def shared_note(self) -> str:
        return f"另有 {self.shared} 份报告相同（数字不计）" if self.shared else ""


@dataclass(frozen=True)
class Near:
    """The draft a search is made for: its unit and project win ties."""
    unit: str = ""
    title: str = ""


@dataclass
class Filters:
    section: str | None = None
    year: int | None = None
    unit: str | None = None
    title: str | None = None
    kind: str | None = None
    exclude_report: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.section:
            clauses.append("p.section_key = ?")
            params.append(self.section)
        if self.year is not None:
            clauses.append("r.year = ?")
            params.append(self.year)
        if self.unit:
            clauses.append("r.unit LIKE ? ESCAPE '\\'")
            params.append(f"%{_like_escape(self.unit)}%")
        if self.title:
            clauses.append("r.title LIKE ? ESCAPE '\\'")
            params.append(f"%{_like_escape(self.title)}%")
        if self.kind:
            clauses.append("r.kind = ?")
            params.append(self.kind)
        if self.exclude_report is not None:
            clauses.append("r.id != ?")
            params.append(self.exclude_report)
        return (" AND " + " AND ".join(clauses) if clauses else ""), params


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(store: Store, query: str, filters: Filters | None = None, limit: int = 10,
           near: Near | None = None) -> tuple[list[SearchHit], float]:
    """Paragraphs most like `query`, best first, one per wording, and the search's own time in
    milliseconds.  `near`: the draft's unit and project, which win ties."""
    started = time.perf_counter()
    filters = filters or Filters()
    query = query.strip()
    if not query:
        hits = [_hit(row, 0.0) for row in _recent(store, filters, limit)]
    else:
        hits = _ranked(store, query, filters, limit, near)
    return hits, (time.perf_counter() - started) * 1000


def _ranked(store: Store, query: str, filters: Filters, limit: int, near: Near | None) -> list[SearchHit]:
    masked = mask_numbers(query)
    hits: list[SearchHit] = []
    if filters.kind in (None, "past"):
        hits += [_hit(row, row["score"], row["shared"])
                 for row in wording_rows(store, query, filters, near, limit=limit)]
    if filters.kind in (None, "draft"):
        hits += _draft_hits(store, masked, filters)
    hits.sort(key=lambda h: tie_key(h.score, h.year, h.unit, h.title, h.paragraph_id, near))
    return hits[:limit]


def tie_key(score: float, year: int | None, unit: str, title: str, paragraph_id: int,
            near: Near | None) -> tuple[float, int, bool, bool, int]:
    """Best first: the score, then the newest year, the user's own unit, the same project."""
    near = near or Near()
    return (-round(score, 6), -(year or 0), not (near.unit and unit == near.unit),
            not (near.title and title == near.title), -paragraph_id)


def wording_rows(store: Store, query: str, filters: Filters, near: Near | None = None, *,
                 limit: int = 10, candidates: int = CANDIDATES) -> list[dict[str, Any]]:
    """The past paragraphs best matching `query`, one per wording, as rows with `score` and
    `shared` (other reports with the wording); when no wording shares a bigram with the query,
    the same for its words without the punctuation («满意*» → «满意»)."""
    from .wordings import best_wordings, wordings_of  # numpy: not on the way to the first paint

    picked = best_wordings(wordings_of(store), query, filters, near, limit, candidates)
    picked.sort(key=lambda p: tie_key(p[6], p[3], p[4], p[5], p[1], near))
    picked = picked[:limit]
    rows = {r["paragraph_id"]: r for r in rows_by_id(store, [p[1] for p in picked])}
    return [rows[p[1]] | {"score": p[6], "shared": p[2]} for p in picked if p[1] in rows]


def affine_rows(store: Store, filters: Filters, near: Near, limit: int) -> list[dict[str, Any]]:
    """Past paragraphs of the draft's own project, then of its unit (as `filters` allow): the
    newest of each wording, the newest `limit` wordings of each."""
    from .wordings import affine, filtered, wordings_of

    index = wordings_of(store)
    return rows_by_id(store, affine(index, filtered(index, filters)[0], near, limit))


def rows_by_id(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return store.query(f"""
        SELECT p.id AS paragraph_id, p.report_id, p.section_key, p.text, p.masked, p.tokens, r.title, r.unit, r.year
        FROM paragraphs p JOIN reports r ON r.id = p.report_id WHERE p.id IN ({marks})""", ids)


def _draft_hits(store: Store, masked: str, filters: Filters) -> list[SearchHit]:
    """Drafts are few and change on every keystroke: scored directly, not through the index."""
    where, params = Filters(**{**asdict(filters), "kind": "draft"}).sql()
    rows = store.query(f"""
        SELECT p.id AS paragraph_id, p.report_id, p.section_key, p.text, p.masked, r.title, r.unit, r.year
        FROM paragraphs p JOIN reports r ON r.id = p.report_id WHERE 1 = 1 {where}""", params)
    marks = scores(masked, [r["masked"] for r in rows])
    return [_hit(row, float(mark)) for row, mark in zip(rows, marks, strict=True) if mark > 0]


def _recent(store: Store, filters: Filters, limit: int) -> list[dict[str, Any]]:
    where, params = filters.sql()
    sql = f"""
        SELECT p.id AS paragraph_id, p.report_id, p.section_key, p.text, p.masked, p.tokens, r.title, r.unit, r.year
        FROM paragraphs p JOIN reports r ON r.id = p.report_id
        WHERE 1 = 1 {where}
        ORDER BY r.year DESC, p.report_id DESC, p.section_key, p.ord
        LIMIT ?
    """
    return store.query(sql, [*params, limit])


def _hit(row: dict[str, Any], score: float, shared: int = 0) -> SearchHit:
    return SearchHit(
        report_id=row["report_id"], paragraph_id=row["paragraph_id"], title=row["title"], unit=row["unit"],
        year=row["year"], section=row["section_key"], text=row["text"], score=score, shared=shared,
    )


__all__ = ["CANDIDATES", "Filters", "Near", "SearchHit", "affine_rows", "rows_by_id", "search", "similarity", "tie_key", "wording_rows"]
