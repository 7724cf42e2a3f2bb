"""Which outline a report follows: every known outline is scored against the headings the
report's lines hold, and the best one wins when it explains most of them.  Otherwise the report
has no known outline and is read by its headings' structure.

The score is an F-measure: the share of the report's headings the outline recognises
(precision) against the share of the outline's sections the report has (recall).
"""

from __future__ import annotations

from dataclasses import dataclass

from .headings import bare_title, split_line
from .markers import marker_at, mid_line_markers
from .outline import Outline, list_outlines
from .structural import split_structural

MIN_SCORE = 0.45  # below it, no outline explains the report's headings
MIN_ENTRIES = 2  # …nor one whose headings match fewer than this many


@dataclass(frozen=True)
class Fit:
    outline: Outline
    score: float
    matched: int


def choose_outline(lines: list[str], has_table: bool) -> Outline | None:
    """The known outline the report's headings fit best, or None (read it by structure)."""
    candidates = [(line, numbered) for line in lines
                  if (numbered := marker_at(line) is not None or bool(mid_line_markers(line))) or len(line) <= 30]
    shaped = sum(_structural_count(line) for line, numbered in candidates if numbered)
    fits = [_fit(outline, candidates, shaped, has_table) for outline in list_outlines()]
    best = max(fits, key=lambda f: f.score, default=None)  # ties: the first (the default outline)
    if best is None or best.score < MIN_SCORE or best.matched < MIN_ENTRIES:
        return None
    return best.outline


def _structural_count(line: str) -> int:
    return sum(len(hits) for hits, _ in split_structural(line))


def _fit(outline: Outline, lines: list[tuple[str, bool]], shaped: int, has_table: bool) -> Fit:
    entries: set[str] = set()
    found = 0
    for line, numbered in lines:
        if numbered:
            keys = [hit.key for hits, _ in split_line(line, outline) for hit in hits]
        else:
            bare = bare_title(line, outline)
            keys = [bare.key] if bare is not None else []
        found += len(keys)
        entries.update(keys)
    table = outline.table_entry
    if has_table and table is not None:
        entries.add(table.key)
    total = len(outline.by_key)
    if not entries or not total:
        return Fit(outline, 0.0, 0)
    precision = min(1.0, found / max(shaped, found, 1))
    recall = len(entries) / total
    return Fit(outline, 2 * precision * recall / (precision + recall), len(entries))
