"""This year's facts, the values a suggestion fills in and the stale check compares with.

Built by `store.this_year.this_year` from what speaks for this year only: `--fact LABEL=VALUE`,
the walk's confirmed answers, the draft's 附表 (amounts, and indicator rows entered or confirmed
this year), and numbers of text the user wrote or edited — never from text still as copied from
last year.  Targets (年度指标值, «不少于130场») and actual values are kept apart: a target is filled
only from a target, an actual only from an actual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz import fuzz

from extract import extract_numbers
from extract.mention import Mention
from extract.outline import Profile, get_profile
from extract.vocabulary import canonical, is_rate, normalise, table_cell_for

from ..errors import ZipinError

TEN_THOUSAND = Decimal(10000)
MIN_SUFFIX = 3  # a fact named «专项资金» fills «预算专项资金», one named «资金» fills nothing by suffix
TARGET_MATCH = 80  # rapidfuzz partial_ratio between a target's words and an indicator's name
SHORT_NAME = 5  # words shorter than this match an indicator's name only when it contains them
TARGET_SIGNS = ("≥", "≤", ">", "<")


@dataclass(frozen=True)
class Fact:
    label: str
    kind: str  # money | percent | count | number
    value: Decimal  # money in 元
    precision: int | None
    unit: str
    source: str  # where it comes from, for the slot's provenance


@dataclass
class ThisYear:
    profile: Profile
    by_label: dict[str, Fact] = field(default_factory=dict)
    by_cell: dict[tuple[str, str], Fact] = field(default_factory=dict)
    targets: list[Fact] = field(default_factory=list)
    indicators: list[Fact] = field(default_factory=list)  # 实际完成值 of the 附表's indicator rows

    @classmethod
    def empty(cls, profile: str = "") -> ThisYear:
        return cls(get_profile(profile))

    def add(self, fact: Fact) -> None:
        """The first fact for a label wins: add the most authoritative first."""
        self.by_label.setdefault(canonical(normalise(fact.label)), fact)
        cell = self._cell_of(fact.label) if fact.kind in ("money", "number") else None
        if cell is not None:
            self.by_cell.setdefault(cell, fact)

    def _cell_of(self, label: str) -> tuple[str, str] | None:
        return table_cell_for(label, self.profile) or table_cell_for(canonical(normalise(label)), self.profile)

    def add_target(self, fact: Fact) -> None:
        self.targets.append(fact)

    def add_indicator(self, fact: Fact) -> None:
        self.indicators.append(fact)

    def find(self, label: str, kind: str) -> Fact | None:
        """The fact for a number labelled `label`: same label (or a synonym), the same 附表
        cell, or a fact whose label ends the number's label («专项资金» for «预算专项资金»)."""
        if not label:
            return None
        wanted = canonical(normalise(label))
        fact = self.by_label.get(wanted)
        if fact is None:
            cell = self._cell_of(label)
            fact = self.by_cell.get(cell) if cell else None
        if fact is None:
            suffixes = [f for key, f in self.by_label.items() if len(key) >= MIN_SUFFIX and wanted.endswith(key)]
            fact = max(suffixes, key=lambda f: len(normalise(f.label)), default=None)
        if fact is not None and (fact.kind == kind or fact.kind == "number"):
            return fact
        return None

    def find_actual(self, label: str, kind: str, unit: str) -> Fact | None:
        """This year's value for a number of the text: by label (`find`), else the indicator row
        of the same kind and unit whose name contains the number's words."""
        return self.find(label, kind) or _by_name(self.indicators, label, kind, unit)

    def value_for(self, label: str, kind: str, unit: str) -> Fact | None:
        """What this year says a number of the text should be: a fact (`find_actual`), or
        执行率 and 结转 computed from this year's 附表."""
        found = self.find_actual(label, kind, unit)
        if found is None and kind == "percent" and is_rate(label):
            found = self.rate()
        if found is None and kind == "money" and _is_carry(label):
            found = self.carry()
        return found

    def carry(self) -> Fact | None:
        """年末结转 = 预算数 − 执行数 of this year's 附表."""
        budget, spent = self.cell("total", "budget"), self.cell("total", "spent")
        if budget is None or spent is None:
            return None
        precision = min(budget.precision or 0, spent.precision or 0)
        return Fact("结转", "money", budget.value - spent.value, precision, "元", "附表（预算数 − 执行数）")

    def rate(self) -> Fact | None:
        """执行率 = 执行数 ÷ 预算数 of this year's 附表."""
        budget, spent = self.cell("total", "budget"), self.cell("total", "spent")
        if budget is None or spent is None or budget.value <= 0:
            return None
        return Fact("执行率", "percent", spent.value / budget.value * 100, None, "%", "附表（执行数 ÷ 预算数）")

    def find_target(self, label: str, kind: str, unit: str) -> Fact | None:
        """This year's target for «不少于130场»-like words: the indicator of the same kind and
        unit whose name best contains them."""
        return _by_name(self.targets, label, kind, unit)

    def cell(self, row: str, column: str) -> Fact | None:
        return self.by_cell.get((row, column))


def _is_carry(label: str) -> bool:
    text = normalise(label)
    return text.endswith(("结转", "结余")) and "上年" not in text


def _by_name(facts: list[Fact], label: str, kind: str, unit: str) -> Fact | None:
    words = normalise(label)
    if len(words) < 2:
        return None
    scored = [(fuzz.partial_ratio(words, normalise(f.label)), f) for f in facts if f.kind == kind and f.unit == unit]
    best = max(scored, key=lambda x: x[0], default=None)
    needed = TARGET_MATCH if len(words) >= SHORT_NAME else 100  # «执行率» is not «通行率»: short words must be contained
    return best[1] if best and best[0] >= needed else None


def from_mention(label: str, m: Mention, source: str) -> Fact | None:
    if m.kind == "date" or not isinstance(m.value, Decimal):
        return None
    return Fact(label, m.kind, m.value, m.precision, m.unit, source)


def is_target(m: Mention) -> bool:
    """«不少于130场», «≥90%»: a number that states a target, not a value reached."""
    return m.cmp in TARGET_SIGNS


def parse_fact(spec: str) -> Fact:
    """«专项资金=450万元» → a money fact of 4500000 元 written to 万."""
    label, sep, raw = spec.partition("=")
    if not sep or not label.strip() or not raw.strip():
        raise ZipinError(f"事实「{spec}」的格式应为 名称=数值，如 专项资金=450万元", "参数错误")
    mentions = [m for m in extract_numbers(raw.strip()) if m.kind != "date"]
    if not mentions:
        raise ZipinError(f"事实「{spec}」中没有可识别的数值", "参数错误")
    fact = from_mention(label.strip(), mentions[0], "输入")
    assert fact is not None
    return fact
