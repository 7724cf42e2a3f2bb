"""Lookup of past wording: FTS5 trigram candidates, reranked with rapidfuzz on number-masked text.

The FTS query is built here from the user's text — never passed through — so quotes, AND/OR,
NEAR, `*` or a lone `"` in a query are searched as plain text.  Only the rarest trigrams of
the query go into the FTS query (an OR), which keeps the candidate step fast on large stores;
the rerank then scores whole paragraphs, so a paragraph that differs only in its numbers
scores as a near-exact match.
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz import fuzz

from extract.mask import MASK, mask_numbers

from .db import Store

CANDIDATES = 300  # FTS candidates reranked per query
AND_TERMS = 6  # rarest trigrams a paragraph must all hold in the first step
MAX_TERMS = 12  # rare trigrams OR-ed in the second step
COMMON_SHARE = 0.2  # a trigram in more than this share of paragraphs is too common to OR


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

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["score"] = round(self.score, 1)
        return out


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
            clauses.append("r.unit LIKE ?")
            params.append(f"%{_like_escape(self.unit)}%")
        if self.title:
            clauses.append("r.title LIKE ?")
            params.append(f"%{_like_escape(self.title)}%")
        if self.kind:
            clauses.append("r.kind = ?")
            params.append(self.kind)
        if self.exclude_report is not None:
            clauses.append("r.id != ?")
            params.append(self.exclude_report)
        return (" AND " + " AND ".join(clauses) if clauses else ""), params


_NOT_WORD = re.compile(r"[^\w%％.]+")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def candidate_rows(store: Store, query: str, filters: Filters) -> list[dict[str, Any]]:
    """Paragraphs that may match `query` (FTS5, or a substring scan for one or two characters);
    when nothing does, the same for its words without the punctuation («满意*» → «满意»)."""
    query = query.strip()
    rows = _candidates(store, query, filters)
    words = _NOT_WORD.sub(" ", query).strip()
    if not rows and words and words != query:
        rows = _candidates(store, words, filters)
    return rows


def _candidates(store: Store, query: str, filters: Filters) -> list[dict[str, Any]]:
    terms = _trigrams(mask_numbers(query)) or _trigrams(query)
    if terms:
        return _fts_candidates(store, terms, filters)
    return _like_candidates(store, query, filters)


def search(store: Store, query: str, filters: Filters | None = None, limit: int = 10) -> tuple[list[SearchHit], float]:
    """Paragraphs most like `query`, best first, and the search's own time in milliseconds."""
    started = time.perf_counter()
    filters = filters or Filters()
    query = query.strip()
    masked = mask_numbers(query)
    rows = candidate_rows(store, query, filters) if query else _recent(store, filters, limit)
    hits = [_hit(row, masked) for row in rows]
    hits.sort(key=lambda h: (-h.score, -(h.year or 0), h.paragraph_id))
    return hits[:limit], (time.perf_counter() - started) * 1000


def similarity(masked_query: str, masked_text: str) -> float:
    """0–100: how well a paragraph matches, numbers masked on both sides.

    100 is the same wording; a paragraph that holds the whole query inside it scores 99.
    """
    if not masked_query or not masked_text:
        return 0.0
    whole = fuzz.ratio(masked_query, masked_text)
    if len(masked_text) <= len(masked_query):
        return whole
    return max(whole, 0.99 * fuzz.partial_ratio(masked_query, masked_text))


def _trigrams(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for i in range(len(text) - 2):
        gram = text[i:i + 3]
        if MASK in gram or '"' in gram or any(ch.isspace() for ch in gram):
            continue
        seen.setdefault(gram.lower())
    return list(seen)


def _by_rarity(store: Store, terms: list[str]) -> tuple[list[str], dict[str, int]]:
    """The terms that occur in the index, rarest first, with their document counts."""
    df: dict[str, int] = {}
    for chunk in range(0, len(terms), 500):
        part = terms[chunk:chunk + 500]
        marks = ",".join("?" * len(part))
        for r in store.query(f"SELECT term, doc FROM paragraphs_vocab WHERE term IN ({marks})", part):
            df[r["term"]] = r["doc"]
    present = sorted((t for t in terms if t in df), key=lambda t: df[t])
    return present, df


def _fts_candidates(store: Store, terms: list[str], filters: Filters) -> list[dict[str, Any]]:
    """Candidates in two cheap steps: paragraphs holding all of the rarest trigrams (newest
    first, no ranking), then — for few results — the best bm25 matches of any rare trigram."""
    ranked, df = _by_rarity(store, terms)
    if not ranked:
        return []
    rows = {r["paragraph_id"]: r for r in _fts_query(store, " AND ".join(_quote(ranked[:AND_TERMS])), filters, "rowid DESC")}
    if len(rows) < CANDIDATES // 4 and len(ranked) > 1:
        total = max(1, _doc_count(store))
        rare = [t for t in ranked if df[t] <= total * COMMON_SHARE][:MAX_TERMS] or ranked[:2]
        for r in _fts_query(store, " OR ".join(_quote(rare)), filters, "rank"):
            rows.setdefault(r["paragraph_id"], r)
    return list(rows.values())


def _quote(terms: list[str]) -> list[str]:
    return [f'"{t}"' for t in terms]


def _doc_count(store: Store) -> int:
    row = store.one("SELECT max(rowid) AS n FROM paragraphs")
    return int(row["n"] or 0) if row else 0


def _fts_query(store: Store, match: str, filters: Filters, order: str) -> list[dict[str, Any]]:
    """Matching paragraphs: ids first (FTS order, filtered), then the rows of the few kept."""
    where, params = filters.sql()
    fetch = CANDIDATES if not where else CANDIDATES * 10
    ids = [r["id"] for r in store.query(f"""
        SELECT p.id FROM (SELECT rowid, rank FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY {order} LIMIT ?) f
        JOIN paragraphs p ON p.id = f.rowid
        JOIN reports r ON r.id = p.report_id
        WHERE 1 = 1 {where}
        LIMIT ?""", [match, fetch, *params, CANDIDATES])]
    return rows_by_id(store, ids)


def rows_by_id(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return store.query(f"""
        SELECT p.id AS paragraph_id, p.report_id, p.section_key, p.text, p.masked, p.tokens, r.title, r.unit, r.year
        FROM paragraphs p JOIN reports r ON r.id = p.report_id WHERE p.id IN ({marks})""", ids)


def _like_candidates(store: Store, query: str, filters: Filters) -> list[dict[str, Any]]:
    where, params = filters.sql()
    sql = f"""
        SELECT p.id AS paragraph_id, p.report_id, p.section_key, p.text, p.masked, p.tokens, r.title, r.unit, r.year
        FROM paragraphs p JOIN reports r ON r.id = p.report_id
        WHERE p.text LIKE ? ESCAPE '\\' {where}
        ORDER BY p.id DESC
        LIMIT ?
    """
    return store.query(sql, [f"%{_like_escape(query)}%", *params, CANDIDATES])


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


def _hit(row: dict[str, Any], masked_query: str) -> SearchHit:
    score = similarity(masked_query, row["masked"]) if masked_query else 0.0
    return SearchHit(
        report_id=row["report_id"], paragraph_id=row["paragraph_id"], title=row["title"], unit=row["unit"],
        year=row["year"], section=row["section_key"], text=row["text"], score=score,
    )
