"""An indicator's target and result as numbers: what was aimed at, what was reached, and
whether the target was met, missed or far exceeded."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from extract import extract_numbers
from extract.document import Indicator
from extract.mention import Mention

from .intervals import Interval

EXCEEDED = Decimal("1.3")  # 30 % above a target needs a reason too
_KIND_CN = {"money": "金额", "percent": "百分比", "count": "数量", "date": "日期", "number": "数字"}


@dataclass(frozen=True)
class Value:
    mention: Mention | None
    text: str

    @property
    def numeric(self) -> bool:
        return self.mention is not None and self.mention.kind != "date"

    @property
    def kind(self) -> str:
        return self.mention.kind if self.mention else "text"

    @property
    def unit(self) -> str:
        if self.mention is None:
            return ""
        return self.mention.unit if self.mention.kind in ("count", "money", "percent") else ""

    @property
    def cmp(self) -> str:
        if self.mention is None:
            return ""
        return self.mention.cmp or ("≥" if self.text.strip().startswith(("≥", ">=")) else "")

    def interval(self) -> Interval:
        assert self.mention is not None and isinstance(self.mention.value, Decimal)
        return Interval.written(self.mention.value, self.mention.precision)

    @property
    def number(self) -> Decimal:
        assert self.mention is not None and isinstance(self.mention.value, Decimal)
        return self.mention.value

    def describe(self) -> str:
        if self.mention is None:
            return "文字"
        unit = self.unit if self.mention.kind == "count" else ("%" if self.mention.kind == "percent" else self.unit)
        return f"{_KIND_CN[self.mention.kind]}（{unit}）" if unit else _KIND_CN[self.mention.kind]


@lru_cache(maxsize=4096)
def value_of(text: str) -> Value:
    """The first number written in a cell («≥90%», «7套», «2018年12月15日以前»), or none."""
    mentions = extract_numbers(text.strip())
    return Value(mentions[0] if mentions else None, text)


@dataclass(frozen=True)
class Outcome:
    expected: Value
    actual: Value
    state: str  # met | missed | exceeded | unknown

    @property
    def ratio(self) -> Decimal | None:
        """完成值 / 指标值, for scoring a missed quantitative target."""
        if not (self.expected.numeric and self.actual.numeric) or self.expected.number == 0:
            return None
        if self.expected.cmp in ("≤", "<"):
            return self.expected.number / self.actual.number if self.actual.number else None
        return self.actual.number / self.expected.number


def outcome(ind: Indicator) -> Outcome:
    expected, actual = value_of(ind.expected), value_of(ind.actual)
    if not (expected.numeric and actual.numeric) or expected.kind != actual.kind or expected.unit != actual.unit:
        return Outcome(expected, actual, "unknown")
    target, result = expected.interval(), actual.interval()
    if expected.cmp in ("≤", "<"):
        if result.lo > target.hi:
            return Outcome(expected, actual, "missed")
        return Outcome(expected, actual, "met")
    if result.hi < target.lo:
        return Outcome(expected, actual, "missed")
    if expected.number > 0 and result.lo > target.hi * EXCEEDED:
        return Outcome(expected, actual, "exceeded")
    return Outcome(expected, actual, "met")
