"""Numbers as the messages show them: plain decimals, no exponent, no trailing zeros."""

from __future__ import annotations

from decimal import Decimal

from extract.amounts import round_to

TEN_THOUSAND = Decimal(10000)


def num(value: Decimal, places: int | None = None) -> str:
    if places is not None:
        value = round_to(value, places)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def wan(value_yuan: Decimal) -> str:
    """An amount in 元 shown in 万元."""
    return num(value_yuan / TEN_THOUSAND)


def pct(value: Decimal) -> str:
    """A rate with two decimals, as rates are written in these reports («95.00%»)."""
    return format(round_to(value, 2), "f") + "%"
