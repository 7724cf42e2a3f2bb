"""The 附表 (自评表) from table rows into a `ReportTable`, driven by the profile's labels.

Nothing here knows a layout: the profile file says which labels name the budget rows and
columns, the goals and the indicator columns.  Merged cells arrive as empty cells, so 一级 and
二级 indicator names are carried down from the row above when blank.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Any

from .amounts import parse_amount, parse_number
from .blocks import Table
from .cells import norm, rows_from_cells
from .document import Cell, Indicator, ReportTable
from .headings import plain
from .profiles import Profile, default_profile, load_profiles

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_UNIT = re.compile(r"[（(]\s*(万元|元)\s*[)）]|单位\s*[:：]\s*(万元|元)")
_LABEL_MAX = 20  # a label cell is short; longer cells are values


def parse_table(tables: list[Table], profile_hint: str | None = None) -> ReportTable | None:
    """Read the 附表 from the table blocks of one report; None when they hold nothing."""
    grids = [[[_clean(c) for c in row] for row in t.rows] for t in tables]
    cells = [row for grid in grids for row in grid]
    if not any(any(r) for r in cells):
        return None
    profile = detect_profile(cells) or load_profiles().get(profile_hint or "") or default_profile()
    rows: list[list[str]] = []
    for table_block, grid in zip(tables, grids, strict=True):
        if table_block.cells:
            rows.extend(rows_from_cells([r[0] for r in grid if r and r[0]], profile))
        else:
            rows.extend(grid)
    rows = [r for r in rows if any(r)]
    unit = amount_unit(rows, profile)
    table = ReportTable(profile=profile.key)
    table.year = _find_year(rows)
    table.header = _read_header(rows, profile)
    table.budget = _read_budget(rows, profile, unit)
    table.goals_expected, table.goals_actual = _read_goals(rows, profile)
    table.indicators, table.total_score = _read_indicators(rows, profile)
    return table


def detect_profile(rows: list[list[str]]) -> Profile | None:
    """The profile the largest share of whose signature labels appear among the cells."""
    cells = sorted({norm(c) for row in rows for c in row if c and len(c) <= _LABEL_MAX * 2})
    scores: list[tuple[float, int, str]] = []
    for profile in load_profiles().values():
        hits = sum(1 for label in _signature(profile.key) if _has_prefix(cells, label))
        if hits >= 2 or (hits and len(profile.signature) <= 2):
            scores.append((hits / len(profile.signature), hits, profile.key))
    if not scores:
        return None
    return load_profiles()[max(scores)[2]]


def _has_prefix(cells: list[str], label: str) -> bool:
    """Some cell of the sorted `cells` starts with `label`."""
    i = bisect_left(cells, label)
    return i < len(cells) and cells[i].startswith(label)


@cache
def _signature(key: str) -> tuple[str, ...]:
    return tuple(norm(label) for label in load_profiles()[key].signature)


def amount_unit(rows: list[list[str]], profile: Profile) -> str:
    """The unit the form's bare amounts are written in: as its caption says («项目资金（元）»,
    «单位：元»), else the profile's."""
    for row in rows[:40]:
        for cell in row:
            m = _UNIT.search(cell)
            if m and len(cell) <= 40:
                return m.group(1) or m.group(2)
    return profile.amount_unit


def _clean(cell: str) -> str:
    lines = [ln.strip(" \t\u3000\xa0") for ln in cell.split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        return ""
    out = lines[0]
    for ln in lines[1:]:
        # A cell's line breaks are Word's wrapping, except before a numbered item.
        out += ("\n" + ln) if re.match(r"[0-9０-９]+[.．、]", ln) else ln
    return out


def _is_label(cell: str, labels: list[str]) -> bool:
    text = plain(cell)
    return 0 < len(text) <= _LABEL_MAX and any(label in text for label in labels)


def _find_year(rows: list[list[str]]) -> int | None:
    for row in rows[:6]:
        for cell in row:
            m = _YEAR.search(plain(cell))
            if m and ("年度" in cell or len(plain(cell)) <= 10):
                return int(m.group(1))
    return None


def _read_header(rows: list[list[str]], profile: Profile) -> dict[str, str]:
    header: dict[str, str] = {}
    for row in rows:
        for i, cell in enumerate(row):
            for key, labels in profile.header.items():
                if key not in header and _is_label(cell, labels) and plain(cell) in labels:
                    value = next((c for c in row[i + 1:] if c), "")
                    if value:
                        header[key] = value
    return header


def _read_budget(rows: list[list[str]], profile: Profile, unit: str) -> dict[str, dict[str, Cell]]:
    spec = profile.budget
    if spec["layout"] == "pairs":
        return _budget_pairs(rows, spec, profile, unit)
    return _budget_grid(rows, spec, profile, unit)


def _make_cell(text: str, column: str, profile: Profile, unit: str) -> Cell:
    """A budget cell; money in 万元 whatever the form is written in."""
    if column in profile.money_columns():
        return Cell(text, parse_amount(text, written=unit))
    return Cell(text, parse_number(text))


def _budget_pairs(rows: list[list[str]], spec: dict[str, Any], profile: Profile,
                  unit: str) -> dict[str, dict[str, Cell]]:
    columns = [c["key"] for c in spec["columns"]]
    budget: dict[str, dict[str, Cell]] = {}
    for row in rows:
        seen: dict[str, int] = {}
        for i, cell in enumerate(row[:-1]):
            hit = _pair_label(cell, spec["rows"])
            if hit is None:
                continue
            row_key, column_index = hit
            if column_index is None:
                column_index = seen.get(row_key, 0)
                seen[row_key] = column_index + 1
            if column_index < len(columns):
                column = columns[column_index]
                budget.setdefault(row_key, {})[column] = _make_cell(row[i + 1], column, profile, unit)
    return budget


def _pair_label(cell: str, row_specs: list[dict[str, Any]]) -> tuple[str, int | None] | None:
    text = plain(cell).rstrip("：:")
    if not text or len(text) > _LABEL_MAX:
        return None
    for spec in row_specs:
        for index, label in enumerate(spec["labels"]):
            if label in text:
                return spec["key"], (index if spec.get("by_label") else None)
    return None


def _budget_grid(rows: list[list[str]], spec: dict[str, Any], profile: Profile,
                 unit: str) -> dict[str, dict[str, Cell]]:
    budget: dict[str, dict[str, Cell]] = {}
    header_at, columns = _grid_header(rows, spec)
    if header_at is None:
        return budget
    first_value = min(columns.values())
    for row in rows[header_at + 1:]:
        row_key = _grid_row_key(row[:first_value], spec["rows"])
        if row_key is None:
            if budget:
                break
            continue
        budget[row_key] = {
            col: _make_cell(row[idx] if idx < len(row) else "", col, profile, unit) for col, idx in columns.items()
        }
    return budget


def _grid_header(rows: list[list[str]], spec: dict[str, Any]) -> tuple[int | None, dict[str, int]]:
    for r, row in enumerate(rows):
        columns: dict[str, int] = {}
        for i, cell in enumerate(row):
            text = norm(cell)
            for col in spec["columns"]:
                if col["key"] not in columns and text.startswith(norm(col["label"])):
                    columns[col["key"]] = i
        if len(columns) >= 2 and ("budget" in columns or "spent" in columns):
            return r, columns
    return None, {}


def _grid_row_key(cells: list[str], row_specs: list[dict[str, Any]]) -> str | None:
    for cell in reversed(cells):
        text = plain(cell)
        for spec in row_specs:
            if text and any(label in text for label in spec["labels"]):
                return spec["key"]
    return None


def _read_goals(rows: list[list[str]], profile: Profile) -> tuple[str, str]:
    spec = profile.goals
    for r, row in enumerate(rows[:-1]):
        exp = _index_of(row, spec["expected"])
        act = _index_of(row, spec["actual"])
        if exp is None or act is None:
            continue
        values = rows[r + 1]
        actual = _at(values, act)
        follow = rows[r + 2] if r + 2 < len(rows) else []
        if not actual and len([c for c in follow if c]) == 1 and not _is_block_header(follow):
            # A blank line inside the row splits it in two in text exports.
            actual = next(c for c in follow if c)
        return _at(values, exp), actual
    return "", ""


def _is_block_header(row: list[str]) -> bool:
    texts = [plain(c) for c in row]
    return any(t.startswith("一级指标") or t.startswith("年度绩效") for t in texts)


def _index_of(row: list[str], labels: list[str]) -> int | None:
    for i, cell in enumerate(row):
        if plain(cell) in labels:
            return i
    return None


def _at(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _read_indicators(rows: list[list[str]], profile: Profile) -> tuple[list[Indicator], str]:
    header_at, columns = _indicator_header(rows, profile)
    if header_at is None:
        return [], ""
    out: list[Indicator] = []
    total = ""
    level1 = level2 = ""
    for row in rows[header_at + 1:]:
        first = next((plain(c) for c in row if c), "")
        if first.startswith(profile.scoring.get("total_label", "总分")):
            total = _total_score(row, columns, first)
            break
        values = _compose({key: _at(row, idx) for key, idx in columns.items()}, profile)
        if not any(values.get(k) for k in ("level3", "expected", "actual")):
            continue
        level1 = plain(values.get("level1", "")) or level1
        level2 = plain(values.get("level2", "")) or level2
        out.append(
            Indicator(
                level1=level1,
                level2=level2,
                level3=values.get("level3", ""),
                expected=values.get("expected", ""),
                actual=values.get("actual", ""),
                weight=values.get("weight", ""),
                score=values.get("score", ""),
                reason=values.get("reason", ""),
            )
        )
    return out, total


def _compose(values: dict[str, str], profile: Profile) -> dict[str, str]:
    """Columns the profile keeps inside others (`into`): 指标性质 «≥» before the 指标值, 度量单位
    «人次» after the 指标值 and 完成值 — «≥» «500» «人次» → «≥500人次»."""
    for spec in profile.indicator_columns:
        if "into" not in spec:
            continue
        part = plain(values.pop(spec["key"], ""))
        if not part:
            continue
        for target in spec["into"]:
            value = values.get(target, "").strip()
            if spec.get("at") == "start" and value[:1].isdigit():
                values[target] = part + value
            elif spec.get("at") == "end" and value[-1:].isdigit():
                values[target] = value + part
    return values


_SPLIT = re.compile(r"^(?P<nature>[=≥≤<>＜＞]?)(?P<number>-?\d+(?:\.\d+)?)(?P<unit>.*)$")


def indicator_cells(ind: Indicator, profile: Profile) -> dict[str, str]:
    """An indicator row as the profile's columns print it: the inverse of `_compose`
    («≥500人次» → 指标性质 «≥», 指标值 «500», 度量单位 «人次»); a column the row does not keep
    (得分计算方法) is blank."""
    cells = {c["key"]: str(getattr(ind, c["key"], "")) for c in profile.indicator_columns}
    composed = [c for c in profile.indicator_columns if c.get("into")]
    for target in ("expected", "actual") if composed else ():
        m = _SPLIT.match(plain(cells.get(target, "")))
        if m is None:
            continue
        pieces = {"start": m.group("nature"), "end": m.group("unit")}
        for spec in composed:
            if target in spec["into"]:
                cells[spec["key"]] = cells[spec["key"]] or pieces[spec.get("at", "end")]
                pieces[spec.get("at", "end")] = ""  # printed in its own column, not in this one
        cells[target] = pieces["start"] + m.group("number") + pieces["end"]
    return cells


def _total_score(row: list[str], columns: dict[str, int], label: str) -> str:
    """The 总分 row's score: in the 得分 column when the layout has one, else its last number."""
    if "score" in columns and _at(row, columns["score"]).strip():
        return _at(row, columns["score"]).strip()
    numbers = [c for c in row if c.strip() and plain(c) != label and parse_number(c) is not None]
    return numbers[-1].strip() if numbers else ""


def _indicator_header(rows: list[list[str]], profile: Profile) -> tuple[int | None, dict[str, int]]:
    specs = profile.indicator_columns
    for r, row in enumerate(rows):
        texts = [plain(c) for c in row]
        if not any(t.startswith("一级指标") for t in texts):
            continue
        columns: dict[str, int] = {}
        for spec in specs:
            for label in sorted(spec["labels"], key=len, reverse=True):
                idx = next(
                    (i for i, t in enumerate(texts) if t.startswith(label) and i not in columns.values()), None
                )
                if idx is not None:
                    columns[spec["key"]] = idx
                    break
        return r, columns
    return None, {}
