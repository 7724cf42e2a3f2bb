"""The report as a Word document in 公文 practice (GB/T 9704): A4 with its margins, the title in a
bold song face, headings 一、 in 黑体 and （一） in 楷体, body text in 仿宋 三号 with a two-character
first-line indent, page numbers «— 1 —» at the foot, and the 附表 as a real table in its
profile's layout (merged header cells, amounts in 万元).  Findings can go in as Word comments
anchored at the text they are about.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from extract.document import Report
from extract.outline import get_profile, outline_of

from .layout import column_weights, table_grid
from .plain import cover_fields, document_title, outline_items

TITLE_FONT = ("方正小标宋简体", "宋体")  # (font, fallback in the font list)
PART_FONT = "黑体"
SECTION_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
TABLE_SIZE = Pt(10.5)  # 五号
LINE = Pt(28)  # 28 磅 fixed line spacing: 22 lines a page


def _font(run: Any, name: str, size: Pt, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    props = run._element.get_or_add_rPr()
    fonts = props.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        props.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _spacing(paragraph: Any, *, indent: bool = False) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(32)  # two characters of 三号


def write_docx(report: Report, path: Path, findings: list[Any]) -> None:
    doc = Document()
    _page(doc)
    anchors = _Anchors()
    _title(doc, document_title(report))
    for key, label, value in cover_fields(report):
        paragraph = doc.add_paragraph()
        _spacing(paragraph)
        run = paragraph.add_run(f"{label}：{value}")
        _font(run, BODY_FONT, BODY_SIZE)
        anchors.cover[key] = run
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    anchors.table_key = outline_of(report).table_section or ""
    for item in outline_items(report):
        if item.kind == "table":
            _table(doc, report, anchors)
            continue
        key = item.key
        if key == anchors.table_key:
            _landscape(doc)  # the 附表 on its own pages, across the sheet as on the printed form
        run = _heading(doc, item.heading, item.kind)
        anchors.headings[key] = run
        for index, text in enumerate(item.paragraphs):
            anchors.paragraphs[(key, index)] = _body(doc, text, _spans(findings, key, index, report))
    _page_numbers(doc)
    _comments(doc, findings, anchors, report)
    doc.save(str(path))


class _Anchors:
    """Where each piece of the report landed, for anchoring comments."""

    def __init__(self) -> None:
        self.cover: dict[str, Any] = {}  # cover field key → its run
        self.table_key = ""  # the section that holds the 附表
        self.headings: dict[str, Any] = {}
        self.paragraphs: dict[tuple[str, int], dict[tuple[int, int], Any]] = {}
        self.cells: dict[str, Any] = {}
        self.table_title: Any = None


def _page(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.start_type = WD_SECTION.NEW_PAGE


def _landscape(doc: Any) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(28), Mm(26)
    section.left_margin, section.right_margin = Mm(37), Mm(35)


def _title(doc: Any, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(28)
    run = paragraph.add_run(text)
    _font(run, TITLE_FONT[0], TITLE_SIZE, bold=True)


def _heading(doc: Any, text: str, kind: str) -> Any:
    paragraph = doc.add_paragraph()
    _spacing(paragraph, indent=True)
    paragraph.paragraph_format.keep_with_next = True  # never a heading alone at the foot of a page
    run = paragraph.add_run(text)
    if kind == "part":
        _font(run, PART_FONT, BODY_SIZE)
    else:
        _font(run, SECTION_FONT, BODY_SIZE, bold=True)
    return run


def _spans(findings: list[Any], key: str, index: int, report: Report) -> list[tuple[int, int]]:
    """Offsets within paragraph `index` of `key` that findings point at (each becomes its own run)."""
    section = report.section(key)
    if section is None:
        return []
    start_of = sum(len(p) + 1 for p in section.paragraphs[:index])
    end_of = start_of + len(section.paragraphs[index])
    spans = set()
    for f in findings:
        for e in f.evidence:
            if e.where == "text" and e.section == key and e.start is not None and e.end is not None:
                if start_of <= e.start and e.end <= end_of:
                    spans.add((e.start - start_of, e.end - start_of))
    return sorted(spans)


def _body(doc: Any, text: str, spans: list[tuple[int, int]]) -> dict[tuple[int, int], Any]:
    """A body paragraph, split into runs at the spans comments will anchor to."""
    paragraph = doc.add_paragraph()
    _spacing(paragraph, indent=True)
    runs: dict[tuple[int, int], Any] = {}
    cuts = sorted({0, len(text), *(p for span in spans for p in span)})
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        run = paragraph.add_run(text[a:b])
        _font(run, BODY_FONT, BODY_SIZE)
        runs[(a, b)] = run
    if not text:
        _font(paragraph.add_run(""), BODY_FONT, BODY_SIZE)
    for span in spans:
        runs.setdefault(span, next((r for (a, b), r in runs.items() if a <= span[0] < b), None))
    return {span: runs.get(span) for span in spans} | {(0, len(text)): next(iter(runs.values()), None)}


def _table(doc: Any, report: Report, anchors: _Anchors) -> None:
    if report.table is None:
        return
    width, rows = table_grid(report.table, report.title, report.unit, report.dept)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    section = doc.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    weights = column_weights(width)
    for column, weight in zip(table.columns, weights, strict=True):
        share = int(usable * weight / sum(weights))
        column.width = share
        for cell in column.cells:
            cell.width = share
    starts: dict[int, Any] = {}  # column → the cell where the current downward merge began
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            target = table.cell(r, column)
            if cell.span > 1:
                target = target.merge(table.cell(r, column + cell.span - 1))
            if cell.down == "continue" and column in starts:
                starts[column] = starts[column].merge(target)
            else:
                if cell.down == "start":
                    starts[column] = target
                else:
                    starts.pop(column, None)
                _cell_text(target, cell.text, cell.bold, cell.center)
                anchors.cells[f"{r}.{column}"] = target
            column += cell.span
    _keep_rows_whole(table, header_rows=HEADER_ROWS)
    _note_cells(report, rows, anchors)


HEADER_ROWS = 4  # the form's title, its year, 项目名称 and 主管部门/实施单位: repeated on each page


def _keep_rows_whole(table: Any, header_rows: int) -> None:
    """No row splits across a page; the first rows repeat at the top of every page; the last
    indicator row keeps with 总分, so the total never stands alone on a page."""
    rows = table.rows
    for index, row in enumerate(rows):
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))
        if index < header_rows:
            props.append(OxmlElement("w:tblHeader"))
        if len(rows) - 3 <= index < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _cell_text(cell: Any, text: str, bold: bool, center: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        _font(run, BODY_FONT, TABLE_SIZE, bold=bold)
        if i < len(lines) - 1:
            run.add_break()


def _note_cells(report: Report, rows: list[Any], anchors: _Anchors) -> None:
    """Map the names checks use for cells («budget.total.spent», «indicators.3.actual») to cells."""
    table = report.table
    assert table is not None
    _note_budget(report, rows, anchors)
    names = ("", *(c["key"] for c in get_profile(table.profile).indicator_columns))
    for r, row in enumerate(rows):
        texts = [c.text for c in row]
        if any(t.startswith("一级指标") for t in texts):
            first = r + 1
            for i in range(len(table.indicators)):
                for column, name in enumerate(names):
                    if name and f"{first + i}.{column}" in anchors.cells:
                        anchors.cells[f"indicators.{i}.{name}"] = anchors.cells[f"{first + i}.{column}"]
            break
    anchors.table_title = anchors.cells.get("0.0")


def _note_budget(report: Report, rows: list[Any], anchors: _Anchors) -> None:
    assert report.table is not None
    profile = get_profile(report.table.profile)
    specs = profile.budget["rows"]
    if profile.budget["layout"] == "pairs":
        labels = {spec["key"]: spec for spec in specs}
        for r, row in enumerate(rows):
            for key, spec in labels.items():
                first = f"{spec['labels'][0]}：" if spec.get("by_label") else spec["label"]
                if len(row) > 2 and row[1].text == first:
                    for column, name in ((2, "budget"), (4, "spent")):
                        if f"{r}.{column}" in anchors.cells:
                            anchors.cells[f"budget.{key}.{name}"] = anchors.cells[f"{r}.{column}"]
        return
    header = next((r for r, row in enumerate(rows) if any(c.text == profile.budget["columns"][0]["label"] for c in row)),
                  None)
    if header is None:
        return
    for i, spec in enumerate(specs):
        for j, column in enumerate(profile.budget["columns"]):
            key = f"{header + 1 + i}.{2 + j}"
            if key in anchors.cells:
                anchors.cells[f"budget.{spec['key']}.{column['key']}"] = anchors.cells[key]


def _page_numbers(doc: Any) -> None:
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(paragraph.add_run("— "), BODY_FONT, Pt(14))
    run = paragraph.add_run()
    _font(run, BODY_FONT, Pt(14))
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._element.append(t)
    _font(paragraph.add_run(" —"), BODY_FONT, Pt(14))


SEVERITY_CN = {"error": "错误", "warning": "警告", "info": "提示"}


def _comments(doc: Any, findings: list[Any], anchors: _Anchors, report: Report) -> None:
    """Each finding as a Word comment on the text, cell or heading it is about."""
    for f in findings:
        run = _anchor_for(f, anchors, report)
        if run is None:
            continue
        text = f"[{SEVERITY_CN.get(f.severity, f.severity)}] {f.message}" + (f"\n{f.fix}" if f.fix else "")
        doc.add_comment(run, text=text, author="zipin", initials="ZP")


def _anchor_for(f: Any, anchors: _Anchors, report: Report) -> Any:
    for e in f.evidence:
        if e.where == "text" and e.section and e.start is not None and e.end is not None:
            run = _text_anchor(anchors, report, e.section, e.start, e.end)
            if run is not None:
                return run
        if e.where == "table" and e.cell and e.cell in anchors.cells:
            return _first_run(anchors.cells[e.cell])
        if e.where == "heading" and e.section in anchors.headings:
            return anchors.headings[e.section]
        if e.where == "cover" and e.cell:
            key = e.cell.removeprefix("cover.")
            if key in anchors.cover:
                return anchors.cover[key]
    if f.section in anchors.headings:
        return anchors.headings[f.section]
    if f.section == anchors.table_key and anchors.table_title is not None:
        return _first_run(anchors.table_title)
    return anchors.cover[0] if anchors.cover else None


def _text_anchor(anchors: _Anchors, report: Report, key: str, start: int, end: int) -> Any:
    section = report.section(key)
    if section is None:
        return None
    offset = 0
    for index, paragraph in enumerate(section.paragraphs):
        if offset <= start <= offset + len(paragraph):
            runs = anchors.paragraphs.get((key, index), {})
            return runs.get((start - offset, end - offset)) or runs.get((0, len(paragraph)))
        offset += len(paragraph) + 1
    return None


def _first_run(cell: Any) -> Any:
    paragraph = cell.paragraphs[0]
    return paragraph.runs[0] if paragraph.runs else paragraph.add_run("")
