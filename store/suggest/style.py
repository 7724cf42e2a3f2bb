"""Writing a new value the way the old paragraph wrote it: 万元 stays 万元, «267万» stays «万»,
the same percent sign, thousands separators and full-width digits where it used them."""

from __future__ import annotations

from decimal import Decimal

from extract.amounts import round_to
from extract.mention import Mention

_MULTIPLIERS = (("百万", 6), ("千万", 7), ("万", 4), ("亿", 8), ("千", 3), ("百", 2))
_FULLWIDTH = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


def scale_power(scale: str) -> int:
    for word, power in _MULTIPLIERS:
        if scale.startswith(word):
            return power
    return 0


def decimals_for(precision: int | None, power: int) -> int:
    """Decimal places to show a value written to 10**precision in units of 10**power."""
    if precision is None:
        return 0
    return max(0, power - precision)


def written_decimals(surface: str) -> int:
    digits = surface.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    head = "".join(ch for ch in digits if ch.isdigit() or ch == ".")
    return len(head.split(".", 1)[1]) if "." in head else 0


def format_number(value: Decimal, decimals: int, *, grouping: bool = False, fullwidth: bool = False) -> str:
    rounded = round_to(value, decimals)
    text = f"{rounded:,.{decimals}f}" if grouping else format(rounded, f".{decimals}f")
    return text.translate(_FULLWIDTH) if fullwidth else text


def write_like(old: Mention, value: Decimal, precision: int | None, *, keep_decimals: bool = False) -> str:
    """`value` (元 for money, percent, count) written in the style of `old`'s surface; an
    unchanged value keeps its surface as written («一个党组» stays, it does not become «1个»)."""
    if isinstance(old.value, Decimal) and value == old.value:
        return old.surface
    fullwidth = any("０" <= ch <= "９" for ch in old.surface)
    grouping = "," in old.surface or "，" in old.surface.strip("，")
    if old.kind == "money":
        power = scale_power(old.scale)
        decimals = written_decimals(old.surface) if keep_decimals else decimals_for(precision, power)
        number = format_number(value / Decimal(10) ** power, decimals, grouping=grouping, fullwidth=fullwidth)
        return number + (old.scale or old.unit)
    if old.kind == "percent":
        decimals = written_decimals(old.surface) if keep_decimals or precision is None else decimals_for(precision, 0)
        number = format_number(value, decimals, fullwidth=fullwidth)
        return number + ("个百分点" if old.unit == "百分点" else ("％" if "％" in old.surface else "%"))
    power = scale_power(old.scale)
    decimals = decimals_for(precision, power)
    return format_number(value / Decimal(10) ** power, decimals, fullwidth=fullwidth) + old.scale + old.unit
