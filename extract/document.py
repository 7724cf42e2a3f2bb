"""The report as data: what the importer produces, what the store saves and loads back."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Section:
    """One outline section of a report: its key, canonical title and paragraphs."""

    key: str
    title: str
    heading: str = ""  # as written in the source ("" when the heading was not written)
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Cell:
    """A 附表 budget cell: the text as written and its number.

    `value` is in 万元 for money columns, in percent for 执行率, in points for 分值/得分.
    """

    text: str = ""
    value: Decimal | None = None


@dataclass
class Indicator:
    level1: str = ""
    level2: str = ""
    level3: str = ""
    expected: str = ""
    actual: str = ""
    weight: str = ""
    score: str = ""
    reason: str = ""
    inherited: bool = False  # a draft's row still as copied from last year's 附表 (not yet confirmed)


@dataclass
class ReportTable:
    """The 自评表 (附表) in the layout of its profile.

    `budget[row][column]` uses the profile's row keys (total, fiscal, carry, other) and
    column keys (budget, spent, and for mof2020 initial, weight, rate, score).
    """

    profile: str
    header: dict[str, str] = field(default_factory=dict)
    budget: dict[str, dict[str, Cell]] = field(default_factory=dict)
    goals_expected: str = ""
    goals_actual: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    total_score: str = ""
    year: int | None = None
    section: str = field(default="", compare=False)  # the outline key of the section holding it

    def amount(self, row: str, column: str) -> Decimal | None:
        cell = self.budget.get(row, {}).get(column)
        return cell.value if cell else None

    def is_empty(self) -> bool:
        has_budget = any(c.text.strip() for row in self.budget.values() for c in row.values())
        return not (has_budget or self.goals_expected or self.goals_actual or self.indicators)


@dataclass
class Report:
    title: str = ""
    unit: str = ""
    dept: str = ""
    year: int | None = None
    profile: str = ""
    outline: str = ""  # the key of its outline ("" before outlines were recorded: the default)
    cover: dict[str, str] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    table: ReportTable | None = None
    kind: str = "past"
    source_line: int = field(default=0, compare=False)  # where the report starts in its file (its first block's line)
    headings: list[tuple[str, str]] = field(default_factory=list, compare=False, repr=False)
    """The headings the importer recognised, as (section key, heading as written); not stored."""

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def section_text(self, key: str) -> str:
        sec = self.section(key)
        return sec.text if sec else ""
