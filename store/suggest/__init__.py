"""Suggestions: last year's wording for the section being drafted, with this year's numbers in it.

Candidates are past paragraphs of the same section — the same project first, then the same unit,
then the rest — ranked with rapidfuzz on number-masked, jieba-tokenised text, so a paragraph that
differs from what the user typed only in its numbers ranks first.  Each is rewritten by
`fill.fill`: every number a slot with its status and provenance, the old unit and project names
replaced by the draft's.
"""

from __future__ import annotations

import difflib
import re
import time
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from extract.mask import mask_numbers, tokens_of

from ..db import Store
from ..facts import paragraph_mentions
from ..search import Filters, Near, affine_rows, rows_by_id, wording_rows
from .facts import ThisYear
from .fill import Context, Slot, fill

CANDIDATES_WITHOUT_TEXT = 60
WORDINGS = 20  # best distinct wordings by the search's score, reranked by words
AFFINE = 40  # paragraphs of the same project (and of the same unit) always considered
PROJECT_BONUS = 8.0
UNIT_BONUS = 4.0
_REGION = re.compile(r"^(?:新疆维吾尔自治区|[\u4e00-\u9fff]{2,7}?(?:自治区|省|市|自治州|州|县|区))")


@dataclass
class Request:
    section: str
    text: str = ""
    year: int | None = None
    unit: str = ""
    title: str = ""
    facts: ThisYear | None = None
    from_report: int | None = None
    exclude_report: int | None = None  # the draft itself
    limit: int = 5


@dataclass
class Suggestion:
    report_id: int
    paragraph_id: int
    title: str
    unit: str
    year: int | None
    score: float
    source: str
    text: str
    slots: list[Slot] = field(default_factory=list)
    diff: list[dict[str, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id, "paragraph_id": self.paragraph_id, "title": self.title, "unit": self.unit,
            "year": self.year, "score": round(self.score, 1), "source": self.source, "text": self.text,
            "slots": [s.as_json() for s in self.slots], "diff": self.diff,
        }


def suggest(store: Store, request: Request) -> tuple[list[Suggestion], float]:
    """The best suggestions for a section, and the time taken in milliseconds."""
    started = time.perf_counter()
    rows = _candidates(store, request)
    ranked = sorted(rows, key=lambda r: (-r["score"], -(r["year"] or 0), r["paragraph_id"]))[: request.limit]
    mentions = paragraph_mentions(store, [r["paragraph_id"] for r in ranked])
    facts = request.facts or ThisYear.empty()
    out = []
    for row in ranked:
        ctx = Context(row["text"], facts, row["year"], request.year)
        slots = fill(row["text"], mentions.get(row["paragraph_id"], []), ctx)
        text = render(row["text"], slots, _renames(row, request))
        out.append(Suggestion(row["report_id"], row["paragraph_id"], row["title"], row["unit"], row["year"],
                              row["score"], row["text"], text, slots, token_diff(request.text, text)))
    return out, (time.perf_counter() - started) * 1000


def _candidates(store: Store, request: Request) -> list[dict[str, Any]]:
    filters = Filters(section=request.section, kind="past", exclude_report=request.exclude_report)
    typed = request.text.strip()
    if len(mask_numbers(typed).replace("#", "")) < 3:
        typed = ""  # one or two characters say nothing yet: rank by project, unit and recency
    if request.from_report is not None:
        rows = _from_report(store, request.from_report, request.section)
    elif typed:
        near = Near(request.unit, request.title)
        rows = wording_rows(store, typed, filters, near, limit=WORDINGS) + affine_rows(store, filters, near, AFFINE)
    else:
        rows = _affine(store, request, filters) + _recent(store, filters)
    seen: dict[int, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(row["paragraph_id"], row)
    latest = max((r["year"] or 0 for r in seen.values()), default=0)
    masked = mask_numbers(typed)
    tokens = tokens_of(masked).split() if typed else []
    for row in seen.values():
        row["score"] = _score(row, request, masked, tokens, latest)
    return list(seen.values())


def _score(row: dict[str, Any], request: Request, masked: str, tokens: list[str], latest: int) -> float:
    affinity = PROJECT_BONUS if request.title and row["title"] == request.title else \
        UNIT_BONUS if request.unit and row["unit"] == request.unit else 0.0
    recency = max(0.0, 2.0 - (latest - (row["year"] or 0)) * 0.5)
    if not tokens:
        return min(100.0, 80.0 + affinity * 2 + recency)
    words = row["tokens"].split()
    similarity = fuzz.ratio(tokens, words)
    if len(row["masked"]) > len(masked):
        similarity = max(similarity, 0.95 * fuzz.partial_ratio(masked, row["masked"]))
    return min(100.0, similarity + affinity + recency) if similarity >= 30 else similarity


def _paragraphs_of(store: Store, where: str, params: list[Any], filters: Filters,
                   limit: int) -> list[dict[str, Any]]:
    """Paragraphs of the section in the newest past reports that match `where`: the reports by
    their index first, then their paragraphs by the (report, section) index — no sort over the
    whole section."""
    reports = [r["id"] for r in store.query(
        f"SELECT id FROM reports WHERE kind = 'past' AND id != ? AND {where} ORDER BY year DESC, id DESC LIMIT ?",
        [filters.exclude_report or -1, *params, limit])]
    if not reports:
        return []
    marks = ",".join("?" * len(reports))
    ids = [r["id"] for r in store.query(
        f"SELECT id FROM paragraphs WHERE report_id IN ({marks}) AND section_key = ? LIMIT ?",
        [*reports, filters.section, limit])]
    return rows_by_id(store, ids)


def _affine(store: Store, request: Request, filters: Filters) -> list[dict[str, Any]]:
    """Paragraphs of the same project, then of the same unit."""
    rows: list[dict[str, Any]] = []
    if request.title:
        rows += _paragraphs_of(store, "title = ?", [request.title], filters, AFFINE)
    if request.unit:
        rows += _paragraphs_of(store, "unit = ?", [request.unit], filters, AFFINE)
    return rows


def _recent(store: Store, filters: Filters) -> list[dict[str, Any]]:
    return _paragraphs_of(store, "1 = 1", [], filters, CANDIDATES_WITHOUT_TEXT)


def _from_report(store: Store, report_id: int, section: str) -> list[dict[str, Any]]:
    ids = [r["id"] for r in store.query("SELECT id FROM paragraphs WHERE report_id = ? AND section_key = ? ORDER BY ord",
                                        [report_id, section])]
    return rows_by_id(store, ids)


def _renames(row: dict[str, Any], request: Request) -> list[tuple[str, str]]:
    """The past report's unit and project names, to be replaced by the draft's."""
    pairs = []
    if request.unit and row["unit"] and row["unit"] != request.unit:
        pairs.append((row["unit"], request.unit))
        short_old, short_new = _REGION.sub("", row["unit"]), _REGION.sub("", request.unit)
        if len(short_old) >= 4 and short_old != row["unit"]:
            pairs.append((short_old, short_new or request.unit))
    if request.title and row["title"] and row["title"] != request.title:
        pairs.append((row["title"], request.title))
    return pairs


def render(source: str, slots: list[Slot], renames: list[tuple[str, str]]) -> str:
    """The filled text; each slot's start/end set to where its new value stands."""
    out: list[str] = []
    pos = 0
    length = 0
    for slot in sorted(slots, key=lambda s: s.old.start):
        between = _rename(source[pos:slot.old.start], renames)
        out.append(between)
        length += len(between)
        slot.start, slot.end = length, length + len(slot.new)
        out.append(slot.new)
        length += len(slot.new)
        pos = slot.old.end
    out.append(_rename(source[pos:], renames))
    return "".join(out)


def _rename(text: str, renames: list[tuple[str, str]]) -> str:
    for old, new in renames:  # longest first: the full name before its short form
        text = text.replace(old, new)
    return text


def token_diff(typed: str, suggestion: str) -> list[dict[str, str]]:
    """What the suggestion adds to or changes in what the user typed, word by word."""
    if not typed.strip():
        return [{"op": "insert", "typed": "", "suggested": suggestion}] if suggestion else []
    from extract.segment import cut_blocks

    a, b = cut_blocks(typed), cut_blocks(suggestion)
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        ops.append({"op": tag, "typed": "".join(a[i1:i2]), "suggested": "".join(b[j1:j2])})
    return ops
