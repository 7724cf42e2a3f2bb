"""Targets as written: a result compared exactly with its target (89% is below ≥90%, 4次 below
≥5次, 4个工作日 above ≤3个工作日), and a missed or far exceeded target needs a reason — in the
profile's reason column (偏差原因分析及改进措施) or in the section for deviation reasons (4.2)."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from extract.document import Indicator
from extract.vocabulary import normalise

from ..context import CheckInput
from ..finding import Finding
from ..indicator_values import outcome, value_of
from ..registry import rule
from .indicators import cell_evidence

REASONS = "deviation_reasons"  # the outline role of «（二）项目绩效目标未完成原因分析»


def has_reason(data: CheckInput, ind: Indicator) -> bool:
    """A reason for a deviation: in the reason column, or the reasons section talks about it."""
    if ind.reason.strip():
        return True
    text = data.role_text(REASONS)
    if len(text.strip()) < 4:
        return False
    name = normalise(ind.level3)
    if len(name) >= 2 and fuzz.partial_ratio(name, text) >= 80:
        return True
    actual = value_of(ind.actual).mention  # «平均开放天数276天，未达到280天，原因是…»
    return actual is not None and actual.surface in text


@rule("targets", "指标完成情况", "error",
      "实际完成值按写明的数值与年度指标值比较（89% 未达到 ≥90%，4次 未达到 ≥5次）：未完成而偏差原因和（二）都没写原因；超额 30% 以上未写原因",
      yields_to=("completeness",))
def check(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    if table is None:
        return
    for index, ind in enumerate(table.indicators):
        result = outcome(ind)
        if result.state not in ("missed", "exceeded") or has_reason(data, ind):
            continue
        if result.state == "missed":
            severity = "error"
            message = f"指标「{ind.level3}」未完成（目标 {ind.expected}，实际 {ind.actual}），但偏差原因栏和（二）都没有说明原因和改进措施。"
        else:
            severity = "warning"
            message = f"指标「{ind.level3}」大幅超额完成（目标 {ind.expected}，实际 {ind.actual}，超出 30% 以上），但没有说明原因。"
        yield Finding(
            rule="targets", severity=severity, section=data.table_key, message=message,
            evidence=[cell_evidence(ind, index, "expected", data.table_key), cell_evidence(ind, index, "actual", data.table_key)],
            fix="在附表「偏差原因分析及改进措施」栏或正文（二）项目绩效目标未完成原因分析中写明原因",
        )
