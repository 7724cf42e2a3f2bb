"""Text to blocks: paragraphs, and tables written as tab-led cells.

A Word table saved as text puts each cell on a line that starts with a tab, a cell's own line
breaks on the following lines without a tab, and a blank line after each row.  Word files are
read into the same blocks (see `docx_reader`), so the report parser sees one shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Lines that end a table even without a blank line before them: the next report's cover or its
# first heading (real files glue the next report straight onto the last table row).
_TABLE_BREAK = re.compile(r"^\s*(?:项目名称\s*[:：]|[一1]\s*[、.．]\s*项目(?:概况|基本情况))")


@dataclass
class Paragraph:
    text: str
    line: int = 0


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)
    line: int = 0
    cells: bool = False  # one cell a row, in reading order: the grid was lost (`cells.py`)


Block = Paragraph | Table


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def text_to_blocks(text: str) -> list[Block]:
    """Paragraphs and tables of a text (or Markdown) file."""
    lines = text.split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t") and not (_is_row_line(lines[i]) and i + 1 < len(lines)
                                               and _is_row_line(lines[i + 1])):
            table, i = _read_table(lines, i)
            blocks.append(table)
        elif lines[i].lstrip().startswith("|"):
            table, i = _read_markdown_table(lines, i)
            blocks.append(table)
        elif _is_row_line(lines[i]) and i + 1 < len(lines) and _is_row_line(lines[i + 1]):
            table, i = _read_row_lines(lines, i)  # two rows at least: one line with a tab is text
            blocks.append(table)
        else:
            line = _MD_HEADING.sub("", lines[i]).rstrip()
            blocks.append(Paragraph(line, i + 1))
            i += 1
    return blocks


def _is_row_line(line: str) -> bool:
    """A table row written on one line: cells separated by tabs or by «|»."""
    for sep in ("\t", "|"):
        cells = [c for c in line.split(sep) if c.strip()]
        if len(cells) >= 2 and line.count(sep) >= (2 if line.startswith(sep) or sep == "|" else 1):
            return True
    return False


def _read_row_lines(lines: list[str], start: int) -> tuple[Table, int]:
    """Consecutive lines of tab- or «|»-separated cells, one row each."""
    table = Table(line=start + 1)
    i = start
    while i < len(lines) and _is_row_line(lines[i]):
        sep = "\t" if "\t" in lines[i] else "|"
        table.rows.append([c.strip() for c in lines[i].split(sep)])
        i += 1
    return table, i


def _read_markdown_table(lines: list[str], start: int) -> tuple[Table, int]:
    table = Table(line=start + 1)
    i = start
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        line = lines[i].strip()
        if not _MD_RULE.match(line):
            cells = line.strip("|").split("|")
            table.rows.append([c.strip().replace("<br>", "\n") for c in cells])
        i += 1
    return table, i


def _read_table(lines: list[str], start: int) -> tuple[Table, int]:
    table = Table(line=start + 1)
    row: list[str] = []
    i = start
    after_blank = False
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            row.extend(line.split("\t")[1:])
            after_blank = False
        elif not line.strip():
            if row:
                table.rows.append(row)
                row = []
            if after_blank:
                break
            after_blank = True
        elif after_blank or not row or _TABLE_BREAK.match(line):
            break
        else:
            row[-1] = f"{row[-1]}\n{line}" if row[-1].strip() else line
        i += 1
    if row:
        table.rows.append(row)
    return table, i
