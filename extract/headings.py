"""Recognising outline headings in real report text.

Headings are matched by title similarity against the outline (titles and aliases), not by
their number: real reports renumber, write 6、 for 六、, drop the number, or use （一）（二）
inside a section for things that are not outline sections.  A line may also start with one or
more headings written inline before its text («一、项目概况（一）项目单位基本情况一、机构情况…»);
`split_headings` peels those off and returns what is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from .outline import OutlineEntry, load_outline

_TOP = re.compile(r"\s*([一二三四五六七八九十]{1,3})\s*[、.．，,]\s*")
_ARABIC = re.compile(r"\s*([0-9０-９]{1,2})\s*[、.．](?![0-9０-９])\s*")
_SUB = re.compile(r"\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*")
_BOUNDARY = re.compile(r"\s*(?:[：:，,。.、；;]|[（(]|[一二三四五六七八九十]{1,3}[、.．]|$)")
_HINT_START = re.compile(r"^[（(]?\s*(?:包括|主要是指|主要指|如项目|将项目)")
_SPACE = re.compile(r"[\s\u3000\xa0]+")

ACCEPT = 85.0  # a heading followed by punctuation, a hint, another heading or nothing
ACCEPT_GLUED = 90.0  # a heading glued straight onto its text («…设定情况我单位根据…»)
ACCEPT_BARE = 92.0  # a line that is only a title, with no number


@dataclass(frozen=True)
class HeadingHit:
    key: str
    numbering: str  # as written: "一、", "（二）", "6、", ""
    title: str  # as written
    numeral_kind: str  # "chinese" | "arabic" | "sub" | "none"


def plain(text: str) -> str:
    """Text without any whitespace (including ideographic and no-break spaces)."""
    return _SPACE.sub("", text)


def split_headings(line: str) -> tuple[list[HeadingHit], str]:
    """Peel the headings off the start of `line`; return them and the remaining text."""
    hits: list[HeadingHit] = []
    pos = 0
    while True:
        hit, end = _heading_at(line, pos)
        if hit is None:
            break
        hits.append(hit)
        pos = _skip_hint(line, _skip_punct(line, end), hit.key)
    if not hits:
        bare = _bare_title(line)
        if bare is not None:
            return [bare], ""
    return hits, line[pos:].strip()


def is_hint(line: str, key: str | None) -> bool:
    """True for a template hint line: the official hint of `key`, or a hint-shaped line."""
    text = plain(line)
    if not text:
        return False
    entry = load_outline().entry(key) if key else None
    if entry and entry.hint and fuzz.ratio(_strip_parens(text), _strip_parens(entry.hint)) >= 80:
        return True
    enclosed = text[0] in "（(" and text[-1] in "）)"
    return bool(enclosed and _HINT_START.match(text) and len(text) <= 80)


def _strip_parens(text: str) -> str:
    return text.strip("（）() 。")


def _heading_at(line: str, pos: int) -> tuple[HeadingHit | None, int]:
    for pattern, kind in ((_SUB, "sub"), (_TOP, "chinese"), (_ARABIC, "arabic")):
        m = pattern.match(line, pos)
        if not m:
            continue
        candidates = _part_titles() if kind != "sub" else _section_titles()
        if kind == "arabic":
            candidates = candidates + _section_titles()
        best = _best_prefix(line, m.end(), candidates)
        if best is None:
            return None, pos
        entry, length, score = best
        end = m.end() + length
        glued = not _BOUNDARY.match(line, end)
        if score >= (ACCEPT_GLUED if glued else ACCEPT) and (not glued or len(entry.title) >= 6):
            numbering = plain(line[pos:m.end()])
            return HeadingHit(entry.key, numbering, line[m.end():end], kind), end
        return None, pos
    return None, pos


def _best_prefix(
    line: str, start: int, candidates: tuple[tuple[str, OutlineEntry], ...]
) -> tuple[OutlineEntry, int, float] | None:
    best: tuple[OutlineEntry, int, float] | None = None
    for title, entry in candidates:
        n = len(title)
        for length in range(max(2, n - 3), n + 4):
            if start + length > len(line):
                break
            score = fuzz.ratio(title, line[start:start + length])
            # On equal scores the longer match wins: a title over its own shorter alias.
            if best is None or (score, length) > (best[2], best[1]):
                best = (entry, length, score)
    return best


def _bare_title(line: str) -> HeadingHit | None:
    """A line holding only a section title, without a number (e.g. «项目绩效目标完成情况分析»)."""
    text = plain(line).rstrip("：:。")
    if not text or len(text) > 24:
        return None
    for title, entry in _section_titles():
        if len(text) <= len(title) + 2 and len(title) >= 4 and fuzz.ratio(title, text) >= ACCEPT_BARE:
            return HeadingHit(entry.key, "", text, "none")
    return None


def _skip_punct(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in " \t\u3000\xa0：:。，,":
        pos += 1
    return pos


def _skip_hint(line: str, pos: int, key: str) -> int:
    """Skip a template hint written right after an inline heading, e.g. «（包括财政资金…）»."""
    if pos >= len(line) or line[pos] not in "（(":
        return pos
    close = re.compile(r"[)）]").search(line, pos)
    if not close or close.end() - pos > 90:
        return pos
    if is_hint(line[pos:close.end()], key):
        return _skip_punct(line, close.end())
    return pos


@cache
def _part_titles() -> tuple[tuple[str, OutlineEntry], ...]:
    return tuple((t, e) for e in load_outline().parts for t in e.titles)


@cache
def _section_titles() -> tuple[tuple[str, OutlineEntry], ...]:
    return tuple((t, e) for e in load_outline().sections for t in e.titles)
