"""Scores of a scored 自评表 (财预〔2020〕10号): weights per 一级 (执行率 10, 产出 50, 效益 30,
满意度 10) and in all (100), 得分 ≤ 分值, 总分 = Σ 得分, 执行率 and indicator 得分 recomputed per
第十六条 (met: full marks; missed: the profile's formula, 分值 × 完成值 / 指标值), a qualitative
indicator's 得分 inside its band (部分达成: 60–80 % of 分值), and the grade the total gives.
Every number of the rules (weights, formula, bands, grades) comes from the profile."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from extract.document import Indicator

from ..context import CheckInput
from ..finding import Evidence, Finding
from ..fmt import num
from ..indicator_values import Outcome, outcome, value_of
from ..intervals import Interval, total
from ..registry import rule
from ..table import cell, rate_columns
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
    yield from _total_weight(data)
    yield from _indicator_scores(data)
    yield from _bands(data)
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
        elif result.state == "missed" and (due := _missed_score(data, ind, weight, result)) is not None:
            pass
        else:
            continue
        full_for_missed = result.state == "missed" and score >= weight > due
        if not full_for_missed and Interval.of_decimal(score).overlaps(Interval(due - Decimal("0.01"), due + Decimal("0.01"))):
            continue  # «9» for 9.4: a score rounded as written; full marks for a missed target never are
        yield _score_finding(ind, index, result, due, data.table_key)


def _missed_score(data: CheckInput, ind: Indicator, weight: Decimal, result: Outcome) -> Decimal | None:
    """分值 × the profile's ratio for a missed target (完成值/指标值, or 指标值/完成值 for «≤»),
    capped at 分值; None when the profile gives no formula or a value is zero."""
    rule_ = data.profile.scoring.get("missed", {})
    columns = rule_.get(result.direction)
    if not columns:
        return None
    numerator, denominator = (_column_number(ind, c) for c in columns)
    if numerator is None or not denominator:
        return None
    due = weight * numerator / denominator
    cap = _column_number(ind, rule_.get("cap", "weight"))
    return min(due, cap) if cap is not None else due


def _column_number(ind: Indicator, column: str) -> Decimal | None:
    value = value_of(getattr(ind, column, ""))
    return value.number if value.numeric else _number(getattr(ind, column, ""))


def _score_finding(ind: Indicator, index: int, result: Outcome, due: Decimal, table_key: str) -> Finding:
    if result.state != "missed":
        how = "已完成，应得满分"
    else:
        formula = "指标值/完成值" if result.direction == "at_most" else "完成值/指标值"
        full = "，却得了满分" if _number(ind.score) == _number(ind.weight) else ""
        how = f"未完成{full}，应得 分值 × {formula} = {num(due, 2)}"
    return Finding(
        rule="scores", severity="error", section=table_key,
        message=f"指标「{ind.level3}」（目标 {ind.expected}，实际 {ind.actual}）{how}，附表得分却是 {ind.score}。",
        evidence=[cell_evidence(ind, index, "score", table_key), cell_evidence(ind, index, "actual", table_key)],
        fix=f"如将得分改为 {num(due, 2)} 则一致",
    )


def _bands(data: CheckInput) -> Iterator[Finding]:
    """A qualitative indicator («达成年度指标» / «部分达成年度指标»): 得分 inside its band."""
    table = data.report.table
    assert table is not None
    bands = data.profile.scoring.get("bands", [])
    for index, ind in enumerate(table.indicators):
        weight, score = _number(ind.weight), _number(ind.score)
        band = _band(bands, ind.actual)
        if band is None or weight is None or score is None or weight <= 0 or value_of(ind.expected).numeric:
            continue
        low, high = weight * Decimal(band["low"]) / HUNDRED, weight * Decimal(band["high"]) / HUNDRED
        if low <= score <= high:
            continue
        yield Finding(
            rule="scores", severity="error", section=data.table_key,
            message=(f"定性指标「{ind.level3}」实际完成为「{ind.actual}」，按评分规则应得分值的 {band['low']}%–"
                     f"{band['high']}%（{num(low, 2)}–{num(high, 2)} 分），附表得分却是 {ind.score}。"),
            evidence=[cell_evidence(ind, index, "score", data.table_key), cell_evidence(ind, index, "actual", data.table_key)],
            fix=f"如将得分改为 {num(low, 2)}–{num(high, 2)} 之间则一致",
        )


def _band(bands: list[dict], actual: str) -> dict | None:
    """The band an 实际完成值 names; the longest matching word decides («部分达成» over «达成»)."""
    best, length = None, 0
    text = "".join(actual.split())
    for band in bands:
        for word in band.get("words", [band["name"]]):
            if word in text and len(word) > length:
                best, length = band, len(word)
    return best


def _total_weight(data: CheckInput) -> Iterator[Finding]:
    """分值 of the 执行率 row and of every indicator add up to the profile's total (100)."""
    table = data.report.table
    assert table is not None
    expected = data.profile.scoring.get("total_weight")
    weights = [(i, w) for i, ind in enumerate(table.indicators) if (w := _number(ind.weight)) is not None]
    if expected is None or not weights:
        return
    rate = cell(table, data.profile, data.profile.budget["total"], "weight")
    # A 执行率 row not filled in yet (a new draft) counts with the profile's weight for it.
    rate_weight = rate.value if rate else Decimal(data.profile.scoring.get("rate_weight", 0))
    got = sum((w for _, w in weights), start=rate_weight)
    if got == Decimal(expected):
        return
    parts = f"执行率 {num(rate_weight)} + 各指标 {num(got - rate_weight)}"
    yield Finding(
        rule="scores", severity="error", section=data.table_key,
        message=f"附表各项分值合计 {num(got)}（{parts}），应为 {num(Decimal(expected))}。",
        evidence=[*([rate.evidence()] if rate else []),
                  *(Evidence("table", table.indicators[i].weight, data.table_key, cell=f"indicators.{i}.weight") for i, _ in weights)],
        fix=f"调整各指标分值，使合计为 {num(Decimal(expected))}",
    )


def _rate_score(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    assert table is not None
    row = data.profile.budget["total"]
    numerator, denominator = rate_columns(data.profile)
    weight = cell(table, data.profile, row, "weight")
    score = cell(table, data.profile, row, "score")
    budget = cell(table, data.profile, row, denominator)
    spent = cell(table, data.profile, row, numerator)
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
    rate_score = cell(table, data.profile, data.profile.budget["total"], "score")
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
