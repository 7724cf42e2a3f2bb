"""Arithmetic on written numbers as intervals, as XBRL Calculations 1.1 does.

A number written to a precision stands for every value that rounds to it: 267万元 is 266.5–267.5
万元, 95.63 is 95.625–95.635.  A total is consistent with its parts when the interval sum of the
parts overlaps it; two mentions of one item conflict only when their intervals are disjoint.
Everything is Decimal.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @classmethod
    def written(cls, value: Decimal, precision: int | None) -> Interval:
        """The values that round to `value` written to 10**precision (exact when None)."""
        if precision is None:
            return cls(value, value)
        half = Decimal(5) * Decimal(10) ** (precision - 1)
        return cls(value - half, value + half)

    @classmethod
    def of_decimal(cls, value: Decimal) -> Interval:
        """A Decimal as written: its exponent is its precision («95.63» → ±0.005)."""
        exponent = value.as_tuple().exponent
        return cls.written(value, int(exponent) if isinstance(exponent, int) else 0)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def ratio(self, other: Interval) -> Interval | None:
        """self / other, for a positive denominator (None when it may be zero)."""
        if other.lo <= ZERO:
            return None
        candidates = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(candidates), max(candidates))

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def widen(self, share: Decimal) -> Interval:
        """Room for an approximate number («约», «余»): ±share of its size."""
        pad = max(abs(self.lo), abs(self.hi)) * share
        return Interval(self.lo - pad, self.hi + pad)


def total(parts: list[Interval]) -> Interval:
    out = Interval(ZERO, ZERO)
    for part in parts:
        out = out + part
    return out
