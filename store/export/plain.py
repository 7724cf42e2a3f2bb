"""Markdown and plain text exports, with the Word export's structure.  Both import back: the
text export writes the 附表 as tab-led cells (as Word saves a table as text), the Markdown export
as a pipe table."""

from __future__ import annotations

from extract.document import Report
from extract.outline import load_outline

from .layout import plain_rows, table_grid

COVER_LABELS = (("title", "项目名称"), ("unit", "实施单位（公章）"), ("dept", "主管部门（公章）"),
                ("leader", "项目负责人（签章）"), ("filed", "填报时间"))
SUB_NUMERALS = "一二三四五六七八九十"


def document_title(report: Report) -> str:
    return f"{report.year or ''}年度项目支出绩效自评报告".lstrip("年")


def cover_lines(report: Report) -> list[str]:
    values = {"title": report.title, "unit": report.unit, "dept": report.dept}
    return [f"{label}：{values.get(key) or report.cover.get(key, '')}" for key, label in COVER_LABELS]


def outline_items(report: Report) -> list[tuple[str, str, list[str]]]:
    """(kind, heading, paragraphs) in report order: kind is "part", "section" or "table"."""
    outline = load_outline()
    items: list[tuple[str, str, list[str]]] = []
    for part in outline.parts:
        items.append(("part", f"{part.numeral}、{part.title}", []))
        children = outline.sections_of(part.key)
        for i, entry in enumerate(children):
            section = report.section(entry.key)
            if section is not None:  # a section the report does not have is not invented
                items.append(("section", f"（{SUB_NUMERALS[i]}）{entry.title}", section.paragraphs))
        if part.table:
            items.append(("table", "", []))
        elif not children:
            section = report.section(part.key)
            items[-1] = ("part", items[-1][1], section.paragraphs if section else [])
    return items


def to_markdown(report: Report) -> str:
    out = [f"# {document_title(report)}", "", *(f"{line}  " for line in cover_lines(report)), ""]
    for kind, heading, paragraphs in outline_items(report):
        if kind == "table":
            out.extend(_markdown_table(report))
            continue
        out.extend([f"{'##' if kind == 'part' else '###'} {heading}", ""])
        out.extend(p for paragraph in paragraphs for p in (paragraph, ""))
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
    for kind, heading, paragraphs in outline_items(report):
        if kind == "table":
            out.extend(_text_table(report))
            continue
        out.append(heading)
        out.extend(paragraphs)
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
