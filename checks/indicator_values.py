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
    def direction(self) -> str:
        """«at_most» for a ceiling («≤5%», «不超过3个工作日»), else «at_least»."""
        return "at_most" if self.expected.cmp in ("≤", "<") else "at_least"


def outcome(ind: Indicator) -> Outcome:
    """The target as written against the result as written, exactly: 89% is below ≥90% and 4次
    below ≥5次 (no rounding interval: intervals are for arithmetic done on written numbers)."""
    expected, actual = value_of(ind.expected), value_of(ind.actual)
    if not (expected.numeric and actual.numeric) or expected.kind != actual.kind or expected.unit != actual.unit:
        return Outcome(expected, actual, "unknown")
    return Outcome(expected, actual, _state(expected, actual.number))


def _state(expected: Value, result: Decimal) -> str:
    target = _target(expected)
    cmp = expected.cmp
    if cmp in ("≤", "<"):
        return "met" if (result < target if cmp == "<" else result <= target) else "missed"
    if not (result > target if cmp == ">" else result >= target):
        return "missed"
    if target > 0 and result > target * EXCEEDED:
        return "exceeded"
    return "met"


def _target(expected: Value) -> Decimal:
    """The number a result must reach: the lower end of a range («90%-95%»), else the value."""
    m = expected.mention
    assert m is not None
    if m.low is not None and expected.cmp not in ("≤", "<"):
        return m.low
    if m.high is not None and expected.cmp in ("≤", "<"):
        return m.high
    return expected.number
