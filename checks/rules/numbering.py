"""Numbering: gaps or repeats in a numbered list inside a section (…6, 6, 7 / …7, 9, 10), and a
heading written with the wrong kind of numeral (6、 for 六、)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from extract.document import Section
from extract.numerals import parse_chinese

from .. import section_cache
from ..context import CheckInput
from ..finding import Evidence, Finding
from ..registry import rule

_CLAUSE = r"(?:^|(?<=[\n。；;：:！？，,\s]))"
_STYLES = {
    "arabic": re.compile(r"(?<![\d.．第])(\d{1,2})\s*[、.．](?=\s*[\u4e00-\u9fff“\"《（(])"),
    "paren": re.compile(r"[（(]\s*(\d{1,2})\s*[)）]"),
    "shi": re.compile(r"(?:^|(?<=[\n。；;：:！？，,\s]))([一二三四五六七八九十]{1,3})是"),
    "chinese": re.compile(_CLAUSE + r"([一二三四五六七八九十]{1,3})\s*、"),
}
MAX_JUMP = 3  # a bigger jump starts another list rather than skipping items


@dataclass(frozen=True)
class _Marker:
    n: int
    start: int
    end: int
    text: str


# The lookahead lets the engine skip every position that cannot start a marker.
_ANY = re.compile(r"(?=[\d（(一二三四五六七八九十])(?:" + "|".join(f"(?P<{name}>{p.pattern})" for name, p in _STYLES.items()) + ")")


@lru_cache(maxsize=256)
def _markers(text: str) -> dict[str, list[_Marker]]:
    """Every list marker of a section, by style, in one pass (once per text: the checks rerun
    after each pause in typing, on sections that mostly did not change)."""
    out: dict[str, list[_Marker]] = {style: [] for style in _STYLES}
    for m in _ANY.finditer(text):
        style = m.lastgroup
        assert style is not None
        raw = next(g for g in m.groups()[m.re.groupindex[style]:] if g)
        n = int(raw) if raw.isdigit() else _chinese(raw)
        if n:
            out[style].append(_Marker(n, m.start(), m.end(), m.group(0).strip()))
    return out


def _chinese(raw: str) -> int:
    parsed = parse_chinese(raw)
    return int(parsed[0]) if parsed else 0


@rule("numbering", "序号", "warning", "段内编号跳号或重号（…6、6、7 / …7、9、10）；一级标题用了阿拉伯数字（6、代替六、）")
def check(data: CheckInput) -> Iterator[Finding]:
    for section in data.report.sections:
        if section.key == data.table_key:
            continue
        yield from section_cache.cached(data, "numbering", section, None, lambda s=section: _section(s))
    yield from _headings(data)


def _section(section: Section) -> list[Finding]:
    return [f for markers in _markers(section.text).values() for f in _sequence(section.key, markers)]


def _sequence(key: str, markers: list[_Marker]) -> Iterator[Finding]:
    last: _Marker | None = None
    for marker in markers:
        if last is None or marker.n == 1:
            last = marker if marker.n == 1 else None
            continue
        if marker.n == last.n:
            yield _finding(key, last, marker, f"编号「{marker.text}」重复出现（前一项也是 {last.n}）")
        elif last.n + 1 < marker.n <= last.n + MAX_JUMP:
            missing = "、".join(str(i) for i in range(last.n + 1, marker.n))
            yield _finding(key, last, marker, f"编号从 {last.n} 跳到 {marker.n}，缺少 {missing}")
        elif marker.n != last.n + 1:
            last = None
            continue
        last = marker


def _finding(key: str, last: _Marker, marker: _Marker, what: str) -> Finding:
    return Finding(
        rule="numbering", severity="warning", section=key,
        message=f"第 {key} 节的列表{what}。",
        evidence=[Evidence("text", last.text, key, None, last.start, last.end),
                  Evidence("text", marker.text, key, None, marker.start, marker.end)],
    )


def _headings(data: CheckInput) -> Iterator[Finding]:
    outline = data.outline
    for section in data.report.sections:
        entry = outline.entry(section.key)
        heading = section.heading
        if entry is None or not heading or not entry.is_part:
            continue
        m = re.match(r"(\d{1,2})\s*[、.．]", heading)
        if m:
            yield Finding(
                rule="numbering", severity="warning", section=section.key,
                message=f"一级标题「{heading}」用了阿拉伯数字，应为「{entry.numeral}、{entry.title}」。",
                evidence=[Evidence("heading", heading, section.key)],
                fix=f"如将「{m.group(0)}」改为「{entry.numeral}、」则一致",
            )
