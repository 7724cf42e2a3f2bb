"""执行率: recomputed as 执行数 / 预算数 from the 附表 — with the profile's denominator (全年预算数,
or 调整后预算数) — and compared with every stated rate (the table's rate column, an indicator
row, the text), saying so when a rate was divided by another column (年初预算数); execution
above the budget; a rate below 90 % that the text does not explain."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from extract.vocabulary import is_rate

from ..context import CheckInput, Located
from ..finding import Evidence, Finding
from ..fmt import num, pct
from ..intervals import Interval
from ..registry import rule
from ..table import TableCell, cell, column_label, rate_columns

HUNDRED = Decimal(100)
LOW_RATE = Decimal(90)
_EXPLAINS = re.compile(r"原因|由于|因为|主要是|偏低|较低|未能|延期|滞后|尚未|未结算|未支付|未到|推迟|影响")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
# Roles of the sections where a low 执行率 is explained (资金使用, 绩效, 原因, 计划, 经验, 其他);
# a report of no known outline: all its sections.
_EXPLAINED_IN = ("spending", "results", "deviation_reasons", "plans", "lessons", "other")


def _rate_interval(spent: TableCell, budget: TableCell) -> Interval | None:
    ratio = spent.interval.ratio(budget.interval)
    return ratio.scale(HUNDRED) if ratio else None


def _exact_rate(spent: TableCell, budget: TableCell) -> Decimal:
    return spent.value / budget.value * HUNDRED


@rule("execution_rate", "执行率", "error",
      "执行率与附表执行数/预算数（按样式规定的分母）不符，按其他列计算的指明分母；执行数超过预算数；执行率低于 90% 而正文未说明原因",
      yields_to=("stale",))
def check(data: CheckInput) -> Iterator[Finding]:
    table = data.report.table
    if table is None:
        return
    profile = data.profile
    spent_column, budget_column = rate_columns(profile)
    budget = cell(table, profile, profile.budget["total"], budget_column)
    spent = cell(table, profile, profile.budget["total"], spent_column)
    if budget is None or spent is None or budget.value <= 0:
        return
    if spent.interval.lo > budget.interval.hi:
        yield Finding(
            rule="execution_rate", severity="error", section=data.table_key,
            message=f"附表执行数 {num(spent.value)} 万元超过预算数 {num(budget.value)} 万元（执行率 {pct(_exact_rate(spent, budget))}）。",
            evidence=[spent.evidence(), budget.evidence()],
        )
    rate = _rate_interval(spent, budget)
    if rate is None:
        return
    exact = _exact_rate(spent, budget)
    yield from _stated_rates(data, rate, exact, spent, budget)
    yield from _row_rates(data)
    if rate.hi < LOW_RATE and not _explained(data):
        yield Finding(
            rule="execution_rate", severity="warning", section=data.outline.key_for("spending"),
            message=f"执行率 {pct(exact)} 低于 90%，但正文没有说明原因（资金未支付、项目延期等）。",
            evidence=[spent.evidence(), budget.evidence()],
        )


def _stated_rates(data: CheckInput, rate: Interval, exact: Decimal, spent: TableCell,
                  budget: TableCell) -> Iterator[Finding]:
    basis = f"附表执行数 {num(spent.value)} ÷ 预算数 {num(budget.value)} = {pct(exact)}"
    table = data.report.table
    assert table is not None
    stated_cell = cell(table, data.profile, data.profile.budget["total"], "rate")
    if stated_cell is not None:
        stated = Interval.of_decimal(stated_cell.value)
        if not stated.overlaps(rate):
            yield Finding(
                rule="execution_rate", severity="error", section=data.table_key,
                message=f"附表执行率填为 {stated_cell.text}{_why(data, stated, spent, basis)}。",
                evidence=[stated_cell.evidence(), spent.evidence(), budget.evidence()],
                fix=f"如将附表执行率改为 {pct(exact)} 则一致",
            )
    for index, ind in enumerate(table.indicators):
        if not is_rate(ind.level3):
            continue
        m = _PERCENT.search(ind.actual)
        if not m:
            continue
        value = Decimal(m.group(1))
        stated = Interval.written(value, -len(m.group(1).split(".")[1]) if "." in m.group(1) else 0)
        if not stated.overlaps(rate):
            yield Finding(
                rule="execution_rate", severity="error", section=data.table_key,
                message=f"附表指标「{ind.level3}」实际完成值为 {ind.actual}{_why(data, stated, spent, basis)}。",
                evidence=[Evidence("table", ind.actual, data.table_key, cell=f"indicators.{index}.actual"),
                          spent.evidence(), budget.evidence()],
                fix=f"如将该指标实际完成值改为 {pct(exact)} 则一致",
            )
    for loc in data.located:
        if loc.m.kind == "percent" and is_rate(loc.m.label) and _is_whole_rate(loc):
            yield from _text_rate(data, loc, rate, exact, basis, spent, budget)


def _why(data: CheckInput, stated: Interval, spent: TableCell, basis: str) -> str:
    """«，但附表执行数 … = 96.25%», or, when the stated rate divides 执行数 by another money column
    than the profile's denominator, «，是按年初预算数计算的（69.3 ÷ 75 = 92.40%）；执行率应以全年
    预算数为分母：附表执行数 …»."""
    table = data.report.table
    assert table is not None
    numerator, denominator = rate_columns(data.profile)
    for column in data.profile.money_columns():
        if column in (numerator, denominator):
            continue
        other = cell(table, data.profile, data.profile.budget["total"], column)
        if other is None or other.value <= 0:
            continue
        rate = _rate_interval(spent, other)
        if rate is not None and stated.overlaps(rate):
            return (f"，是按{column_label(data.profile, column)}计算的（{num(spent.value)} ÷ {num(other.value)} = "
                    f"{pct(_exact_rate(spent, other))}）；执行率应以{column_label(data.profile, denominator)}为分母：{basis}")
    return f"，但{basis}"


def _is_whole_rate(loc: Located) -> bool:
    """A rate of the whole project, not of one fund («财政拨款执行率»)."""
    return not any(word in loc.m.label for word in ("财政拨款", "结转", "其他资金", "自筹", "中央", "省级", "市级"))


def _text_rate(data: CheckInput, loc: Located, rate: Interval, exact: Decimal, basis: str, spent: TableCell,
               budget: TableCell) -> Iterator[Finding]:
    stated = loc.interval()
    if loc.approximate:
        stated = stated.widen(Decimal("0.05"))
    if stated.overlaps(rate):
        return
    why = f"，但{basis}" if loc.approximate else _why(data, stated, spent, basis)
    yield Finding(
        rule="execution_rate", severity="warning" if loc.approximate else "error",
        status="uncertain" if loc.approximate else "fail", section=loc.section,
        message=f"正文写执行率 {loc.m.surface}{why}。",
        evidence=[loc.evidence(), spent.evidence(), budget.evidence()],
        fix=f"如将「{loc.m.surface}」改为 {pct(exact)} 则一致",
    )


def _row_rates(data: CheckInput) -> Iterator[Finding]:
    """The rate of each fund row (当年财政拨款, 上年结转 …) against its own amounts, where the form
    has a rate column."""
    table = data.report.table
    assert table is not None
    spent_column, budget_column = rate_columns(data.profile)
    for row in data.profile.budget["parts"]:
        stated_cell = cell(table, data.profile, row, "rate")
        budget = cell(table, data.profile, row, budget_column)
        spent = cell(table, data.profile, row, spent_column)
        if stated_cell is None or budget is None or spent is None or budget.value <= 0:
            continue
        rate = _rate_interval(spent, budget)
        if rate is not None and not Interval.of_decimal(stated_cell.value).overlaps(rate):
            exact = _exact_rate(spent, budget)
            yield Finding(
                rule="execution_rate", severity="error", section=data.table_key,
                message=(f"附表「{stated_cell.label.split('（')[0]}」执行率填为 {stated_cell.text}，但其执行数 "
                         f"{num(spent.value)} ÷ 预算数 {num(budget.value)} = {pct(exact)}。"),
                evidence=[stated_cell.evidence(), spent.evidence(), budget.evidence()],
                fix=f"如将该执行率改为 {pct(exact)} 则一致",
            )


def _explained(data: CheckInput) -> bool:
    for key in data.keys_for(*_EXPLAINED_IN) or tuple(data.sections):
        for sentence in re.split(r"[。；;\n]", data.text_of(key)):
            if _EXPLAINS.search(sentence) and ("执行" in sentence or "资金" in sentence or "支付" in sentence
                                               or "结转" in sentence or "款" in sentence):
                return True
    table = data.report.table
    return bool(table and any(i.reason.strip() for i in table.indicators if is_rate(i.level3)))
