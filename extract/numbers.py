"""Finding the numbers in free Chinese text: money, percents, counts, dates and bare numbers.

The text is first folded to ASCII digits one character for one, so every offset found is an
offset into the original text.  Things that look like numbers but are not quantities —
document numbers, list markers, ordinals, codes, formulas, ratios, slogans — are skipped.
Labels are added afterwards (`labels.py`), since they need the neighbouring mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .lexicon import lexicon, match_prefix
from .mention import Mention
from .numerals import CN_CHARS, CN_DIGITS, decimals_precision, fold, parse_chinese

_CN_DIGIT_CHARS = "".join(CN_DIGITS)
_TOKEN = re.compile(
    rf"(?P<ar>\d+(?:,\d{{3}})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)|(?P<cn>[{CN_CHARS}]+(?:点[{_CN_DIGIT_CHARS}]+)?)"
)
_PERCENT_WORDS = re.compile(rf"百分之(?P<n>\d+(?:\.\d+)?|[{CN_CHARS}]+(?:点[{_CN_DIGIT_CHARS}]+)?)")
_DATE_YMD = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:(?P<m>1[0-2]|0?[1-9])\s*月\s*"
    r"(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]|(?P<msuf>底|末|初|份|中旬|上旬|下旬))?|(?P<ysuf>度|底|末|初))?"
)
_DATE_NUMERIC = re.compile(r"(?P<y>(?:19|20)\d{2})[-./](?P<m>1[0-2]|0?[1-9])[-./](?P<d>3[01]|[12]\d|0?[1-9])(?!\d)")
_DATE_MD = re.compile(
    r"(?P<m>1[0-2]|0?[1-9])\s*月\s*(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]|(?P<msuf>底|末|初|份|中旬|上旬|下旬))?"
)
_DOC_NUMBER = re.compile(
    r"[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*(?:第\s*)?\d+\s*号"
    r"|令\s*(?:19|20)\d{2}\s*年\s*第\s*\d+\s*号"
    r"|第\s*\d+\s*号"
)
# A code: 【12】, a letter run then digits («A1», «GB_T-9704»), digits then letters («3D», «5G»;
# «850m», «12km» are lengths, not codes).  Each pattern that starts with a run may only start
# where its run starts (the look-behinds; a match that fails at a run's first character fails
# inside it too), and the letter run is read possessively: otherwise a 20,000-digit run is
# rescanned from each of its digits (quadratic).  Kept as separate patterns, so that one match
# never hides another's start.
_CODES = (
    re.compile(r"【\s*\d+\s*】"),
    re.compile(r"(?<![A-Za-z_])_*+[A-Za-z][A-Za-z_]*+-?\d+[A-Za-z0-9-]*"),
    re.compile(r"(?<!\d)\d+(?!(?:km|m|m²|m³)(?![A-Za-z0-9]))[A-Za-z][A-Za-z0-9]*"),
)
_UNIT_GAP = " \u3000\xa0"  # «892.7 万元»: one space between a number and its unit
_FORMULA = re.compile(r"(?<!\d)\d+(?:\s*\+\s*\d+)+\+?")
_RATIO = re.compile(r"(?<!\d)\d+(?:\.\d+)?\s*:\s*\d+(?:\.\d+)?(?!\s*[万亿元%])")
_QUOTED = re.compile(r"“[^”\n]{1,18}”|\"[^\"\n]{1,18}\"|「[^」\n]{1,18}」")
_RANGE_SEP = re.compile(r"\s*(?:-|~|—|–|至|到)\s*")
_CLAUSE_START = set("\n。；;:：！？!?，,)）】 \t\"“")
_MULTIPLIERS = (("百万", 6), ("千万", 7), ("万", 4), ("亿", 8), ("千", 3), ("百", 2))
_MONEY_CONTEXT = re.compile(r"资金|拨款|经费|预算|支出|投入|结转|结余|收入|费|款|金额|总额|成本|资产|补助|补贴|投资|拨付|资本|工资|薪")
_FALSE_APPROX = {"约": "节预合制签", "近": "最附邻"}
_ARTICLE_BEFORE = {"是", "为", "这", "那", "让", "使", "营造", "打造", "形成", "成为", "作为", "构建"}
_DATE_AFTER = (("以前", "≤"), ("之前", "≤"), ("前", "≤"), ("以后", "≥"), ("之后", "≥"), ("后", "≥"), ("起", "≥"))
_DATE_AFTER_WORDS = tuple(w for w, _ in _DATE_AFTER)


@dataclass
class _Number:
    """A number read at some position: its value before any unit, and how it was written."""

    start: int
    end: int
    value: Decimal
    precision: int
    chinese: bool


def find_numbers(text: str) -> list[Mention]:
    """Every number in `text` as an unlabelled Mention, in order."""
    folded = fold(text)
    blocked = _blocked_spans(folded)
    mentions: list[Mention] = []
    consumed = 0
    for m in _PERCENT_WORDS.finditer(folded):
        mention = _percent_words(text, folded, m)
        if mention is not None:
            mentions.append(mention)
    taken = _Spans([(x.start, x.end) for x in mentions])
    for m in _TOKEN.finditer(folded):
        s = m.start()
        if s < consumed or taken.covers(s) or blocked.covers(s):
            continue
        mention = _read_at(text, folded, m)
        if mention is None:
            continue
        mentions.append(mention)
        consumed = mention.end
    mentions.sort(key=lambda x: x.start)
    return mentions


class _Spans:
    """Spans asked about in increasing positions (the tokens of one text, left to right): each
    question costs amortised O(1) instead of a scan of every span."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._next = 0  # first span not yet started at the last position asked
        self._reach = -1  # furthest end of the spans started so far

    def covers(self, pos: int) -> bool:
        while self._next < len(self._spans) and self._spans[self._next][0] <= pos:
            self._reach = max(self._reach, self._spans[self._next][1])
            self._next += 1
        return pos < self._reach


def _blocked_spans(folded: str) -> _Spans:
    spans = [m.span() for pattern in (_DOC_NUMBER, *_CODES, _FORMULA, _RATIO) for m in pattern.finditer(folded)]
    for expr in lexicon().fixed:
        start = folded.find(expr)
        while start >= 0:
            spans.append((start, start + len(expr)))
            start = folded.find(expr, start + len(expr))
    for m in _QUOTED.finditer(folded):
        inner = m.group(0)[1:-1]
        if not re.search(r"\d", inner):
            spans.append(m.span())
    return _Spans(spans)


def _read_at(text: str, folded: str, m: re.Match[str]) -> Mention | None:
    if m.group("ar"):
        number = _arabic(m)
        if number is None:
            return None
        if _is_marker(folded, number):
            return None
        date = _date_at(text, folded, number.start)
        if date is not None:
            return date
        quantity = _with_range(text, folded, number)
        if quantity is not None:
            return quantity
        if _prev_char(folded, number.start) == "\n" and number.end - number.start <= 2 and _is_cjk(folded[number.end:number.end + 1]):
            return None  # «3取得成果» at the start of a paragraph: a list marker without its dot
        return _bare(text, folded, number)
    token = m.group("cn")
    if not any(ch in CN_DIGITS for ch in token) and not token.startswith("十"):
        return None
    if len(token) == 4 and all(ch in CN_DIGITS for ch in token) and folded.startswith("年", m.end()):
        year = "".join(str(CN_DIGITS[ch]) for ch in token)
        return Mention(m.start(), m.end() + 1, text[m.start():m.end() + 1], "date", year)
    parsed = parse_chinese(token)
    if parsed is None or _is_cn_marker(folded, m.start(), m.end()):
        return None
    number = _Number(m.start(), m.end(), parsed[0], parsed[1], chinese=True)
    return _quantity(text, folded, number)


def _arabic(m: re.Match[str]) -> _Number | None:
    raw = m.group("ar")
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None
    return _Number(m.start(), m.end(), value, decimals_precision(raw.replace(",", "")), chinese=False)


def _prev_char(folded: str, pos: int) -> str:
    i = pos - 1
    while i >= 0 and folded[i] in " \t\u3000":
        i -= 1
    return folded[i] if i >= 0 else "\n"


def _is_marker(folded: str, n: _Number) -> bool:
    """List markers («1、», «3.», «（2）»), ordinals («第3»)."""
    before = _prev_char(folded, n.start)
    after = folded[n.end:n.end + 1]
    if before == "第":
        return True
    if before in "(（" and after in ")）":
        return True
    if after == "、":
        return True
    if after == "." and n.precision == 0 and n.end - n.start <= 2 and _is_cjk(folded[n.end + 1:n.end + 2]):
        return True  # «6.进一步推动» — a list marker, even mid-sentence
    return False


def _is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _is_cn_marker(folded: str, start: int, end: int) -> bool:
    before = _prev_char(folded, start)
    after = folded[end:end + 1]
    return before in ("第", "每") or after in ("、", "是") or (before in "(（" and after in ")）")


def _is_article(folded: str, number: _Number, end: int) -> bool:
    """«营造一个良好的环境», «不让一个学生失学»: 一 + measure word used as an article.

    一 counts as a quantity only where a short noun and then the clause end follow
    («一个党组。», «培训一次；», «每人有一套办公桌椅。»), not after 是/让/营造…, and not before «的».
    """
    if folded[number.start:number.end] != "一":
        return False
    if folded[end:end + 1] in ("内", "后", "前", "以"):
        return False  # «一周内»: a duration
    before = folded[max(0, number.start - 2):number.start]
    if before[-1:] in _ARTICLE_BEFORE or before in _ARTICLE_BEFORE:
        return True
    j = end
    while j < len(folded) and j - end <= 5 and folded[j] not in _CLAUSE_START:
        if folded[j] == "的":
            return True
        j += 1
    return j - end > 5


def _date_at(text: str, folded: str, pos: int) -> Mention | None:
    for pattern in (_DATE_NUMERIC, _DATE_YMD, _DATE_MD):
        m = pattern.match(folded, pos)
        if not m or (pattern is _DATE_YMD and folded[m.end() - 1:m.end()] not in "年度底末初份日号月旬"):
            continue
        if pattern is _DATE_MD and "年" in folded[max(0, pos - 2):pos]:
            continue
        return _date_mention(text, folded, m)
    return None


def _date_mention(text: str, folded: str, m: re.Match[str]) -> Mention:
    groups = m.groupdict()
    year = groups.get("y")
    month = groups.get("m")
    day = groups.get("d")
    suffix = groups.get("ysuf") or groups.get("msuf") or ""
    cmp = ""
    if suffix in ("底", "末") and not month:
        month, day, cmp = "12", "31", "≈"
    elif suffix in ("底", "末", "初", "中旬", "上旬", "下旬"):
        cmp = "≈"
    parts = [year or "-"]
    if month:
        parts.append(f"{int(month):02d}")
        if day:
            parts.append(f"{int(day):02d}")
    value = "-".join(parts)
    after = match_prefix(folded, m.end(), _DATE_AFTER_WORDS)
    if after:
        cmp = dict(_DATE_AFTER)[after]
    return Mention(m.start(), m.end(), text[m.start():m.end()], "date", value, cmp=cmp)


def _multiplier(folded: str, pos: int) -> tuple[str, int]:
    for word, power in _MULTIPLIERS:
        if folded.startswith(word, pos):
            return word, power
    return "", 0


def _quantity(text: str, folded: str, n: _Number) -> Mention | None:
    """A number with its unit: money, percent or count (None when no unit follows)."""
    lex = lexicon()
    pos = _unit_start(folded, n.end)
    percent_word = match_prefix(folded, pos, lex.percent_words)
    if percent_word and not n.chinese:
        return _finish(text, folded, n, pos + len(percent_word), "percent", n.value, "%", "", n.precision, approx=False)
    if folded.startswith("%", pos):
        return _finish(text, folded, n, pos + 1, "percent", n.value, "%", "", n.precision, approx=False)
    measure = "" if n.chinese else match_prefix(folded, pos, lex.measures)
    approx = False
    mult, power = ("", 0) if (n.chinese or measure) else _multiplier(folded, pos)
    pos += len(mult)
    infix = match_prefix(folded, pos, lex.approx_infix)
    if infix:
        pos += len(infix)
        approx = True
    if not mult and not n.chinese and not measure:
        mult, power = _multiplier(folded, pos)
        pos += len(mult)
    value = _scaled(n.value, power)
    precision = n.precision + power
    currency = match_prefix(folded, pos, lex.currencies)
    if currency:
        written = mult or _chinese_section(folded[n.start:n.end]) if n.chinese else mult
        return _finish(text, folded, n, pos + len(currency), "money", value, currency, written + currency, precision,
                       approx)
    if folded.startswith("个百分点", pos):
        return _finish(text, folded, n, pos + 4, "percent", value, "百分点", "", precision, approx)
    measure = measure or match_prefix(folded, pos, lex.measures)
    if measure and n.chinese and (measure in lex.cn_blocked_measures or _is_article(folded, n, pos + len(measure))):
        return None
    if measure:
        return _finish(text, folded, n, pos + len(measure), "count", value, measure, mult, precision, approx)
    if mult in ("万", "亿") and _MONEY_CONTEXT.search(folded[max(0, n.start - 14):n.start]):
        return _finish(text, folded, n, pos, "money", value, "元", mult, precision, approx)
    return None


def _unit_start(folded: str, pos: int) -> int:
    """Where the unit after a number starts: `pos`, or past one space when a unit follows it."""
    if pos < len(folded) and folded[pos] in _UNIT_GAP and pos + 1 < len(folded):
        lex = lexicon()
        after = pos + 1
        if (folded[after] in "%％" or match_prefix(folded, after, lex.measures) or match_prefix(folded, after, lex.currencies)
                or match_prefix(folded, after, lex.percent_words) or _multiplier(folded, after)[0]):
            return after
    return pos


def _scaled(value: Decimal, power: int) -> Decimal:
    """`value` × 10**power exactly, written as the product is («80.1» × 10⁴ → «801000.0»):
    Decimal arithmetic would round a 400-digit amount to 28 digits."""
    sign, digits, exponent = value.as_tuple()
    if power < 0 or not isinstance(exponent, int):
        return value * Decimal(10) ** power
    return Decimal((sign, digits + (0,) * power, exponent))


def _chinese_section(token: str) -> str:
    """The largest section a Chinese numeral is written in («一百二十万» → 万)."""
    return "亿" if "亿" in token else "万" if "万" in token else ""


def _finish(text: str, folded: str, n: _Number, end: int, kind: str, value: Decimal, unit: str, scale: str,
            precision: int, approx: bool) -> Mention:
    cmp = _cmp_before(folded, n.start)
    after = match_prefix(folded, end, tuple(w for w, _ in lexicon().cmp_after if w not in ("前",)))
    if after and not cmp:
        cmp = dict(lexicon().cmp_after)[after]
    if approx and not cmp:
        cmp = "≈"
    return Mention(n.start, end, text[n.start:end], kind, value, unit, scale, precision, cmp,
                   approx=approx or cmp == "≈")


def _cmp_before(folded: str, start: int) -> str:
    end = start
    while end > 0 and folded[end - 1] in " \t\u3000":
        end -= 1
    for word, sign in lexicon().cmp_before:
        if end - len(word) >= 0 and folded.startswith(word, end - len(word)):
            before = folded[end - len(word) - 1:end - len(word)]
            if word in _FALSE_APPROX and before and before in _FALSE_APPROX[word]:
                continue
            return sign
    return ""


def _with_range(text: str, folded: str, n: _Number) -> Mention | None:
    """A quantity, or a range of two («10-20万元», «10万至20万元», «80%-90%») as one mention."""
    first = _quantity(text, folded, n)
    mult, power = _multiplier(folded, n.end)
    sep = _RANGE_SEP.match(folded, first.end if first else n.end + len(mult))
    token = _TOKEN.match(folded, sep.end()) if sep else None
    if token is None or not token.group("ar"):
        return first
    other = _arabic(token)
    second = _quantity(text, folded, other) if other else None
    if second is None or (first is not None and (first.kind, first.unit) != (second.kind, second.unit)):
        return first
    if first is not None:
        low, precision = Decimal(first.value), first.precision or 0
    else:
        power = power if mult else _multiplier(second.scale, 0)[1]
        low, precision = _scaled(n.value, power), n.precision + power
    if low > second.value:
        return first
    return Mention(n.start, second.end, text[n.start:second.end], second.kind, low, second.unit, second.scale,
                   min(precision, second.precision or 0), "", low, Decimal(second.value))


def _percent_words(text: str, folded: str, m: re.Match[str]) -> Mention | None:
    raw = m.group("n")
    if raw[0].isdigit():
        value, precision = Decimal(raw), decimals_precision(raw)
    else:
        parsed = parse_chinese(raw)
        if parsed is None:
            return None
        value, precision = parsed
    cmp = _cmp_before(folded, m.start())
    return Mention(m.start(), m.end(), text[m.start():m.end()], "percent", value, "%", "", precision, cmp)


def _bare(text: str, folded: str, n: _Number) -> Mention:
    cmp = _cmp_before(folded, n.start)
    return Mention(n.start, n.end, text[n.start:n.end], "number", n.value, precision=n.precision, cmp=cmp)
