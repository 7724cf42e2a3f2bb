"""Reading the 附表 for the rules: cells with their interval, label and evidence."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from extract.document import ReportTable
from extract.outline import Profile

from .finding import Evidence
from .intervals import Interval


@dataclass(frozen=True)
class TableCell:
    row: str
    column: str
    text: str
    value: Decimal
    label: str  # Chinese: «预算数», «其中：财政拨款的执行数» …
    section: str = ""  # the section that holds the 附表

    @property
    def interval(self) -> Interval:
        return Interval.of_decimal(self.value)

    def evidence(self) -> Evidence:
        return Evidence("table", self.text, self.section, cell=f"budget.{self.row}.{self.column}")


def row_label(profile: Profile, row: str) -> str:
    for spec in profile.budget["rows"]:
        if spec["key"] == row:
            return spec["label"].replace("其中：", "")
    return row


def column_label(profile: Profile, column: str) -> str:
    for spec in profile.budget["columns"]:
        if spec["key"] == column:
            return spec["label"]
    return column


def cell(table: ReportTable, profile: Profile, row: str, column: str) -> TableCell | None:
    c = table.budget.get(row, {}).get(column)
    if c is None or c.value is None:
        return None
    if profile.budget["layout"] == "pairs" and row == "total":
        label = column_label(profile, column)
    else:
        label = f"{row_label(profile, row)}（{column_label(profile, column)}）"
    return TableCell(row, column, c.text, c.value, label, table.section)


def total_columns(profile: Profile) -> list[str]:
    """The money columns whose rows should add up (预算数/执行数, or 年初/全年预算数 and 全年执行数)."""
    return profile.money_columns()


def rate_columns(profile: Profile) -> tuple[str, str]:
    """The columns 执行率 divides, as the profile says: (执行数, 全年预算数 or 调整后预算数)."""
    rate = profile.budget.get("rate", {})
    return rate.get("numerator", "spent"), rate.get("denominator", "budget")

