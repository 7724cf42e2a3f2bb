"""One item, two values: the same thing (same label after normalising, same kind of quantity)
written with values that cannot both be right, in two places of one report (text or 附表).

A part is not its whole: an amount listed after «其中» (or in a «分别» list, or in «（含…）») that
is smaller than the other value is a sub-item of it («省级福彩公益金113万元» and, for one
sub-project, «其中…使用省级福彩公益金48万元»), and so are amounts of one paragraph that add up to
the other value.  A number left over from last year is reported once, by `stale`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from extract.mention import Mention
from extract.structure import respectively_starts, sub_items
from extract.vocabulary import is_generic, normalise, table_cell_for

from ..context import CheckInput, Located
from ..cues import is_sample
from ..finding import Evidence, Finding
from ..fmt import num, wan
from ..intervals import Interval, total
from ..registry import rule
from ..table import cell

_PURPOSE = re.compile(r"用于([\u4e00-\u9fff]{2,12})")
TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class _Statement:
    """A value stated for an item: from the text, or a 附表 cell."""

    key: tuple[str, str, str]  # (normalised label, kind, unit or purpose)
    interval: Interval
    shown: str
    where: str
    evidence: Evidence
    paragraph: tuple[str, int] | None  # two values in one paragraph are usually two items
    approximate: bool
    part: bool = False  # listed as a sub-item of something (after «其中», in «（含…）»)


def _text_statements(data: CheckInput) -> list[_Statement]:
    out: list[_Statement] = []
    for (section, index), locs in data.by_paragraph.items():
        # Still last year's: the stale check speaks for it (one number, one finding).
        inherited = frozenset(loc.m.start for loc in locs if loc.provenance == "inherited")
        out.extend(_paragraph_statements(section, index, locs[0].offset, data.paragraph(locs[0]),
                                         tuple(loc.m for loc in locs), inherited))
    return out


@lru_cache(maxsize=4096)
def _paragraph_statements(section: str, index: int, offset: int, paragraph: str, mentions: tuple[Mention, ...],
                          inherited: frozenset[int]) -> tuple[_Statement, ...]:
    """The statements of one paragraph (once per paragraph: the checks rerun after every pause in
    typing, on paragraphs that mostly did not change)."""
    money = [m for m in mentions if m.kind == "money"]
    parts = sub_items(paragraph, money) if len(money) >= 2 else frozenset()
    listed = respectively_starts(paragraph, money) if len(money) >= 2 else frozenset()
    out = []
    for m in mentions:
        if not m.is_quantity or is_generic(m.label) or m.low is not None or m.start in inherited:
            continue
        if m.cmp in ("≥", "≤", ">", "<") or _per_unit(paragraph, m) or in_words(m):
            continue  # a target or a limit («不少于200册»), a rate per person («每人一套»), «两个文化站»
        if m.start in listed:
            continue  # «A和B分别为24.5万元、10.5万元»: the label names the list, not the amount
        loc = Located(m, section, index, offset)
        purpose = _purpose(paragraph, m) + _year_of(paragraph, m, mentions)
        unit = m.unit + _sample(paragraph, m) if m.kind == "count" else ""
        key = (normalise(m.label), m.kind, unit + purpose)
        out.append(_Statement(key, loc.interval(), m.surface, f"第 {section} 节", loc.evidence(),
                              (section, index), loc.approximate, m.start in parts))
    return tuple(out)


def in_words(m: Mention) -> bool:
    """A count written in Chinese numerals («两个文化站», «一个党组»): a remark in running text,
    usually about some of the things counted elsewhere, not the figure for all of them."""
    return m.kind == "count" and not any(ch.isdigit() and ch.isascii() for ch in m.surface)


def _sample(paragraph: str, m: Mention) -> str:
    """«|样本» for a count of a sample («抽查了6个乡镇卫生院»): not the count of all of them."""
    return "|样本" if is_sample(paragraph, m.start) else ""


def _per_unit(paragraph: str, m: Mention) -> bool:
    return "每" in paragraph[max(0, m.start - 4):m.start]


def _year_of(paragraph: str, m: Mention, mentions: tuple[Mention, ...]) -> str:
    """«2019年度专项资金预算410万元»: a year right before the item makes it that year's item."""
    for other in mentions:
        if other.kind == "date" and 0 <= m.start - other.end <= 12:
            between = paragraph[other.end:m.start]
            if not re.search(r"[，。；,;]", between):
                return "@" + str(other.value)[:4]
    return ""


def _purpose(paragraph: str, m: Mention) -> str:
    """«预算资金58万元，用于…平台维护»: what the money is for tells two 预算资金 apart."""
    tail = re.split(r"[。；;]", paragraph[m.end:], maxsplit=1)[0]
    found = _PURPOSE.search(tail[:40])
    return "|" + found.group(1)[:6] if found else ""


def _table_statements(data: CheckInput) -> dict[tuple[str, str], _Statement]:
    table = data.report.table
    out: dict[tuple[str, str], _Statement] = {}
    if table is None:
        return out
    for spec in data.profile.budget["rows"]:
        for column in ("budget", "spent"):
            c = cell(table, data.profile, spec["key"], column)
            if c is not None:
                out[(spec["key"], column)] = _Statement(
                    ("", "money", ""), c.interval.scale(TEN_THOUSAND), f"{num(c.value)} 万元", f"附表「{c.label}」",
                    c.evidence(), None, False)
    return out


@rule("two_values", "同一事项两个数", "error",
      "同一事项（标签相同、单位相同）在报告两处的数值不一致，含正文与附表之间（总数与它的分项不算）",
      yields_to=("stale", "execution_rate"))
def check(data: CheckInput) -> Iterator[Finding]:
    statements = _text_statements(data)
    yield from _within_text(statements)
    yield from _against_table(data, statements)


def _within_text(statements: list[_Statement]) -> Iterator[Finding]:
    groups: dict[tuple[str, str, str], list[_Statement]] = {}
    for s in statements:
        groups.setdefault(s.key, []).append(s)
    for key, items in groups.items():
        reported: set[str] = set()
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if a.paragraph == b.paragraph or a.shown == b.shown or b.shown in reported:
                    continue
                if _agree(a, b) or _part_of(a, b, items) or _part_of(b, a, items):
                    continue
                reported.add(b.shown)
                yield _finding(key[0], a, b)


def _part_of(part: _Statement, whole: _Statement, items: list[_Statement]) -> bool:
    """`part` is a sub-item of `whole`: listed as a part (and `whole` not) and smaller, or one of
    the same item's amounts of its paragraph that together make `whole`."""
    if part.interval.hi >= whole.interval.lo:
        return False
    if part.part and not whole.part:  # two parts of two totals (410万元 and 428万元) are not nested
        return True
    siblings = [s.interval for s in items if s.paragraph == part.paragraph]
    return len(siblings) >= 2 and total(siblings).overlaps(whole.interval)


def _agree(a: _Statement, b: _Statement) -> bool:
    ia, ib = a.interval, b.interval
    if a.approximate or b.approximate:
        ia, ib = ia.widen(Decimal("0.1")), ib.widen(Decimal("0.1"))
    return ia.overlaps(ib)


def _finding(label: str, a: _Statement, b: _Statement) -> Finding:
    uncertain = a.approximate or b.approximate
    return Finding(
        rule="two_values", severity="warning" if uncertain else "error",
        status="uncertain" if uncertain else "fail", section=b.evidence.section,
        message=f"「{label}」在{a.where}为 {a.shown}，在{b.where}为 {b.shown}，同一事项两个数值。",
        evidence=[a.evidence, b.evidence],
    )


def _against_table(data: CheckInput, statements: list[_Statement]) -> Iterator[Finding]:
    cells = _table_statements(data)
    if not cells:
        return
    for s in statements:
        if s.key[1] != "money":
            continue
        where = table_cell_for(s.key[0], data.profile)
        if where is None or where not in cells:
            continue
        t = cells[where]
        if _agree(s, t) or (s.part and s.interval.hi < t.interval.lo):
            continue
        exact = (t.interval.lo + t.interval.hi) / 2
        finding = _finding(s.key[0], t, s)
        finding.fix = f"如将「{s.shown}」改为 {wan(exact)}万元 则与附表一致"
        yield finding
