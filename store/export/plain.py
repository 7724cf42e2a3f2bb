"""Markdown and plain text exports, with the Word export's structure: the report's own outline
(its parts, sections and headings, its cover fields, where its 附表 goes).  Both import back:
the text export writes the 附表 as tab-led cells (as Word saves a table as text), the Markdown
export as a pipe table."""

from __future__ import annotations

from dataclasses import dataclass

from extract.document import Report
from extract.outline import OutlineEntry, outline_of

from .layout import plain_rows, table_grid

SUB_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Item:
    """One piece of the exported report, in order."""

    kind: str  # "part" | "section" | "table"
    key: str  # the section key in the report's outline ("" for the table itself)
    heading: str
    paragraphs: list[str]


def document_title(report: Report) -> str:
    return f"{report.year or ''}年度{outline_of(report).document}".lstrip("年")


def cover_fields(report: Report) -> list[tuple[str, str, str]]:
    """(key, label as written, value) of each cover field of the report's outline."""
    values = {"title": report.title, "unit": report.unit, "dept": report.dept}
    return [(f.key, f.written, values.get(f.key) or report.cover.get(f.key, "")) for f in outline_of(report).cover_fields]


def cover_lines(report: Report) -> list[str]:
    return [f"{label}：{value}" for _, label, value in cover_fields(report)]


def outline_items(report: Report) -> list[Item]:
    """The report's parts, sections and 附表 in the order of its outline."""
    outline = outline_of(report)
    items: list[Item] = []
    for part in outline.parts:
        children = outline.sections_of(part.key)
        own = report.section(part.key)
        if not children and not part.table and own is None and not part.required:
            continue  # an optional part the report does not have
        items.append(Item("part", part.key, _heading(part), own.paragraphs if own else []))
        for i, entry in enumerate(children):
            section = report.section(entry.key)
            if section is not None:  # a section the report does not have is not invented
                items.append(Item("section", entry.key, f"（{SUB_NUMERALS[i % 10]}）{entry.title}", section.paragraphs))
        if part.table:
            items.append(Item("table", "", "", []))
    return items


def _heading(part: OutlineEntry) -> str:
    return f"{part.numeral}、{part.title}" if part.numeral else part.title


def to_markdown(report: Report) -> str:
    out = [f"# {document_title(report)}", "", *(f"{line}  " for line in cover_lines(report)), ""]
    for item in outline_items(report):
        if item.kind == "table":
            out.extend(_markdown_table(report))
            continue
        out.extend([f"{'##' if item.kind == 'part' else '###'} {item.heading}", ""])
        out.extend(p for paragraph in item.paragraphs for p in (paragraph, ""))
    return "\n".join(out).rstrip() + "\n"


def _markdown_table(report: Report) -> list[str]:
    if report.table is None:
        return []
    width, grid = table_grid(report.table, report.title, report.unit, report.dept)
    rows = plain_rows(width, grid)
    lines = ["| " + " | ".join(_md_cell(c) for c in rows[0]) + " |", "|" + "---|" * width]
    lines.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows[1:])
    return [*lines, ""]


def _md_cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", "<br>")


def to_text(report: Report) -> str:
    out = [document_title(report), "", *cover_lines(report), ""]
    for item in outline_items(report):
        if item.kind == "table":
            out.extend(_text_table(report))
            continue
        out.append(item.heading)
        out.extend(item.paragraphs)
    return "\n".join(out).rstrip() + "\n"


def _text_table(report: Report) -> list[str]:
    """One cell a line, led by a tab; a cell's own line breaks follow without one; a blank line
    after each row — the way Word writes a table out as text."""
    if report.table is None:
        return []
    width, grid = table_grid(report.table, report.title, report.unit, report.dept)
    lines: list[str] = []
    for row in plain_rows(width, grid):
        for cell in row:
            lines.append("\t" + cell)
        lines.append("")
    return lines
