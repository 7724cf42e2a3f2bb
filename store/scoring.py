"""The figures a 自评表 computes from what is typed into it: 执行率, its 得分, the 总分 and the
评价等级 — as the profile says (its `scoring` table: the weight of 执行率, the column 执行率 is
taken over, the grades).  The 附表 screen shows them, and saving a draft's 附表 writes them into
its cells, so the store, `zipin show` and the exported Word table carry the same figures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from extract.document import Cell, ReportTable
from extract.outline import Profile, get_profile

from .suggest.style import format_number

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Scores:
    rate: Decimal | None  # 执行率, percent
    rate_weight: Decimal | None  # 分值 of 执行率 (None: the profile does not score)
    rate_score: Decimal | None
    total: Decimal | None  # 总分
    grade: str  # 评价等级

    def line(self) -> str:
        if self.total is None:
            return ""
        return f"执行率得分 {_two(self.rate_score)} · 总分 {_two(self.total)} · 评价等级 {self.grade or '—'}"


def _two(value: Decimal | None) -> str:
    return "—" if value is None else format_number(value, 2)


def execution_rate(table: ReportTable, profile: Profile) -> Decimal | None:
    budget = table.amount("total", profile.rate_denominator)
    spent = table.amount("total", profile.rate_numerator)
    if budget is None or spent is None or budget <= 0:
        return None
    return spent / budget * HUNDRED


def scores(table: ReportTable, profile: Profile | None = None) -> Scores:
    profile = profile or get_profile(table.profile)
    rate = execution_rate(table, profile)
    if not profile.scored:
        return Scores(rate, None, None, None, "")
    weight = Decimal(str(profile.scoring.get("rate_weight", 10)))
    rate_score = min(rate, HUNDRED) / HUNDRED * weight if rate is not None else None
    total = (rate_score or Decimal(0)) + sum((_number(i.score) or Decimal(0) for i in table.indicators),
                                             start=Decimal(0))
    return Scores(rate, weight, rate_score, total, grade_of(profile, total))


def grade_of(profile: Profile, score: Decimal) -> str:
    for g in profile.scoring.get("grades", []):
        if score >= Decimal(str(g["min"])):
            return str(g["name"])
    return ""


def complete(table: ReportTable) -> ReportTable:
    """Write the computed figures into the table's own cells (those the profile has)."""
    profile = get_profile(table.profile)
    result = scores(table, profile)
    columns = {c["key"] for c in profile.budget["columns"]}
    row = table.budget.setdefault("total", {})
    for key, value, places in (("rate", result.rate, 2), ("weight", result.rate_weight, 0),
                               ("score", result.rate_score, 2)):
        if key in columns:
            row[key] = Cell("" if value is None else format_number(value, places) + ("%" if key == "rate" else ""),
                            value)
    if result.total is not None and table.indicators:
        table.total_score = format_number(result.total, 2)
    return table


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip()) if text and text.strip() else None
    except InvalidOperation:
        return None
