"""Word files to blocks, in body order: paragraphs and real tables.

The zip is inspected before python-docx opens it, so a zip bomb is refused before anything
is expanded, and a truncated, damaged or password-protected file gives a clear message instead
of a zipfile traceback.  A merged cell spans at most the table's real grid (a hostile
«gridSpan» of two billion would otherwise be two billion empty cells).  A document written in
traditional characters is read as simplified, as text files are (`decode`).
"""

from __future__ import annotations

import io
import zipfile
import zlib

from .blocks import Block, Paragraph, Table
from .decode import clean_text, is_traditional, to_simplified
from .errors import InputError

MAX_UNPACKED = 200 * 1024 * 1024  # bytes a .docx may expand to
MAX_RATIO = 200  # a part compressing better than this is a bomb, not a document
MAX_COLUMNS = 63  # Word's own limit; the bound for a table that declares no grid
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: old .doc, or an encrypted .docx
ENCRYPTED = "文件已加密，请先在 Word 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码），另存后再导入"
DAMAGED = "文件已损坏（Word 文件中的压缩数据校验失败），请在 Word 中打开并另存后再导入"


def docx_to_blocks(data: bytes) -> list[Block]:
    if data.startswith(_OLE):
        raise InputError(ENCRYPTED if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]
                         else "这是旧版 Word（.doc）格式的文件，只是扩展名为 .docx；请在 Word 中另存为 .docx 后再导入")
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
    return _simplified(blocks)


def _simplified(blocks: list[Block]) -> list[Block]:
    """Every block in simplified characters when the document is written in traditional ones."""
    whole = "\n".join(b.text if isinstance(b, Paragraph) else "\t".join(c for row in b.rows for c in row)
                      for b in blocks)
    if not is_traditional(whole):
        return blocks
    return [Paragraph(to_simplified(b.text), b.line) if isinstance(b, Paragraph)
            else Table([[to_simplified(c) for c in row] for row in b.rows], b.line) for b in blocks]


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
            if any(i.flag_bits & 0x1 for i in infos):
                raise InputError(ENCRYPTED)
            bad = zf.testzip()
            if bad is not None:
                raise InputError(DAMAGED)
    except zipfile.BadZipFile as exc:
        raise InputError("文件已损坏或不完整（不是有效的 Word 文件），请在 Word 中打开并另存后再导入") from exc
    except RuntimeError as exc:  # zipfile's «File is encrypted»
        raise InputError(ENCRYPTED) from exc
    except (zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise InputError(DAMAGED) from exc


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
    """Rows aligned to the grid: a merged cell gives its text once and empty cells after it,
    never beyond the grid's last column."""
    grid = _grid_width(tbl)
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        row: list[str] = []
        cells = list(tr.iterchildren(f"{_W}tc"))
        width = max(grid, len(cells))  # a cell is never dropped, however wrong the grid
        for n, tc in enumerate(cells):
            text = "\n".join(_paragraph_text(p) for p in tc.iterchildren(f"{_W}p"))
            nested = [_flatten(t) for t in tc.iterchildren(f"{_W}tbl")]
            text = "\n".join([text, *nested]).strip("\n")
            props = tc.find(f"{_W}tcPr")
            span = 1
            if props is not None:
                span = _span(props.find(f"{_W}gridSpan"))
                vmerge = props.find(f"{_W}vMerge")
                if vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue":
                    text = ""
            row.append(text)
            room = width - len(row) - (len(cells) - n - 1)  # columns left after the cells still to come
            row.extend([""] * max(0, min(span - 1, room)))
        rows.append(row)
    return rows


def _grid_width(tbl) -> int:  # noqa: ANN001 - an lxml element
    """The table's columns as its grid declares them (Word's maximum where it declares none)."""
    grid = tbl.find(f"{_W}tblGrid")
    columns = len(grid.findall(f"{_W}gridCol")) if grid is not None else 0
    return min(columns, MAX_COLUMNS) if columns else MAX_COLUMNS


def _span(grid) -> int:  # noqa: ANN001 - an lxml element or None
    if grid is None:
        return 1
    raw = (grid.get(f"{_W}val") or "1").strip()
    if not raw.isascii() or not raw.isdigit():
        raise InputError(f"Word 文件已损坏：表格单元格的合并列数（gridSpan）「{raw[:20]}」不是数字，请在 Word 中打开并另存后再导入")
    return max(1, min(int(raw[:6]), MAX_COLUMNS))


def _flatten(tbl) -> str:  # noqa: ANN001 - an lxml element
    return "\n".join("\t".join(row) for row in _table_rows(tbl))
