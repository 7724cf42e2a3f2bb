"""Headings of a report of no known outline, found by their shape: a number of level 1 or 2
(一、 / （一）) followed by a short title — ended by the line, a colon, the next number, or glued
to its text after a word headings end with («…情况», «…背景»).  Numbered paragraphs that hold
data («（一）县财政局下达资金85万元。») are not headings: too long, or holding amounts.

Whether a heading found here is accepted depends on its place in the numbering
(`reader.StructuralSections`): a «一、» inside part 三 is a list item, not a part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .front import heading_endings, plain
from .markers import marker_at, mid_line_markers

TITLE_MAX = 30  # characters of a heading's title
GLUED_MAX = 20  # a title glued to its text ends within this many characters
_QUANTITY = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|元|%|％|个|人|户|次|项|家|所|台|套|名|场|处|份|座)")
_SENTENCE_MARKS = re.compile(r"[，,；;！？!?]")
_COLON = re.compile(r"[：:]")
_NEXT_NUMBER = re.compile(r"[（(][ \t\u3000\xa0]*[一二三四五六七八九十]|[一二三四五六七八九十]{1,3}[ \t\u3000\xa0]*[、．.]")


@dataclass(frozen=True)
class StructHit:
    level: int
    ordinal: int
    numbering: str
    title: str


def heading_like(title: str) -> bool:
    """Short, no clause breaks inside, no amounts: a title, not a sentence."""
    text = plain(title).rstrip("。.：:")
    if not 2 <= len(text) <= TITLE_MAX:
        return False
    return not (_SENTENCE_MARKS.search(text) or _QUANTITY.search(text) or "。" in text)


def split_structural(line: str) -> list[tuple[list[StructHit], str]]:
    """`line` as (headings, text) pieces: headings at its start and after sentence ends."""
    hits, pos = _peel(line, 0)
    pieces: list[tuple[list[StructHit], str]] = []
    for cut in mid_line_markers(line):
        if cut < pos:
            continue
        found, end = _peel(line, cut)
        if found:
            pieces.append((hits, line[pos:cut].strip()))
            hits, pos = found, end
    pieces.append((hits, line[pos:].strip()))
    return pieces


def as_text(hits: list[StructHit], rest: str) -> str:
    """A piece written back as text (its headings taken for list items)."""
    return "".join(h.numbering + h.title for h in hits) + rest


def _peel(line: str, pos: int) -> tuple[list[StructHit], int]:
    """The headings written one after another from `pos`, and where the text after them starts."""
    hits: list[StructHit] = []
    while True:
        found = _heading_at(line, pos)
        if found is None:
            while pos < len(line) and line[pos] in " \t\u3000\xa0":
                pos += 1
            return hits, pos
        hit, pos = found
        hits.append(hit)


def _heading_at(line: str, pos: int) -> tuple[StructHit, int] | None:
    marker = marker_at(line, pos)
    if marker is None or marker.level > 2:
        return None
    end = _title_end(line, marker.end)
    if end is None:
        return None
    title = line[marker.end:end]
    if not heading_like(title):
        return None
    after = end
    while after < len(line) and line[after] in " \t\u3000\xa0：:。":
        after += 1
    return StructHit(marker.level, marker.ordinal, marker.numbering, plain(title).rstrip("。.：:")), after


def _title_end(line: str, start: int) -> int | None:
    """Where a heading's title ends: at the line end, a colon, the next number, or after a
    heading word when it is glued to its text."""
    end = len(line)
    while end > start and line[end - 1].isspace():
        end -= 1
    if end - start <= 2 * TITLE_MAX and len(plain(line[start:end]).rstrip("。.")) <= TITLE_MAX \
            and not _SENTENCE_MARKS.search(line, start, end):
        return end
    rest = line[start:start + TITLE_MAX + 1]
    colon = _COLON.search(rest)
    if colon and colon.start() <= TITLE_MAX:
        return start + colon.start()
    for found in _NEXT_NUMBER.finditer(rest, 2):
        i = found.start()
        m = marker_at(rest, i)
        if m is not None and m.level <= 2 and rest[i - 1] not in "第":
            return start + i
    for i in range(2, min(len(rest), GLUED_MAX) + 1):
        if any(i >= n + 2 and rest[i - n:i] in words for n, words in _endings()):
            return start + _longest_ending(rest, i)
    return None


def _longest_ending(rest: str, i: int) -> int:
    """«项目完成情况分析…»: the title ends after «情况分析», not after «情况»."""
    best = i
    for j in range(i + 1, min(len(rest), i + 4) + 1):
        if any(j - n < i and rest[j - n:j] in words for n, words in _endings()):
            best = j
    return best


@cache
def _endings() -> tuple[tuple[int, frozenset[str]], ...]:
    """The heading words by length, for one set lookup per length."""
    lengths = sorted({len(e) for e in heading_endings()})
    return tuple((n, frozenset(e for e in heading_endings() if len(e) == n)) for n in lengths)
