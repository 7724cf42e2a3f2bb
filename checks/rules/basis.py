"""Results that need their basis shown: every indicator at exactly 100 % (filled in rather than
measured?), and a satisfaction rate with no survey behind it (no method, no sample size)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from extract.document import Indicator

from ..context import CheckInput, Located
from ..cues import words
from ..finding import Finding
from ..indicator_values import value_of
from ..registry import rule
from .indicators import cell_evidence

HUNDRED = Decimal(100)
MIN_INDICATORS = 3  # «every indicator at 100 %» says little about a table of one or two rows


@rule("basis", "佐证依据", "warning", "附表全部指标实际完成值都是 100%；满意度没有调查依据（调查方式、样本量）")
def check(data: CheckInput) -> Iterator[Finding]:
    yield from _all_hundred(data)
    yield from _satisfaction(data)


def _all_hundred(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    if table is None or len(table.indicators) < MIN_INDICATORS:
        return
    for ind in table.indicators:
        actual = value_of(ind.actual)
        if actual.kind != "percent" or actual.number != HUNDRED:
            return
    yield Finding(
        rule="basis", severity="warning", section=data.table_key,
        message=(f"附表全部 {len(table.indicators)} 项指标的实际完成值都是 100%，请核实是否按实际测量或统计填写，"
                 "并在正文说明依据（验收记录、统计数据、调查结果）。"),
        evidence=[cell_evidence(ind, i, "actual", data.table_key) for i, ind in enumerate(table.indicators)],
    )


def _satisfaction(data: CheckInput) -> Iterator[Finding]:
    cells = _satisfaction_cells(data)
    stated = [loc for loc in data.located if loc.m.kind == "percent" and _is_satisfaction(loc.m.label)]
    if not (cells or stated) or _has_basis(data):
        return
    shown = "、".join(dict.fromkeys([f"「{ind.level3}」{ind.actual}" for _, ind in cells] +
                                    [f"「{loc.m.label}」{loc.m.surface}" for loc in stated]))
    yield Finding(
        rule="basis", severity="warning", section=_first_section(data, cells, stated),
        message=(f"满意度 {shown} 没有写明依据：报告中找不到调查方式或样本量"
                 "（如「发放问卷300份，回收286份」「电话回访服务对象120人」）。"),
        evidence=[*(cell_evidence(ind, i, "actual", data.table_key) for i, ind in cells), *(loc.evidence() for loc in stated)],
        fix="在绩效目标完成情况或评价工作情况中写明满意度的调查方式和样本量",
    )


def _satisfaction_cells(data: CheckInput) -> list[tuple[int, Indicator]]:
    table = data.report.table
    if table is None:
        return []
    return [(i, ind) for i, ind in enumerate(table.indicators)
            if _is_satisfaction(ind.level3) and value_of(ind.actual).numeric]


def _is_satisfaction(label: str) -> bool:
    return any(word in label for word in words("satisfaction", "labels"))


def _has_basis(data: CheckInput) -> bool:
    basis = words("satisfaction", "basis")
    texts = [s.text for s in data.text_sections()]
    table = data.report.table
    if table is not None:
        texts += [ind.reason for ind in table.indicators] + [table.goals_actual]
    return any(word in text for text in texts for word in basis)


def _first_section(data: CheckInput, cells: list, stated: list[Located]) -> str | None:
    return stated[0].section if stated and not cells else data.table_key



