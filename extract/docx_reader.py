"""Word files to blocks, in body order: paragraphs and real tables.

The zip is inspected before python-docx opens it, so a zip bomb is refused before anything
is expanded, and a truncated file gives a clear message instead of a zipfile traceback.
"""

from __future__ import annotations

import io
import zipfile

from .blocks import Block, Paragraph, Table
from .decode import clean_text
from .errors import InputError

MAX_UNPACKED = 200 * 1024 * 1024  # bytes a .docx may expand to
MAX_RATIO = 200  # a part compressing better than this is a bomb, not a document
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_to_blocks(data: bytes) -> list[Block]:
    _check_zip(data)
    import docx  # python-docx; imported here so text imports do not pay for it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise InputError(f"Word 文件无法读取（{type(exc).__name__}），文件可能已损坏") from exc
    body = document.element.body
    if body is None:
        raise InputError("Word 文件没有正文（缺少 w:body）")
    blocks: list[Block] = []
    for n, child in enumerate(body.iterchildren(), start=1):
        if child.tag == f"{_W}p":
            blocks.extend(Paragraph(line, n) for line in _paragraph_text(child).split("\n"))
        elif child.tag == f"{_W}tbl":
            blocks.append(Table(_table_rows(child), n))
    return blocks


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise InputError("这不是 Word 文档：缺少 word/document.xml")
            total = sum(i.file_size for i in infos)
            if total > MAX_UNPACKED:
                raise InputError(f"Word 文件解压后超过 {MAX_UNPACKED // 1024 // 1024} MB，已拒绝导入（可能是压缩炸弹）")
            for info in infos:
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10_000_000:
                    raise InputError("Word 文件的压缩比异常，已拒绝导入（可能是压缩炸弹）")
            bad = zf.testzip()
            if bad is not None:
                raise InputError(f"Word 文件已损坏：{bad} 校验失败")
    except zipfile.BadZipFile as exc:
        raise InputError("Word 文件已损坏或不完整（不是有效的 zip 包）") from exc
    except (OSError, EOFError, ValueError) as exc:
        raise InputError(f"Word 文件无法读取：{exc}") from exc


def _paragraph_text(p) -> str:  # noqa: ANN001 - an lxml element
    parts: list[str] = []
    for node in p.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return clean_text("".join(parts))


def _table_rows(tbl) -> list[list[str]]:  # noqa: ANN001 - an lxml element
    """Rows aligned to the grid: a merged cell gives its text once and empty cells after it."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        row: list[str] = []
        for tc in tr.iterchildren(f"{_W}tc"):
            text = "\n".join(_paragraph_text(p) for p in tc.iterchildren(f"{_W}p"))
            nested = [_flatten(t) for t in tc.iterchildren(f"{_W}tbl")]
            text = "\n".join([text, *nested]).strip("\n")
            props = tc.find(f"{_W}tcPr")
            span = 1
            if props is not None:
                grid = props.find(f"{_W}gridSpan")
                if grid is not None:
                    span = int(grid.get(f"{_W}val", "1") or 1)
                vmerge = props.find(f"{_W}vMerge")
                if vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue":
                    text = ""
            row.append(text)
            row.extend([""] * (span - 1))
        rows.append(row)
    return rows


def _flatten(tbl) -> str:  # noqa: ANN001 - an lxml element
    return "\n".join("\t".join(row) for row in _table_rows(tbl))
