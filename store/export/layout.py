"""The 附表 as a grid of cells in its profile's printed layout, shared by every export format:
Word merges the cells, text and Markdown write them out in rows (which the importer reads back).

Cells spanning columns carry `span`; cells merged down carry `down` ("start" on the first row,
"continue" below), as on the printed form: the left-hand block labels, and 一级/二级 names
repeated on consecutive indicator rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.document import Cell, Indicator, ReportTable
from extract.outline import Profile, get_profile
from extract.tables import indicator_cells


@dataclass
class GridCell:
    text: str = ""
    span: int = 1
    down: str = ""  # "" | "start" | "continue"
    bold: bool = False
    center: bool = False


Row = list[GridCell]


def _amount(cell: Cell | None) -> str:
    if cell is None:
        return ""
    if cell.value is None:
        return cell.text.strip()
    text = format(cell.value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _label(text: str, **kw: object) -> GridCell:
    return GridCell(text, bold=True, center=True, **kw)  # type: ignore[arg-type]


def _block(rows: list[Row], label: str) -> None:
    """Merge the first cell of a block of rows downwards, holding the block's label."""
    for i, row in enumerate(rows):
        row.insert(0, _label(label if i == 0 else "", down="start" if i == 0 else "continue"))


def table_grid(table: ReportTable, title: str, unit: str, dept: str = "") -> tuple[int, list[Row]]:
    """(number of columns, rows) for the 附表 of `table`'s profile."""
    profile = get_profile(table.profile)
    if profile.budget["layout"] == "pairs":
        return _pairs_grid(table, profile, title, unit)
    return _grid_grid(table, profile, title, unit, dept)


def _title_rows(profile: Profile, year: int | None, width: int) -> list[Row]:
    return [[_label(profile.title, span=width)], [GridCell(f"（{year or '    '}年度）", span=width, center=True)]]


def _pairs_grid(table: ReportTable, profile: Profile, title: str, unit: str) -> tuple[int, list[Row]]:
    width = 6
    rows = _title_rows(profile, table.year, width)
    rows.append([_label("项目名称"), GridCell(title, span=width - 1)])
    rows.append([_label("预算单位"), GridCell(unit, span=width - 1)])
    budget: list[Row] = []
    labels = {spec["key"]: spec for spec in profile.budget["rows"]}
    for key in labels:
        spec = labels[key]
        left = f"{spec['labels'][0]}：" if spec.get("by_label") else spec["label"]
        right = f"{spec['labels'][1]}：" if spec.get("by_label") else spec["label"]
        budget.append([GridCell(left, bold=True), GridCell(_amount(table.budget.get(key, {}).get("budget"))),
                       GridCell(right, bold=True), GridCell(_amount(table.budget.get(key, {}).get("spent")), span=2)])
    _block(budget, profile.budget.get("caption", "预算执行情况（万元）"))
    goals = [[_label(profile.goals["expected"][0], span=2), _label(profile.goals["actual"][0], span=3)],
             [GridCell(table.goals_expected, span=2), GridCell(table.goals_actual, span=3)]]
    _block(goals, profile.goals.get("caption", "年度目标完成情况"))
    indicators = [[_label(c["label"]) for c in profile.indicator_columns]] + _indicator_rows(table.indicators, profile)
    _block(indicators, profile.data["indicators"].get("caption", "年度绩效指标完成情况"))
    return width, rows + budget + goals + indicators


def _grid_grid(table: ReportTable, profile: Profile, title: str, unit: str, dept: str) -> tuple[int, list[Row]]:
    columns = profile.budget["columns"]
    width = max(2 + len(columns), len(profile.indicator_columns) + 1)
    rows = _title_rows(profile, table.year, width)
    rows.append([_label("项目名称"), GridCell(title, span=width - 1)])
    half = (width - 2) // 2
    rows.append([_label("主管部门"), GridCell(dept, span=half), _label("实施单位"), GridCell(unit, span=width - 2 - half)])
    budget: list[Row] = [[GridCell(""), *(_label(c["label"]) for c in columns), *_fill(width - 2 - len(columns))]]
    money = set(profile.money_columns())
    for spec in profile.budget["rows"]:
        row: Row = [GridCell(spec["label"], bold=True)]
        for column in columns:
            cell = table.budget.get(spec["key"], {}).get(column["key"])
            text = _amount(cell) if column["key"] in money else (cell.text.strip() if cell else "")
            row.append(GridCell(text, center=column["key"] not in money))
        row.extend(_fill(width - 2 - len(columns)))
        budget.append(row)
    _block(budget, profile.budget.get("caption", "项目资金（万元）"))
    left = (width - 1) // 2
    goals = [[_label(profile.goals["expected"][0], span=left), _label(profile.goals["actual"][0], span=width - 1 - left)],
             [GridCell(table.goals_expected, span=left), GridCell(table.goals_actual, span=width - 1 - left)]]
    _block(goals, profile.goals.get("caption", "年度总体目标"))
    indicators = [[_label(c["label"]) for c in profile.indicator_columns]] + _indicator_rows(table.indicators, profile)
    _block(indicators, profile.data["indicators"].get("caption", "绩效指标"))
    return width, rows + budget + goals + indicators + [_total_row(table, profile)]


def _total_row(table: ReportTable, profile: Profile) -> Row:
    """总分: 100 points, the score, and the 评价等级 it gives (in the last column)."""
    from decimal import Decimal, InvalidOperation

    from ..scoring import grade_of

    keys = [c["key"] for c in profile.indicator_columns]
    try:
        grade = grade_of(profile, Decimal(table.total_score)) if table.total_score.strip() else ""
    except InvalidOperation:
        grade = ""
    row = [_label(profile.scoring.get("total_label", "总分"))]
    for i, key in enumerate(keys):
        text = "100" if key == "weight" else table.total_score if key == "score" else ""
        if i == len(keys) - 1 and grade:
            text = f"评价等级：{grade}"
        row.append(GridCell(text, center=True, bold=bool(text)))
    return row


def _fill(n: int) -> list[GridCell]:
    return [GridCell("") for _ in range(max(0, n))]


def _indicator_rows(indicators: list[Indicator], profile: Profile) -> list[Row]:
    """One row per indicator; 一级 and 二级 merged down while they repeat."""
    keys = [c["key"] for c in profile.indicator_columns]
    rows: list[Row] = []
    previous: dict[str, str] = {}
    for index, ind in enumerate(indicators):
        row: Row = []
        cells = indicator_cells(ind, profile)
        for key in keys:
            value = cells[key]
            if key in ("level1", "level2"):
                same = index > 0 and previous.get(key) == value and (key == "level1" or previous.get("level1") == ind.level1)
                row.append(GridCell("" if same else value, down="continue" if same else "start", center=True))
            else:
                row.append(GridCell(value, center=key not in ("level3", "reason")))
        previous = {"level1": ind.level1, "level2": ind.level2}
        rows.append(row)
    return rows


def plain_rows(width: int, rows: list[Row]) -> list[list[str]]:
    """The grid as rows of cell texts, one entry per column (spans and merges left blank)."""
    out = []
    for row in rows:
        texts: list[str] = []
        for cell in row:
            texts.append("" if cell.down == "continue" else cell.text)
            texts.extend([""] * (cell.span - 1))
        texts.extend([""] * (width - len(texts)))
        out.append(texts)
    return out


def column_weights(width: int) -> list[float]:
    """Relative column widths: narrow block labels, wide indicator names and reasons."""
    if width == 6:  # the 预算数/执行数 form of label/value pairs
        return [1.0, 1.6, 1.6, 3.0, 2.2, 2.2]
    base = [1.3, 1.4, 1.2, 2.4, 1.2, 1.2, 1.1, 0.9, 2.3]
    return (base + [1.2] * width)[:width]
