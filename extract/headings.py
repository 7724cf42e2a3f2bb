"""Recognising an outline's headings in report text.

Headings are matched by title similarity against the outline (titles and aliases), not by
their number: real reports renumber, write 6、 for 六、, drop the number, or use （一）（二）
inside a section for things that are not outline sections.  A line may also start with one or
more headings written inline before its text («一、项目概况（一）项目单位基本情况一、机构情况…»);
`split_headings` peels those off and returns what is left.  In a flattened copy headings also
come mid-line, after a sentence end or a space: `split_line` cuts the line there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .markers import marker_at, mid_line_markers
from .outline import Outline, OutlineEntry, load_outline

_BOUNDARY = re.compile(r"\s*(?:[：:，,。.、；;]|[（(]|[一二三四五六七八九十]{1,3}[、.．]|$)")
_HINT_START = re.compile(r"^[（(]?\s*(?:包括|主要是指|主要指|如项目|将项目)")
_SPACE = re.compile(r"[\s\u3000\xa0]+")
_CLOSE = re.compile(r"[)）]")

ACCEPT = 85.0  # a heading followed by punctuation, a hint, another heading or nothing
ACCEPT_GLUED = 90.0  # a heading glued straight onto its text («…设定情况我单位根据…»)
ACCEPT_BARE = 92.0  # a line that is only a title, with no number
GLUED_MIN = 6  # a shorter title glued to its text must match exactly…
EXACT_GLUED_MIN = 4  # …and be at least this long


@dataclass(frozen=True)
class HeadingHit:
    key: str
    numbering: str  # as written: "一、", "（二）", "6、", ""
    title: str  # as written
    numeral_kind: str  # "chinese" | "arabic" | "sub" | "none"


def plain(text: str) -> str:
    """Text without any whitespace (including ideographic and no-break spaces)."""
    return _SPACE.sub("", text)


def split_headings(line: str, outline: Outline | None = None) -> tuple[list[HeadingHit], str]:
    """Peel the headings off the start of `line`; return them and the remaining text."""
    outline = outline or load_outline()
    hits, pos = _peel(line, 0, outline)
    if not hits:
        bare = bare_title(line, outline)
        if bare is not None:
            return [bare], ""
    return hits, line[pos:].strip()


def split_line(line: str, outline: Outline | None = None) -> list[tuple[list[HeadingHit], str]]:
    """`line` as (headings, text) pieces in order: the headings at its start and those written
    mid-line after a sentence end or a space, each with the text up to the next one."""
    outline = outline or load_outline()
    hits, rest = split_headings(line, outline)
    pieces: list[tuple[list[HeadingHit], str]] = []
    pos = 0
    for cut in mid_line_markers(rest):
        if cut < pos or heading_at(rest, cut, outline)[0] is None:
            continue
        pieces.append((hits, rest[pos:cut].strip()))
        hits, pos = _peel(rest, cut, outline)
    pieces.append((hits, rest[pos:].strip()))
    return pieces


def _peel(line: str, pos: int, outline: Outline) -> tuple[list[HeadingHit], int]:
    hits: list[HeadingHit] = []
    while True:
        hit, end = heading_at(line, pos, outline)
        if hit is None:
            return hits, pos
        hits.append(hit)
        pos = _skip_hint(line, _skip_punct(line, end), hit.key, outline)


def is_hint(line: str, key: str | None, outline: Outline | None = None) -> bool:
    """True for a template hint line: the official hint of `key`, or a hint-shaped line."""
    text = plain(line)
    if not text:
        return False
    entry = (outline or load_outline()).entry(key) if key else None
    if entry and entry.hint and fuzz.ratio(_strip_parens(text), _strip_parens(entry.hint)) >= 80:
        return True
    enclosed = text[0] in "（(" and text[-1] in "）)"
    return bool(enclosed and _HINT_START.match(text) and len(text) <= 80)


def _strip_parens(text: str) -> str:
    return text.strip("（）() 。")


def heading_at(line: str, pos: int, outline: Outline) -> tuple[HeadingHit | None, int]:
    """The outline heading written at `pos`, and where it ends (`pos` when there is none)."""
    _titles(outline.key, outline)
    window = line[pos:pos + _LONGEST[outline.key] + 24]
    if pos + len(window) < len(line):
        window += "\x00"  # cut short: the window's end is not the line's end
    hit, length = _heading_in(window, outline.key)
    return (hit, pos + length) if hit is not None else (None, pos)


@lru_cache(maxsize=65536)
def _heading_in(window: str, key: str) -> tuple[HeadingHit | None, int]:
    """`heading_at` on a window of a line, cached: report headings repeat from report to report."""
    marker = marker_at(window, 0)
    if marker is None or marker.kind not in ("sub", "chinese", "arabic"):
        return None, 0
    parts, sections = _TITLES[key]
    if marker.kind == "sub":
        candidates = sections
    elif marker.kind == "chinese":
        candidates = parts
    else:
        candidates = parts + sections
    best = _best_prefix(window.rstrip("\x00"), marker.end, candidates)
    if best is None:
        return None, 0
    entry, length, score = best
    end = marker.end + length
    glued = not _BOUNDARY.match(window, end)
    if score >= (ACCEPT_GLUED if glued else ACCEPT) and (
            not glued or len(entry.title) >= GLUED_MIN or (score == 100 and length >= EXACT_GLUED_MIN)):
        return HeadingHit(entry.key, marker.numbering, window[marker.end:end], marker.kind), end
    return None, 0


def _best_prefix(
    line: str, start: int, candidates: tuple[tuple[str, OutlineEntry], ...]
) -> tuple[OutlineEntry, int, float] | None:
    """The title (and the length of text it matches) scoring highest at `start`, among those
    reaching ACCEPT: a lower score is never taken, so it is neither computed nor returned."""
    best: tuple[OutlineEntry, int, float] | None = None
    longest = max((len(title) for title, _ in candidates), default=0)
    present = set(line[start:start + longest + 3]).__contains__
    for title, entry in candidates:
        n = len(title)
        shortest = max(2, n - 3)
        # fuzz.ratio can reach at most 2·(title characters in the text)/(n + length): skip a title
        # that cannot reach ACCEPT (counted against the widest window: it skips fewer, never more).
        if 200 * sum(map(present, title)) < ACCEPT * (n + shortest):
            continue
        for length in range(shortest, n + 4):
            if start + length > len(line):
                break
            floor = ACCEPT if best is None else best[2]
            score = fuzz.ratio(title, line[start:start + length], score_cutoff=floor)
            # On equal scores the longer match wins: a title over its own shorter alias.
            if score >= floor and (best is None or (score, length) > (best[2], best[1])):
                best = (entry, length, score)
    return best


def bare_title(line: str, outline: Outline) -> HeadingHit | None:
    """A line holding only a section title, without a number (e.g. «项目绩效目标完成情况分析»)."""
    if len(line) > 60:
        return None
    _titles(outline.key, outline)
    return _bare_in(line, outline.key)


@lru_cache(maxsize=16384)
def _bare_in(line: str, key: str) -> HeadingHit | None:
    text = plain(line).rstrip("：:。")
    if not text or len(text) > 24:
        return None
    for title, entry in _TITLES[key][1]:
        if len(text) <= len(title) + 2 and len(title) >= 4 and fuzz.ratio(title, text) >= ACCEPT_BARE:
            return HeadingHit(entry.key, "", text, "none")
    return None


def _skip_punct(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in " \t\u3000\xa0：:。，,":
        pos += 1
    return pos


def _skip_hint(line: str, pos: int, key: str, outline: Outline) -> int:
    """Skip a template hint written right after an inline heading, e.g. «（包括财政资金…）»."""
    if pos >= len(line) or line[pos] not in "（(":
        return pos
    close = _CLOSE.search(line, pos)
    if not close or close.end() - pos > 90:
        return pos
    if is_hint(line[pos:close.end()], key, outline):
        return _skip_punct(line, close.end())
    return pos


def _part_titles(outline: Outline) -> tuple[tuple[str, OutlineEntry], ...]:
    return _titles(outline.key, outline)[0]


def _section_titles(outline: Outline) -> tuple[tuple[str, OutlineEntry], ...]:
    return _titles(outline.key, outline)[1]


_LONGEST: dict[str, int] = {}
_TITLES: dict[str, tuple[tuple[tuple[str, OutlineEntry], ...], tuple[tuple[str, OutlineEntry], ...]]] = {}


def _titles(key: str, outline: Outline) -> tuple[tuple[tuple[str, OutlineEntry], ...], tuple[tuple[str, OutlineEntry], ...]]:
    """(part titles, section titles) of a known outline, computed once per outline key."""
    assert not outline.structural, "a structural outline has no titles to match"
    found = _TITLES.get(key)
    if found is None:
        found = (tuple((t, e) for e in outline.parts for t in e.titles if t),
                 tuple((t, e) for e in outline.sections for t in e.titles if t))
        _TITLES[key] = found
        _LONGEST[key] = max((len(t) for t, _ in (*found[0], *found[1])), default=0)
    return found
