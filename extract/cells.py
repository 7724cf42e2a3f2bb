"""A 自评表 that lost its grid: copied out of a PDF one cell a line (empty cells gone), or
flattened into one line.  `group_cell_tables` gathers such runs of paragraphs into table
blocks; `rows_from_cells` rebuilds the form's rows from the profile's labels, so the table
reader sees the same rows a Word table gives.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .blocks import Block, Paragraph, Table
from .front import cover_line, plain, title_line
from .markers import marker_at
from .profiles import Profile, load_profiles

_YEAR_CELL = re.compile(r"^[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]$")
_VALUE = re.compile(r"\d|^[≥≤=<>＜＞≧≦]$")
_BRACKETS = str.maketrans({"(": "（", ")": "）", ":": "："})
MAX_CELL = 300  # a longer line is body text, not a cell


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """A cell's text for comparing with labels: no spaces, full-width brackets and colons."""
    return plain(text).translate(_BRACKETS)


# ----- finding the runs


def _form_title(text: str) -> bool:
    """«项目支出绩效自评表»: the title printed on the form (not «附件：…自评表», the heading of the
    section that holds it)."""
    if len(text) > 60 or "表" not in text[-4:]:
        return False
    t = norm(text)
    if t.startswith(("附件", "附表")):
        return False
    return 0 < len(t) <= 30 and (t.endswith("自评表") or t in {norm(p.title) for p in load_profiles().values()})


def group_cell_tables(blocks: list[Block]) -> list[Block]:
    """Paragraph runs that are a 自评表 (one cell a line, or one line) as `Table(cells=True)`."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Paragraph) and _form_title(block.text) and _starts_form(blocks, i + 1):
            end = _run_end(blocks, i + 1)
            cells = [b.text.strip() for b in blocks[i:end] if isinstance(b, Paragraph) and b.text.strip()]
            out.append(Table([[c] for c in cells], block.line, cells=True))
            i = end
            continue
        if isinstance(block, Paragraph) and _flat_form(block.text):
            out.append(Table([[c] for c in block.text.split()], block.line, cells=True))
            i += 1
            continue
        if isinstance(block, Table) and not block.cells:
            _take_caption(out, block)
        out.append(block)
        i += 1
    return out


def _take_caption(out: list[Block], table: Table) -> None:
    """The form's title and «（2023年度）» written as lines just above a table of rows: its
    first rows."""
    tail = [b for b in out[-2:] if isinstance(b, Paragraph)]
    if len(tail) == 2 and _form_title(tail[0].text) and _YEAR_CELL.match(norm(tail[1].text)):
        del out[-2:]
    elif tail and _form_title(tail[-1].text):
        tail = tail[-1:]
        del out[-1:]
    else:
        return
    table.rows[:0] = [[p.text.strip()] for p in tail]


def _starts_form(blocks: list[Block], i: int) -> bool:
    following = [b for b in blocks[i:i + 3] if isinstance(b, Paragraph) and b.text.strip()]
    return bool(following) and (_YEAR_CELL.match(norm(following[0].text)) is not None
                                or norm(following[0].text).startswith("项目名称"))


def _flat_form(text: str) -> bool:
    if "自评表" not in text[:40]:
        return False
    words = text.split()
    return len(words) >= 12 and _form_title(words[0]) and any(norm(w) == "项目名称" for w in words[1:6])


def _run_end(blocks: list[Block], i: int) -> int:
    while i < len(blocks):
        block = blocks[i]
        if not isinstance(block, Paragraph):
            return i
        text = block.text.strip()
        if text and _ends_run(text):
            return i
        i += 1
    return i


def _ends_run(text: str) -> bool:
    if len(text) > MAX_CELL or title_line(text) is not None:
        return True
    cover = cover_line(text, bare=False)
    if cover is not None and cover[0] == "title":
        return True
    marker = marker_at(text)
    return marker is not None and marker.level == 1 and marker.ordinal == 1


# ----- rebuilding the rows


def rows_from_cells(cells: list[str], profile: Profile) -> list[list[str]]:
    """The form's rows rebuilt from its cells in reading order."""
    labels = _Labels(profile)
    rows: list[list[str]] = []
    i = 0
    while i < len(cells):
        cell = norm(cells[i])
        if labels.is_header(cell) and i + 1 < len(cells):
            rows.append([cells[i], cells[i + 1]])
            i += 2
        elif labels.is_budget_caption(cell):
            i = _budget(cells, i, labels, rows)
        elif labels.is_goals_caption(cells, i):
            rows.append(cells[i:i + 3])
            rows.append(["", *cells[i + 3:i + 5]])
            i += 5
        elif labels.is_indicator_caption(cells, i):
            i = _indicators(cells, i, labels, rows)
        else:
            rows.append([cells[i]])
            i += 1
    return rows


class _Labels:
    """The profile's labels, normalised, for telling cells apart."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.header = {norm(label) for labels in profile.header.values() for label in labels}
        self.columns = [norm(c["label"]) for c in profile.budget["columns"]]
        self.rows = [norm(label) for spec in profile.budget["rows"] for label in spec["labels"]]
        caption = norm(profile.budget.get("caption", ""))
        self.caption = caption.split("（")[0]
        goals = profile.goals
        self.expected = {norm(x) for x in goals["expected"]}
        self.actual = {norm(x) for x in goals["actual"]}
        self.level1 = {norm(n) for e in profile.level1 for n in (e["name"], *e.get("aliases", []))}
        self.level2 = {norm(n) for e in profile.level1 for n in e.get("level2", [])}
        specs = profile.indicator_columns
        self.indicator_labels = [norm(c["label"]) for c in specs] + [norm(x) for c in specs for x in c["labels"]]
        values = specs[3:]
        self.width = len(values)
        self.required = sum(1 for c in values if not c.get("optional"))
        self.total = norm(profile.scoring.get("total_label", "总分"))
        self.pairs = profile.budget["layout"] == "pairs"

    def is_header(self, cell: str) -> bool:
        return cell in self.header

    def is_budget_caption(self, cell: str) -> bool:
        return bool(self.caption) and cell.startswith(self.caption)

    def is_goals_caption(self, cells: list[str], i: int) -> bool:
        return (i + 4 < len(cells) and norm(cells[i + 1]) in self.expected and norm(cells[i + 2]) in self.actual)

    def is_indicator_caption(self, cells: list[str], i: int) -> bool:
        return i + 1 < len(cells) and norm(cells[i + 1]).startswith("一级指标")

    def is_row_label(self, cell: str) -> bool:
        return any(label in cell for label in self.rows) and len(cell) <= 20

    def is_column(self, cell: str) -> bool:
        return any(cell.startswith(c) for c in self.columns)

    def is_level(self, cell: str) -> bool:
        return cell in self.level1 or cell in self.level2

    def stops(self, cell: str) -> bool:
        return cell.startswith(self.total) or self.is_level(cell)


def _budget(cells: list[str], i: int, labels: _Labels, rows: list[list[str]]) -> int:
    """The budget block: its caption and column labels, then a row per fund."""
    if labels.pairs:
        end = i + 1
        while end < len(cells) and not labels.is_goals_caption(cells, end):
            end += 1
        rows.append(cells[i:end])
        return end
    header = [cells[i], ""]
    i += 1
    while i < len(cells) and labels.is_column(norm(cells[i])):
        header.append(cells[i])
        i += 1
    rows.append(header)
    while i < len(cells) and labels.is_row_label(norm(cells[i])):
        row = ["", cells[i]]
        i += 1
        while i < len(cells) and len(row) < len(header) and not labels.is_row_label(norm(cells[i])) \
                and not labels.is_goals_caption(cells, i):
            row.append(cells[i])
            i += 1
        rows.append(row)
    return i


def _indicators(cells: list[str], i: int, labels: _Labels, rows: list[list[str]]) -> int:
    """The indicator block: its column labels, then a row per 三级 indicator (一级 and 二级
    written only where they change, as in a merged cell)."""
    header = [cells[i]]
    i += 1
    while i < len(cells) and norm(cells[i]) in labels.indicator_labels:
        header.append(cells[i])
        i += 1
    rows.append(header)
    level1 = level2 = ""
    while i < len(cells):
        cell = norm(cells[i])
        if cell.startswith(labels.total):
            end = i + 1
            while end < len(cells) and _VALUE.search(cells[end]) and len(cells[end]) <= 10:
                end += 1
            rows.append(cells[i:end])
            return end
        if cell in labels.level1:
            level1, i = cells[i], i + 1
            continue
        if cell in labels.level2:
            level2, i = cells[i], i + 1
            continue
        row = ["", level1, level2, cells[i]]
        level1 = level2 = ""
        i += 1
        values: list[str] = []
        while i < len(cells) and len(values) < labels.width and not labels.stops(norm(cells[i])):
            if len(values) >= labels.required and _new_indicator(cells, i):
                break
            values.append(cells[i])
            i += 1
        rows.append(row + values)
    return i


def _new_indicator(cells: list[str], i: int) -> bool:
    """A name followed by a value: the next indicator, not this one's reason."""
    return not _VALUE.search(cells[i]) and i + 1 < len(cells) and bool(_VALUE.search(cells[i + 1]))
