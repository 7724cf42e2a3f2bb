"""Heading numbers by structure: 一、 (level 1), （一） (2), 1. / 1、 (3), （1） (4), ① (5).

A numbering is looked for at the start of a line and, for levels 1 and 2, also after a sentence
end or a space inside a line (web and PDF copies lose the line breaks).  Whether the text after
it is a heading is decided elsewhere: by an outline's titles (`headings.py`), or by the shape of
the text for a report of no known outline (`structural.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numerals import parse_chinese

_CN = "一二三四五六七八九十"
_PATTERNS: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (2, "sub", re.compile(rf"[ \t\u3000\xa0]*[（(][ \t\u3000\xa0]*([{_CN}]{{1,3}})[ \t\u3000\xa0]*[)）][ \t\u3000\xa0]*")),
    (1, "chinese", re.compile(rf"[ \t\u3000\xa0]*([{_CN}]{{1,3}})[ \t\u3000\xa0]*[、.．，,][ \t\u3000\xa0]*")),
    (4, "paren_arabic", re.compile(r"[ \t\u3000\xa0]*[（(][ \t\u3000\xa0]*([0-9０-９]{1,2})[ \t\u3000\xa0]*[)）][ \t\u3000\xa0]*")),
    (3, "arabic", re.compile(r"[ \t\u3000\xa0]*([0-9０-９]{1,2})[ \t\u3000\xa0]*[、.．](?![0-9０-９])[ \t\u3000\xa0]*")),
    (5, "circled", re.compile(r"[ \t\u3000\xa0]*([①-⑳])[ \t\u3000\xa0]*")),
)
_MID = re.compile(rf"(?<=[。；;！？!?：:\s\u3000])[ \t\u3000\xa0]*(?:[（(][ \t\u3000\xa0]*[{_CN}]{{1,3}}[ \t\u3000\xa0]*[)）]|[{_CN}]{{1,3}}[ \t\u3000\xa0]*[、．.])")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_START = re.compile(rf"[ \t\u3000\xa0]*[（({_CN}0-9０-９①-⑳]")  # what every numbering starts with


@dataclass(frozen=True)
class Marker:
    start: int  # where the numbering starts (spaces before it included)
    end: int  # where the text after it starts
    level: int
    ordinal: int
    numbering: str  # as written, without spaces: «一、», «（二）», «6、»
    kind: str  # chinese | sub | arabic | paren_arabic | circled


def marker_at(line: str, pos: int = 0) -> Marker | None:
    """The heading number at `pos` of `line`, if one is written there."""
    if not _START.match(line, pos):
        return None
    found = _marker_in(line[pos:pos + _WINDOW], pos > 0)
    if found is None:
        return None
    return Marker(pos + found.start, pos + found.end, found.level, found.ordinal, found.numbering, found.kind)


_WINDOW = 24  # a numbering with its spaces is shorter than this


@lru_cache(maxsize=16384)
def _marker_in(window: str, inside: bool) -> Marker | None:
    for level, kind, pattern in _PATTERNS:
        m = pattern.match(window)
        if m is None or (m.end() == len(window) and len(window) == _WINDOW):
            continue
        if kind == "chinese" and m.group(0).rstrip()[-1] in "，," and inside:
            continue  # «一，» only starts a line
        ordinal = _ordinal(m.group(1), kind)
        if ordinal is None:
            continue
        numbering = "".join(m.group(0).split())
        return Marker(m.start(), m.end(), level, ordinal, numbering, kind)
    return None


def mid_line_markers(line: str, start: int = 0) -> list[int]:
    """Positions inside `line` (after `start`, never its very start) where a level 1 or 2 number
    follows a sentence end or a space: where a heading of a flattened copy may begin."""
    return [m.start() for m in _MID.finditer(line, start) if m.start() > start]


def _ordinal(text: str, kind: str) -> int | None:
    if kind == "circled":
        return ord(text) - ord("①") + 1
    if kind in ("arabic", "paren_arabic"):
        return int(text.translate(_FULL_DIGITS))
    parsed = parse_chinese(text)
    return int(parsed[0]) if parsed is not None else None
