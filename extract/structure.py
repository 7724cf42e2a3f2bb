"""How the amounts of a paragraph relate: a total and its parts («T，其中：A a、B b»,
«A a，B b，共计 T», «…，总投入 T», «T，A、B、C分别安排 a、b、c»), the parts a part contains
(«408万元（含津贴补贴168万元…）»), and which amounts are sub-items of another.

A list may run across «；» («其中：A a；B b；C c»); an adjustment («调减40万元») is never a part.

Used by the checks (do the parts add up?) and by the suggestions (derive a missing total or the
one missing part from this year's facts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .mention import Mention
from .vocabulary import is_adjustment, normalise

TOTAL_LABELS = frozenset({"共计", "合计", "总计", "总投入", "项目总投入", "总额", "资金总额", "总预算", "合计金额"})
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[；;]")
_SPENT_WORDS = ("支出", "执行", "结余", "年末结转", "使用")
_RESPECTIVELY = "分别"
_LIST_SEPARATORS = re.compile(r"^[\s、，,和及与；;]*$")
_ITEM_SEPARATORS = re.compile(r"[、和及与]")
_CHANGE_WORDS = re.compile(r"增|减|降|提高|比|较|超")
_LEAD = 6  # «分别为», «分别安排»: the words between «分别» and a list of bare amounts
_INLINE_LABEL = 16  # «分别是中央补助资金»: at most this long when each amount has its label


@dataclass
class Group:
    total: Mention | None
    parts: list[Mention]
    total_after: bool = False  # the total is stated after its parts («共计», «总投入»)


@dataclass
class Nested:
    parent: Mention
    parts: list[Mention] = field(default_factory=list)


def money_groups(paragraph: str, mentions: list[Mention]) -> list[Group]:
    """Totals and their parts among the money mentions of one paragraph."""
    return list(_money_groups(paragraph, _money(mentions)))


def sub_items(paragraph: str, mentions: list[Mention]) -> frozenset[int]:
    """The starts of the amounts that are a part of another one: listed after «其中» or in a
    «分别» list, or in parentheses after an amount («（含…）»)."""
    return _sub_items(paragraph, _money(mentions))


def respectively_starts(paragraph: str, mentions: list[Mention]) -> frozenset[int]:
    """The starts of the amounts of a «A、B分别为 a、b» list (their labels name the whole list)."""
    return _respectively_starts(paragraph, _money(mentions))


def _money(mentions: list[Mention]) -> tuple[Mention, ...]:
    return tuple(m for m in mentions if m.kind == "money")


# The checks rerun after every pause in typing, on paragraphs that mostly did not change: the
# structure of a paragraph is worked out once for its text and amounts.
@lru_cache(maxsize=2048)
def _money_groups(paragraph: str, money: tuple[Mention, ...]) -> tuple[Group, ...]:
    out: list[Group] = []
    previous: list[Mention] = []
    for start, end in _ranges(paragraph, money):
        inside = [x for x in money if start <= x.start < end]
        out.extend(_sentence_groups(paragraph, start, end, inside, previous))
        previous = inside or previous
    return tuple(out)


@lru_cache(maxsize=2048)
def _sub_items(paragraph: str, money: tuple[Mention, ...]) -> frozenset[int]:
    out = {p.start for group in _money_groups(paragraph, money) for p in group.parts}
    out |= {p.start for nested in nested_parts(paragraph, list(money)) for p in nested.parts}
    for start, end in _ranges(paragraph, money):
        at = paragraph.find("其中", start, end)
        if at != -1:
            out |= {m.start for m in money if at < m.start < end}
    return frozenset(out)


@lru_cache(maxsize=2048)
def _respectively_starts(paragraph: str, money: tuple[Mention, ...]) -> frozenset[int]:
    out: set[int] = set()
    for at in _finditer(paragraph, _RESPECTIVELY):
        parts, inline = _respective_list(paragraph, at, list(money))
        if not inline:
            out |= {m.start for m in parts}
    return frozenset(out)


@lru_cache(maxsize=2048)
def _ranges(paragraph: str, money: tuple[Mention, ...]) -> tuple[tuple[int, int], ...]:
    """Sentences, cut at «；» too unless the clause after it is one more item of a list (one
    amount, after a clause that has amounts)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in list(_SENTENCE_END.finditer(paragraph)) + [None]:
        end = m.end() if m else len(paragraph)
        out.extend(_clauses(paragraph, start, end, money))
        start = end
    return tuple(out)


def _clauses(paragraph: str, start: int, end: int, money: tuple[Mention, ...]) -> list[tuple[int, int]]:
    cuts = [start, *(m.end() for m in _CLAUSE_END.finditer(paragraph, start, end)), end]
    out: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        amounts = [x for x in money if a <= x.start < b and not in_parentheses(paragraph, x.start)]
        previous_has = bool(out) and any(out[-1][0] <= x.start < out[-1][1] for x in money)
        if len(amounts) == 1 and previous_has:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _finditer(text: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    end = len(text) if end is None else end
    out = []
    at = text.find(word, start, end)
    while at != -1:
        out.append(at)
        at = text.find(word, at + len(word), end)
    return out


def nested_parts(paragraph: str, mentions: list[Mention]) -> list[Nested]:
    """Amounts in parentheses right after an amount: the parts it contains."""
    money = [m for m in mentions if m.kind == "money"]
    out = []
    for i, parent in enumerate(money):
        if in_parentheses(paragraph, parent.start):
            continue
        inner = []
        for m in money[i + 1:]:
            if not in_parentheses(paragraph, m.start):
                break
            inner.append(m)
        if len(inner) >= 2:
            out.append(Nested(parent, inner))
    return out


def _sentence_groups(paragraph: str, start: int, end: int, money: list[Mention],
                     previous: list[Mention]) -> list[Group]:
    text = paragraph[start:end]
    groups = []
    for m in re.finditer(r"其中", text):
        at = start + m.start()
        before = [x for x in money if x.end <= at]
        whole = before[-1] if before else (previous[-1] if previous and m.start() < 3 else None)
        parts, stated = _parts(paragraph, [x for x in money if x.start > at])
        if stated is not None:
            groups.append(Group(stated, parts, total_after=True))
        elif whole is not None:
            groups.append(Group(whole, parts))
    if "其中" not in text:
        for at in _finditer(paragraph, _RESPECTIVELY, start, end):
            groups.extend(_respective_group(paragraph, at, money))
        for i, m in enumerate(money):
            if m.label in TOTAL_LABELS and i >= 2:
                parts = [p for p in money[:i] if not in_parentheses(paragraph, p.start) and p.label not in TOTAL_LABELS
                         and not is_adjustment(p.label)]
                if len(parts) >= 2:
                    groups.append(Group(m, parts, total_after=True))
    return groups


def _respective_list(paragraph: str, at: int, money: list[Mention]) -> tuple[list[Mention], bool]:
    """The amounts of a «分别» list and whether each carries its own label: «A、B、C分别安排30万元、
    25万元、18万元» (items named before, amounts one after the other), or «分别是A 60万元、B 45万元
    和C 20万元» (inline).  None when they are changes («分别增加3万元、2万元»)."""
    after = [m for m in money if m.start > at and not in_parentheses(paragraph, m.start)]
    if not after:
        return [], False
    lead = paragraph[at + len(_RESPECTIVELY):after[0].start]
    if _CHANGE_WORDS.search(lead) or _SENTENCE_END.search(lead) or len(lead) > _INLINE_LABEL:
        return [], False
    inline = len(lead) > _LEAD
    parts = [after[0]]
    for m in after[1:]:
        gap = paragraph[parts[-1].end:m.start]
        if not (_LIST_SEPARATORS.match(gap) or inline and _labelled_gap(gap)):
            break
        parts.append(m)
    return (parts, inline) if len(parts) >= 2 else ([], False)


def _labelled_gap(gap: str) -> bool:
    """«、省级补助资金», «和县级配套资金»: a separator, then the next item's label."""
    m = re.match(r"^[\s、，,和及与；;]+", gap)
    rest = gap[m.end():] if m else ""
    return bool(m) and 0 < len(rest) <= _INLINE_LABEL and not re.search(r"[，,。；;：:]|其中", rest) \
        and not _CHANGE_WORDS.search(rest)


def _respective_group(paragraph: str, at: int, money: list[Mention]) -> list[Group]:
    """«全年预算数72万元，省、市、区三级财政分别安排30万元、25万元、18万元»: the amount just before
    the list is its total when the items named between are as many as the amounts (or, for an
    inline list, when nothing stands between)."""
    parts, inline = _respective_list(paragraph, at, money)
    before = [m for m in money if m.end <= at and not in_parentheses(paragraph, m.start)]
    if not parts or not before or is_adjustment(before[-1].label):
        return []
    whole = before[-1]
    items = re.sub(r"^(?:中)?[，,]", "", paragraph[whole.end:at])
    if inline:
        return [Group(whole, parts)] if not items.strip() else []
    if not items or re.search(r"[，,。；;：:]", items):
        return []
    if len(_ITEM_SEPARATORS.split(items)) != len(parts):
        return []
    return [Group(whole, parts)]


def _parts(paragraph: str, after: list[Mention]) -> tuple[list[Mention], Mention | None]:
    """The parts listed after «其中», up to a stated total or to a number of another kind."""
    parts: list[Mention] = []
    for m in after:
        if in_parentheses(paragraph, m.start):
            continue
        if m.label in TOTAL_LABELS:
            return parts, m
        if "其中" in paragraph[(parts[-1].end if parts else m.start):m.start]:
            break
        if parts and _is_other_dimension(parts, m):
            break
        if is_adjustment(m.label):
            continue
        parts.append(m)
    return parts, None


def _is_other_dimension(parts: list[Mention], m: Mention) -> bool:
    """«…其中上年结转18.63万元，本年预算拨付77万元，本年度实际支出90.84万元»: spending is not a part."""
    label = normalise(m.label)
    return any(word in label for word in _SPENT_WORDS) and not any(
        word in normalise(p.label) for p in parts for word in _SPENT_WORDS)


def in_parentheses(paragraph: str, pos: int) -> bool:
    return _depths(paragraph)[pos] > 0


@lru_cache(maxsize=512)
def _depths(paragraph: str) -> bytes:
    """The parenthesis depth at each position of a paragraph (computed once per paragraph)."""
    out = bytearray(len(paragraph) + 1)
    depth = 0
    for i, ch in enumerate(paragraph):
        out[i] = min(depth, 255)
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    out[len(paragraph)] = min(depth, 255)
    return bytes(out)
