"""Last year's words left in a draft started from last year's report (provenance:
store/provenance.py): a number still as copied where this year's facts say otherwise, last
year's year, numbers nobody has checked yet, and whole sections still word for word."""

from __future__ import annotations

from collections.abc import Iterator

from store.drafting import DIFFERS, UNCHECKED, fact_text, judge
from store.provenance import INHERITED, OLD

from ..context import CheckInput, Located
from ..cues import is_sample
from ..finding import Evidence, Finding
from ..registry import rule

SHOWN_UNCHECKED = 6  # numbers named in the message of a section's «not yet checked» finding


@rule("stale", "沿用去年数值", "error", "从去年报告起草时，仍保留着去年的数字或年份，而今年的数据已不同，或尚未核对")
def check(data: CheckInput) -> Iterator[Finding]:
    if data.this_year is None:
        return
    unchecked: dict[str, list[Located]] = {}
    for loc in data.located:
        if loc.provenance != OLD:
            continue
        if loc.m.kind == "date":
            yield from _old_year(data, loc)
            continue
        status, fact = judge(loc.m, data.this_year, data.year)
        if status == DIFFERS and loc.m.kind == "count" and is_sample(data.paragraph(loc), loc.m.start):
            status = UNCHECKED  # «对其中18场活动进行了现场核实»: a part of this year's 128场, not their number
        if status == DIFFERS and fact is not None:
            yield _differs(loc, fact_text(loc.m, fact))
        elif status == UNCHECKED and loc.m.is_quantity:
            unchecked.setdefault(loc.section, []).append(loc)
    for section, locs in unchecked.items():
        yield _unchecked(section, locs)


@rule("unchanged", "沿用去年，未修改", "error", "从去年报告起草的草稿中，某一节仍与去年的文字完全相同")
def unchanged(data: CheckInput) -> Iterator[Finding]:
    by_section: dict[str, set[str]] = {}
    for (section, _), provenance in data.paragraph_provenance.items():
        by_section.setdefault(section, set()).add(provenance)
    for section, kinds in by_section.items():
        if kinds == {INHERITED}:
            text = data.text_of(section)
            yield Finding(
                rule="unchanged", severity="error", section=section,
                message="沿用去年的文字，尚未按今年的情况修改。",
                evidence=[Evidence("text", text[:60], section, 0, 0, len(text.split("\n", 1)[0]))],
                fix="请按今年的情况改写；确实不变的，可忽略此条并写明理由",
            )


def _old_year(data: CheckInput, loc: Located) -> Iterator[Finding]:
    m = loc.m
    written = str(m.value)[:4]
    if not written.isdigit() or data.year is None or int(written) == data.year:
        return
    source_year = data.source.year if data.source else None
    if source_year is not None and int(written) != source_year:
        return  # a background year («2015年成立»), not last year's
    yield Finding(
        rule="stale", severity="warning", section=loc.section,
        message=f"「{m.surface}」是去年报告的年份，仍留在本报告中；本报告是 {data.year} 年度。",
        evidence=[loc.evidence()],
        fix=f"如将「{m.surface}」改为「{m.surface.replace(written, str(data.year))}」则一致",
    )


def _differs(loc: Located, shown: str) -> Finding:
    """A number still last year's where this year's facts say otherwise: an error (the checks
    that would have said so too yield to this one), so it holds up the export."""
    m = loc.m
    return Finding(
        rule="stale", severity="error", section=loc.section,
        message=f"「{m.label}{m.surface}」仍是去年报告中的数值，而今年的{m.label or '数值'}为 {shown}。",
        evidence=[loc.evidence()],
        fix=f"如将「{m.surface}」改为今年的数值则一致",
    )


def _unchecked(section: str, locs: list[Located]) -> Finding:
    names = "、".join(f"{loc.m.label}{loc.m.surface}" for loc in locs[:SHOWN_UNCHECKED])
    more = "等" if len(locs) > SHOWN_UNCHECKED else ""
    return Finding(
        rule="stale", severity="warning", section=section,
        message=f"仍有 {len(locs)} 个去年报告中的数字未核对：{names}{more}。",
        evidence=[loc.evidence() for loc in locs],
        fix="改成今年的数字；今年不变的，把光标放在该段按 Ctrl+O 确认",
    )
