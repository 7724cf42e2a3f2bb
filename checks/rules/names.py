"""Names: another unit's or project's name (known from the store) inside this report, and a
near-miss of this report's own unit or project name — compared by characters and by toneless
pinyin, only against the names the store knows, never against general vocabulary."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

# Character-by-character pinyin is all a near-miss needs; without the phrase dictionary pypinyin
# loads in 0.07 s instead of 0.26 s, which the first check after the TUI opens would pay.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")

from pypinyin import Style, lazy_pinyin  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from extract.document import Section

from .. import section_cache
from ..context import CheckInput, NameIndex
from ..finding import Evidence, Finding
from ..registry import rule

_REGION = re.compile(r"^(?:新疆维吾尔自治区|[\u4e00-\u9fff]{2,7}?(?:自治区|省|市|自治州|州|县|区))")
MIN_NAME = 4  # shorter names («开办费») are too common as words
NEAR = 80
_NO_NAMES = NameIndex()  # a report checked without a store: only its own names are known


@rule("names", "单位与项目名称", "warning", "出现其他单位或项目的名称（库中已知），或本单位、本项目名称的错别字")
def check(data: CheckInput) -> Iterator[Finding]:
    own = _own_names(data)
    report = data.report
    context = (data.names, frozenset(own), report.unit, report.title)
    found = [section_cache.cached(data, "names", section, context, lambda s=section: _section(data, s, own))
             for section in report.sections]
    for foreign, _ in found:  # all sections' foreign names, then all near-misses, as ever
        yield from foreign
    for _, near in found:
        yield from near


def _section(data: CheckInput, section: Section, own: set[str]) -> tuple[list[Finding], list[Finding]]:
    """One section's findings: another unit's or project's name, and near-misses of one's own."""
    foreign = list(_foreign(data, section, data.names, own)) if data.names is not None else []
    return foreign, list(_near_misses(data, section, own))


def _own_names(data: CheckInput) -> set[str]:
    report = data.report
    names = {n for n in (report.unit, report.title, report.dept, report.cover.get("dept", "")) if n}
    return names | {v for n in list(names) if (v := _REGION.sub("", n)) and len(v) >= MIN_NAME}


def _foreign(data: CheckInput, section: Section, index: NameIndex, own: set[str]) -> Iterator[Finding]:
    candidate = _candidates(data, index, own)
    for index_, paragraph in enumerate(section.paragraphs):
        for begin, finish, name in index.matcher.leftmost_longest(paragraph, lambda n: candidate(n) is not None):
            if _part_of_own(paragraph, begin, finish, own):
                continue
            start, _ = data.paragraph_span(section.key, index_)
            full = candidate(name)
            what = "项目" if name in index.titles and name not in index.units else "单位"
            yield Finding(
                rule="names", severity="warning", section=section.key,
                message=(f"第 {section.key} 节出现了其他{what}的名称「{name}」"
                         + (f"（{full}）" if full != name else "") + "，可能是从其他报告复制时遗留的。"),
                evidence=[Evidence("text", name, section.key, index_, start + begin, start + finish)],
                fix=f"如将「{name}」改为本报告的{what}名称则一致",
            )


def _candidates(data: CheckInput, index: NameIndex, own: set[str]) -> Callable[[str], str | None]:
    """The full name a known name found in the text stands for when it is another unit's or
    project's (None when it is this report's own) — asked only of the names found."""
    own_unit, title = data.report.unit, data.report.title
    long_own = [o for o in own if len(o) >= 3]
    memo: dict[str, str | None] = {}

    def full_of(name: str) -> str | None:
        if name not in memo:
            full = index.units.get(name)
            if full == own_unit:
                full = None
            if name in index.titles and name != title:
                full = name  # a title stands for itself, even where it is also a unit's name
            if full is not None and (len(name) < 3 or any(name in o or o in name for o in long_own)):
                full = None
            memo[name] = full
        return memo[name]

    return full_of


def _part_of_own(paragraph: str, start: int, end: int, own: set[str]) -> bool:
    """«开放办» inside «自治区开放办», or a name inside one's own unit name, is not foreign."""
    for name in own:
        pos = paragraph.find(name, max(0, start - len(name)), end + len(name))
        if pos != -1 and pos <= start and pos + len(name) >= end:
            return True
    return False


def _near_misses(data: CheckInput, section: Section, own: set[str]) -> Iterator[Finding]:
    targets = tuple(sorted((n for n in own if len(n) >= MIN_NAME + 1), key=len, reverse=True))
    if not targets:
        return
    index = data.names or _NO_NAMES
    reported: set[str] = set()
    for index_, paragraph in enumerate(section.paragraphs):
        for start, written, name in _paragraph_misses(paragraph, targets, frozenset(own), index):
            if written in reported:
                continue
            reported.add(written)
            base, _ = data.paragraph_span(section.key, index_)
            yield Finding(
                rule="names", severity="warning", section=section.key,
                message=f"「{written}」与本报告的名称「{name}」只差一两个字，可能是错别字。",
                evidence=[Evidence("text", written, section.key, index_, base + start,
                                   base + start + len(written))],
                fix=f"如将「{written}」改为「{name}」则一致",
            )


@lru_cache(maxsize=2048)
def _paragraph_misses(paragraph: str, targets: tuple[str, ...], own: frozenset[str],
                      index: NameIndex) -> tuple[tuple[int, str, str], ...]:
    """(start, as written, the name meant) for each near-miss of a name in one paragraph (once per
    paragraph text and name index: the checks rerun after every pause in typing)."""
    correct = _known_spans(paragraph, own, index)
    taken: list[tuple[int, int]] = []
    out = []
    for name in targets:
        for start, written in _windows(paragraph, name):
            end = start + len(written)
            if written in own or written in index.known or _overlaps(start, end, correct) \
                    or _overlaps(start, end, taken):
                continue
            if _looks_like(written, name):
                taken.append((start, end))
                out.append((start, written, name))
    return tuple(out)


def _known_spans(paragraph: str, own: frozenset[str], index: NameIndex) -> list[tuple[int, int]]:
    """Where names the store knows, or one's own names, are written correctly («青川市文化广电旅游局»)."""
    spans = [(start, end) for start, end, _ in index.matcher.occurrences(paragraph)]
    for name in own - index.known:
        if len(name) < 3:
            continue
        pos = paragraph.find(name)
        while pos != -1:
            spans.append((pos, pos + len(name)))
            pos = paragraph.find(name, pos + 1)
    return spans


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def _windows(paragraph: str, name: str) -> Iterator[tuple[int, str]]:
    """Places where `name` could be written with a slip: same first two or last two characters."""
    seen: set[int] = set()
    for anchor, shift in ((name[:2], 0), (name[-2:], len(name) - 2)):
        pos = paragraph.find(anchor)
        while pos != -1:
            start = pos - shift
            if start >= 0 and start not in seen:
                seen.add(start)
                yield start, paragraph[start:start + len(name)]
            pos = paragraph.find(anchor, pos + 1)


def _looks_like(written: str, name: str) -> bool:
    if len(written) != len(name):
        return False
    differing = sum(1 for a, b in zip(written, name, strict=True) if a != b)
    if differing == 0 or differing > 2:
        return False
    if _pinyin(written) == _pinyin(name):
        return True  # «图书管» for «图书馆»: same sound, another character
    return fuzz.ratio(written, name) >= NEAR and differing == 1 and len(name) >= 8


@lru_cache(maxsize=4096)
def _pinyin(text: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(text, style=Style.NORMAL))
