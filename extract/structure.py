"""How the amounts of a paragraph relate: a total and its parts («T，其中：A a、B b»,
«A a，B b，共计 T», «…，总投入 T») and the parts a part contains («408万元（含津贴补贴168万元…）»).

Used by the checks (do the parts add up?) and by the suggestions (derive a missing total or the
one missing part from this year's facts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .mention import Mention
from .vocabulary import normalise

TOTAL_LABELS = frozenset({"共计", "合计", "总计", "总投入", "项目总投入", "总额", "资金总额", "总预算", "合计金额"})
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_SPENT_WORDS = ("支出", "执行", "结余", "年末结转", "使用")


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
    money = [m for m in mentions if m.kind == "money"]
    out: list[Group] = []
    start = 0
    previous: list[Mention] = []
    for m in list(_SENTENCE_END.finditer(paragraph)) + [None]:
        end = m.end() if m else len(paragraph)
        inside = [x for x in money if start <= x.start < end]
        out.extend(_sentence_groups(paragraph, start, end, inside, previous))
        previous = inside or previous
        start = end
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
        for i, m in enumerate(money):
            if m.label in TOTAL_LABELS and i >= 2:
                parts = [p for p in money[:i] if not in_parentheses(paragraph, p.start) and p.label not in TOTAL_LABELS]
                if len(parts) >= 2:
                    groups.append(Group(m, parts, total_after=True))
    return groups


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
