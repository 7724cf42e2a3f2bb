"""Scores of a 财预〔2020〕10号 自评表: weights per 一级 (执行率 10, 产出 50, 效益 30, 满意度 10),
得分 ≤ 分值, 总分 = Σ 得分, 执行率 and indicator 得分 recomputed per 第十六条 (met: full
marks; missed: 分值 × 完成值 / 指标值), and the grade 优 / 良 / 中 / 差 the total gives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..context import CheckInput
from ..finding import Evidence, Finding
from ..fmt import num
from ..indicator_values import outcome
from ..intervals import Interval, total
from ..registry import rule
from ..table import cell
from .indicators import cell_evidence

HUNDRED = Decimal(100)
_WEIGHTS_EXPLAINED_IN = ("evaluation", "other")  # roles of the sections that may explain changed weights
_GRADE = re.compile(r"(?:评价|自评)?(?:等级|结果|级别)[为是：:]?\s*[“「]?([优良中差])")


def _number(text: str) -> Decimal | None:
    m = re.search(r"-?\d+(?:\.\d+)?", text or "")
    return Decimal(m.group(0)) if m else None


@rule("scores", "评分", "error", "（财预〔2020〕10号）一级指标权重、得分超过分值、总分不等于各项得分之和、执行率和指标得分的计算、评价等级")
def check(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    if table is None or not data.profile.scored or not table.indicators:
        return
    yield from _weights(data)
    yield from _indicator_scores(data)
    yield from _rate_score(data)
    yield from _total(data)


def _weights(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    assert table is not None
    sums: dict[str, Decimal] = {}
    for ind in table.indicators:
        name = data.profile.canonical_level1(ind.level1)
        weight = _number(ind.weight)
        if name and weight is not None:
            sums[name] = sums.get(name, Decimal(0)) + weight
    explained = any(word in data.text_for(*_WEIGHTS_EXPLAINED_IN) for word in ("权重", "分值调整", "分值设置"))
    basis = data.profile.scoring.get("basis", data.profile.name)
    for entry in data.profile.level1:
        if "weight" not in entry:
            continue  # the form weighs each indicator on its own (四川: 权重 per row)
        expected = Decimal(entry["weight"])
        got = sums.get(entry["name"])
        if got is None or got == expected or explained:
            continue
        yield Finding(
            rule="scores", severity="warning", section=data.table_key,
            message=f"一级指标「{entry['name']}」的分值合计 {num(got)}，按{basis} 应为 {num(expected)}（如有调整，请说明理由）。",
            evidence=[Evidence("table", ind.weight, data.table_key, cell=f"indicators.{i}.weight")
                      for i, ind in enumerate(table.indicators) if data.profile.canonical_level1(ind.level1) == entry["name"]],
        )


def _indicator_scores(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    assert table is not None
    for index, ind in enumerate(table.indicators):
        weight, score = _number(ind.weight), _number(ind.score)
        if weight is None or score is None:
            continue
        if score > weight:
            yield Finding(
                rule="scores", severity="error", section=data.table_key,
                message=f"指标「{ind.level3}」得分 {ind.score} 超过分值 {ind.weight}。",
                evidence=[cell_evidence(ind, index, "score", data.table_key), cell_evidence(ind, index, "weight", data.table_key)],
                fix=f"如将得分改为不超过 {ind.weight} 则一致",
            )
            continue
        result = outcome(ind)
        if result.state in ("met", "exceeded"):
            due = weight
        elif result.state == "missed" and result.ratio is not None:
            due = weight * result.ratio
        else:
            continue
        if Interval.of_decimal(score).overlaps(Interval(due - Decimal("0.01"), due + Decimal("0.01"))):
            continue
        how = "已完成，应得满分" if result.state != "missed" else f"未完成，应得 分值 × 完成值/指标值 = {num(due, 2)}"
        yield Finding(
            rule="scores", severity="error", section=data.table_key,
            message=f"指标「{ind.level3}」（目标 {ind.expected}，实际 {ind.actual}）{how}，附表得分却是 {ind.score}。",
            evidence=[cell_evidence(ind, index, "score", data.table_key), cell_evidence(ind, index, "actual", data.table_key)],
            fix=f"如将得分改为 {num(due, 2)} 则一致",
        )


def _rate_score(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    assert table is not None
    weight = cell(table, data.profile, "total", "weight")
    score = cell(table, data.profile, "total", "score")
    budget = cell(table, data.profile, "total", data.profile.rate_denominator)
    spent = cell(table, data.profile, "total", data.profile.rate_numerator)
    if weight is None or score is None or budget is None or spent is None or budget.value <= 0:
        return
    rate = min(spent.value / budget.value, Decimal(1))
    due = weight.value * rate
    if abs(due - score.value) <= Decimal("0.011"):
        return
    yield Finding(
        rule="scores", severity="error", section=data.table_key,
        message=f"执行率得分应为 分值 {num(weight.value)} × 执行率 {num(rate * HUNDRED, 2)}% = {num(due, 2)}，附表填的是 {score.text}。",
        evidence=[score.evidence(), spent.evidence(), budget.evidence()],
        fix=f"如将执行率得分改为 {num(due, 2)} 则一致",
    )


def _total(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    assert table is not None
    stated = _number(table.total_score)
    scores = [_number(i.score) for i in table.indicators]
    rate_score = cell(table, data.profile, "total", "score")
    parts = [s for s in scores if s is not None] + ([rate_score.value] if rate_score else [])
    if stated is None or not parts:
        if stated is None and parts:
            yield from _grade(data, sum(parts, start=Decimal(0)))
        return
    summed = total([Interval.of_decimal(p) for p in parts])
    if not summed.overlaps(Interval.of_decimal(stated)):
        exact = sum(parts, start=Decimal(0))
        yield Finding(
            rule="scores", severity="error", section=data.table_key,
            message=f"附表总分 {table.total_score}，但执行率得分与各指标得分之和为 {num(exact)}。",
            evidence=[Evidence("table", table.total_score, data.table_key, cell="total_score")],
            fix=f"如将总分改为 {num(exact)} 则一致",
        )
    yield from _grade(data, stated)


def _grade(data: CheckInput, score: Decimal) -> Iterator[Finding]:
    grades = data.profile.scoring.get("grades", [])
    due = next((g["name"] for g in grades if score >= Decimal(g["min"])), None)
    for section in data.report.sections:
        for index, paragraph in enumerate(section.paragraphs):
            m = _GRADE.search(paragraph)
            if m and due and m.group(1) != due:
                start, _ = data.paragraph_span(section.key, index)
                yield Finding(
                    rule="scores", severity="error", section=section.key,
                    message=f"总分 {num(score)} 对应的评价等级是「{due}」，正文写的是「{m.group(1)}」。",
                    evidence=[Evidence("text", m.group(0), section.key, index, start + m.start(), start + m.end())],
                    fix=f"如将等级改为「{due}」则一致",
                )
