"""Stale values, for drafts started from last year's report: a number or year left exactly as it
was in the source report where this year's facts say otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rapidfuzz import fuzz

from extract.mask import mask_numbers
from extract.vocabulary import normalise, table_cell_for

from ..context import CheckInput, Located
from ..finding import Finding
from ..fmt import num, wan
from ..registry import rule
from ..table import cell

SAME_PARAGRAPH = 80


@rule("stale", "沿用去年数值", "warning", "从去年报告起草时，仍保留着去年的数字或年份，而今年的数据已不同")
def check(data: CheckInput) -> Iterator[Finding]:
    unchanged = _unchanged(data)
    for loc in unchanged:
        yield from _stale(data, loc, unchanged)


def _unchanged(data: CheckInput) -> list[Located]:
    """The draft's numbers still exactly as in the matching paragraph of the source report."""
    source = data.source
    if source is None:
        return []
    out = []
    for section in data.report.sections:
        old = source.section(section.key)
        if old is None:
            continue
        for index, paragraph in enumerate(section.paragraphs):
            match = _matching_paragraph(paragraph, old.paragraphs)
            if match is None:
                continue
            old_mentions = [loc for loc in data.source_located if loc.section == section.key and loc.paragraph == match]
            for loc in data.by_paragraph.get((section.key, index), []):
                if any(o.m.surface == loc.m.surface and o.m.label == loc.m.label for o in old_mentions):
                    out.append(loc)
    return out


def _matching_paragraph(paragraph: str, candidates: list[str]) -> int | None:
    masked = mask_numbers(paragraph)
    best, best_score = None, 0.0
    for i, other in enumerate(candidates):
        score = fuzz.ratio(masked, mask_numbers(other), score_cutoff=SAME_PARAGRAPH)
        if score > best_score:
            best, best_score = i, score
    return best


def _stale(data: CheckInput, loc: Located, unchanged: list[Located]) -> Iterator[Finding]:
    m = loc.m
    if m.kind == "date" and isinstance(m.value, str) and m.value[:4].isdigit():
        year = int(m.value[:4])
        if data.source and data.source.year == year and data.year and data.year != year:
            yield Finding(
                rule="stale", severity="warning", section=loc.section,
                message=f"「{m.surface}」与去年报告完全相同，本报告是 {data.year} 年度。",
                evidence=[loc.evidence()],
                fix=f"如将「{m.surface}」改为「{m.surface.replace(str(year), str(data.year))}」则一致",
            )
        return
    if not m.is_quantity or m.cmp in ("≥", "≤", ">", "<"):
        return  # a target («不少于130场») is not a value of this year
    current = _this_year(data, loc, unchanged)
    if current is None:
        return
    shown, value = current
    if loc.interval().overlaps(value):
        return
    yield Finding(
        rule="stale", severity="warning", section=loc.section,
        message=f"「{m.label}{m.surface}」仍是去年报告中的数值，而今年的{m.label}为 {shown}。",
        evidence=[loc.evidence()],
        fix=f"如将「{m.surface}」改为今年的数值则一致",
    )


def _this_year(data: CheckInput, loc: Located, unchanged: list[Located]):  # noqa: ANN202
    """This year's value for the same item — the draft's 附表, or a number of the draft's text
    that is not itself left over from last year — as (shown, Interval), or None."""
    stale = {(u.section, u.paragraph, u.m.start) for u in unchanged}
    label = normalise(loc.m.label)
    table = data.report.table
    where = table_cell_for(loc.m.label, data.profile) if loc.m.kind == "money" else None
    if table is not None and where is not None:
        c = cell(table, data.profile, *where)
        if c is not None:
            return f"{num(c.value)} 万元（附表）", c.interval.scale(Decimal(10000))
    for other in data.quantities():
        if other is loc or other.m.kind != loc.m.kind or normalise(other.m.label) != label:
            continue
        if (other.section, other.paragraph, other.m.start) in stale or other.m.cmp in ("≥", "≤", ">", "<"):
            continue
        if other.section == loc.section and other.paragraph == loc.paragraph:
            continue
        shown = wan(Decimal(other.m.value)) + "万元" if other.m.kind == "money" else other.m.surface
        return f"{shown}（第 {other.section} 节）", other.interval()
    return None
