"""Numerals: full-width text folded to ASCII one character for one, and Chinese numerals read
as Decimal with the power of ten they are written to («一百二十万» → 1200000, precision 5).
"""

from __future__ import annotations

from decimal import Decimal

_FOLD = str.maketrans(
    "０１２３４５６７８９．％＋－：，（）～／＜＞＝",
    "0123456789.%+-:，()~/<>=",
)

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
CN_UNITS = {"十": 1, "百": 2, "千": 3}
CN_SECTIONS = {"万": 4, "亿": 8}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_SECTIONS)


def fold(text: str) -> str:
    """Full-width digits and signs to ASCII; the result has the same length as `text`."""
    return text.translate(_FOLD)


def decimals_precision(number: str) -> int:
    """The power of ten of the last digit of an Arabic number as written («95.63» → -2)."""
    if "." in number:
        return -len(number.split(".", 1)[1])
    return 0


def parse_chinese(text: str) -> tuple[Decimal, int] | None:
    """Read a Chinese numeral; return (value, precision) or None when it is not a number.

    Handles units (一百二十 = 120), sections (三亿五千万), 两, 零, colloquial endings
    (三千五 = 3500), digit strings (二〇一八 = 2018) and decimals with 点 (三点五).
    """
    if not text:
        return None
    whole, _, frac = text.partition("点")
    if frac and not all(ch in CN_DIGITS for ch in frac):
        return None
    parsed = _parse_integer(whole)
    if parsed is None:
        return None
    value, precision = parsed
    if frac:
        digits = "".join(str(CN_DIGITS[ch]) for ch in frac)
        value = Decimal(f"{int(value)}.{digits}")
        precision = -len(digits)
    return value, precision


def _parse_integer(text: str) -> tuple[Decimal, int] | None:
    if not text:
        return None
    if all(ch in CN_DIGITS for ch in text):
        if len(text) == 1:
            return Decimal(CN_DIGITS[text]), 0
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in text)), 0
    result = 0  # everything before the current 万-section, already scaled
    section = 0  # the current section below 万
    number: int | None = None  # a digit waiting for its unit
    last: int | None = None  # power of ten of the last non-zero digit read
    pending: int | None = None  # power of the last unit read, for colloquial «三千五»
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
            if number is not None and digit:
                return None  # «一二十» is not a numeral
            number = digit or None
            if not digit:
                pending = None
        elif ch in CN_UNITS:
            power = CN_UNITS[ch]
            section += (1 if number is None else number) * 10 ** power
            last, pending, number = power, power, None
        else:
            if number is not None:
                section, last, number = section + number, 0, None
            if section == 0 and result == 0:
                return None
            if ch == "万":
                result += section * 10 ** 4
            else:
                result = (result + section) * 10 ** 8
            last = (last or 0) + CN_SECTIONS[ch]
            section, pending = 0, None
    if number is not None:
        power = pending - 1 if pending else 0
        section += number * 10 ** power
        last = power
    return Decimal(result + section), last or 0
