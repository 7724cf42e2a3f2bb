"""A number found in text: where it is, what kind of quantity, its exact value and precision."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

KINDS = ("money", "percent", "count", "date", "number")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str  # == text[start:end]
    kind: str  # money | percent | count | date | number
    value: Decimal | str  # money in 元, percent in percent, count as counted; dates as ISO text
    unit: str = ""  # money: the currency (元, 美元); count: the measure word; percent: % or 百分点
    scale: str = ""  # as written after the number: 万元, 万, 元, 亿元 (money); 万 (counts)
    precision: int | None = None  # power of ten of the last written digit, in the value's unit
    cmp: str = ""  # ≥ ≤ > < ≈ from the words around it
    low: Decimal | None = None  # a range «10-20万元»: its ends, in the value's unit
    high: Decimal | None = None
    label: str = ""  # the thing measured
    approx: bool = False  # written as approximate (约, 余, 多, 左右…)

    def with_label(self, label: str) -> Mention:
        return replace(self, label=label)

    @property
    def is_quantity(self) -> bool:
        return self.kind in ("money", "percent", "count")

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.surface,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "value": _json_value(self.value),
            "unit": self.unit,
            "scale": self.scale,
            "label": self.label,
            "cmp": self.cmp,
            "precision": self.precision,
            "low": _json_value(self.low),
            "high": _json_value(self.high),
        }


def _json_value(value: Decimal | str | None) -> Any:
    """Exact decimal text («950000», «95.63»): JSON numbers would round, or overflow to Infinity."""
    if value is None or isinstance(value, str):
        return value
    return format(value, "f")
