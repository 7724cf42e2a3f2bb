"""Test helpers: a text report file saved as a Word document, and report structure to compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.blocks import Paragraph, text_to_blocks
from extract.document import Report


def text_to_docx(text: str, path: Path) -> Path:
    """Write the text as a .docx: each line a paragraph, each tab-led table a real Word table."""
    import docx

    document = docx.Document()
    for block in text_to_blocks(text):
        if isinstance(block, Paragraph):
            document.add_paragraph(block.text)
            continue
        width = max(len(r) for r in block.rows)
        table = document.add_table(rows=len(block.rows), cols=width)
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    document.save(str(path))
    return path


def structure(report: Report) -> dict[str, Any]:
    """What must survive a change of file format: cover, sections and the 附表."""
    table = report.table
    return {
        "title": report.title,
        "unit": report.unit,
        "year": report.year,
        "profile": report.profile,
        "sections": [(s.key, s.text) for s in report.sections],
        "budget": None if table is None else {
            r: {c: (cell.value, cell.text) for c, cell in cols.items()} for r, cols in table.budget.items()
        },
        "goals": None if table is None else (table.goals_expected, table.goals_actual),
        "indicators": None if table is None else [vars(i) for i in table.indicators],
    }


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def docx_from_xml(path: Path, document_xml: str) -> Path:
    """A minimal .docx whose body is `document_xml`, as hand-made (or hostile) files are."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document_xml)
    path.write_bytes(buffer.getvalue())
    return path
