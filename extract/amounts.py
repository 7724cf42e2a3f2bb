"""Amounts as written in a 附表 cell («428万元», «267», «11240元», «—») to Decimal 万元."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－％", "0123456789.,-%")
_NUMBER = re.compile(r"(-?\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|千元|元|亿|万|%)?")
_TO_WAN = {"亿元": Decimal(10000), "亿": Decimal(10000), "千元": Decimal("0.1"), "元": Decimal("0.0001")}


def to_halfwidth(text: str) -> str:
    return text.translate(_FULLWIDTH)


def parse_amount(text: str, *, unit: str = "万元", written: str | None = None) -> Decimal | None:
    """The first number in `text`, converted to `unit` (万元 by default); None when blank.
    A bare number is in `written` (a form «项目资金（元）» writes 元), else already in `unit`.

    The result keeps the written precision: «95.63» → Decimal('95.63'), «11240元» →
    Decimal('1.1240').
    """
    m = _NUMBER.search(to_halfwidth(text))
    if not m:
        return None
    try:
        value = Decimal(m.group(1).replace(",", ""))
    except InvalidOperation:
        return None
    as_written = m.group(2) or written or unit
    if unit == "万元" and as_written in _TO_WAN:
        value = value * _TO_WAN[as_written]
    return value


def parse_number(text: str) -> Decimal | None:
    """The first plain number in `text` (a percent, a weight, a score), as written."""
    return parse_amount(text, unit="")


def round_to(value: Decimal, places: int) -> Decimal:
    """`value` rounded half up to `places` decimals at any magnitude (quantize alone fails
    once the result needs more digits than the context's 28, as «1e30万元» does)."""
    needed = max(value.adjusted(), 0) + max(places, 0) + 2
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, needed)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
