"""This year's facts, the values a suggestion fills in: from the draft's 附表, from numbers in the
draft's other sections, from the walk's answers, and from `--fact LABEL=VALUE` on the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from extract import extract_numbers
from extract.document import Report
from extract.mention import Mention
from extract.outline import Profile, get_profile
from extract.vocabulary import normalise, table_cell_for

from ..errors import ZipinError

TEN_THOUSAND = Decimal(10000)
MIN_SUFFIX = 3  # a fact named «专项资金» fills «预算专项资金», one named «资金» fills nothing by suffix


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

    @classmethod
    def empty(cls, profile: str = "") -> ThisYear:
        return cls(get_profile(profile))

    def add(self, fact: Fact) -> None:
        self.by_label.setdefault(normalise(fact.label), fact)
        cell = table_cell_for(fact.label, self.profile) if fact.kind in ("money", "number") else None
        if cell is not None:
            self.by_cell.setdefault(cell, fact)

    def find(self, label: str, kind: str) -> Fact | None:
        """The fact for a number labelled `label`: same label, the same 附表 cell, or a fact
        whose label ends the number's label («专项资金» for «预算专项资金»)."""
        if not label:
            return None
        wanted = normalise(label)
        fact = self.by_label.get(wanted)
        if fact is None:
            cell = table_cell_for(label, self.profile)
            fact = self.by_cell.get(cell) if cell else None
        if fact is None:
            suffixes = [f for key, f in self.by_label.items() if len(key) >= MIN_SUFFIX and wanted.endswith(key)]
            fact = max(suffixes, key=lambda f: len(normalise(f.label)), default=None)
        if fact is not None and (fact.kind == kind or fact.kind == "number"):
            return fact
        return None

    def cell(self, row: str, column: str) -> Fact | None:
        return self.by_cell.get((row, column))


def from_mention(label: str, m: Mention, source: str) -> Fact | None:
    if m.kind == "date" or not isinstance(m.value, Decimal):
        return None
    return Fact(label, m.kind, m.value, m.precision, m.unit, source)


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


def from_report(report: Report, *, skip_section: str | None = None) -> ThisYear:
    """Facts of a draft: its 附表, then the labelled numbers of its other sections."""
    facts = ThisYear(get_profile(report.profile))
    table = report.table
    if table is not None:
        for spec in facts.profile.budget["rows"]:
            for column in ("budget", "spent"):
                cell = table.budget.get(spec["key"], {}).get(column)
                if cell is not None and cell.value is not None:
                    precision = cell.value.as_tuple().exponent
                    fact = Fact(f"{spec['label']}（{column}）", "money", cell.value * TEN_THOUSAND,
                                int(precision) + 4 if isinstance(precision, int) else 4, "元", "附表")
                    facts.by_cell.setdefault((spec["key"], column), fact)
    for section in report.sections:
        if section.key == skip_section or section.key == "7":
            continue
        for paragraph in section.paragraphs:
            for m in extract_numbers(paragraph):
                fact = from_mention(m.label, m, f"第 {section.key} 节") if m.label and not m.cmp else None
                if fact is not None:
                    facts.add(fact)
    return facts
