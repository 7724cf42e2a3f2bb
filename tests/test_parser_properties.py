"""Properties of every parser entry point (decode, blocks and segmentation, numbers, tables,
docx), checked by hypothesis on any input and on the hostile inputs of issue 15 as seeds: each
returns its result or refuses with an InputError — never another exception — and what it
returns keeps its promises (spans that match the text, rows within the grid, text decoded
back to what was encoded)."""

from __future__ import annotations

import codecs
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract import extract_numbers
from extract.blocks import Paragraph, Table, text_to_blocks
from extract.decode import decode_bytes
from extract.docx_reader import docx_to_blocks
from extract.errors import InputError
from extract.mask import mask_numbers
from extract.segment import cut
from extract.tables import parse_table

from .helpers import docx_from_xml
from .report_builder import mof_table

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONTROL = {chr(c) for c in [*range(0, 9), *range(14, 32), *range(0x7F, 0xA0)]} | {"\ufeff", "\u202e"}
CHINESE = st.text(alphabet="项目名称实施单位主管部门预算资金执行率财政拨款万元一二三四五六七八九十、，。；：（）0123456789%\n",
                  max_size=200)
# The hostile inputs of the attack (issue 15), as bytes a file may hold.
HOSTILE_BYTES = [
    b"", b"\n", b"\t\n\t\n", "\u3000\n\t\n".encode(), b"\x00" * 100, bytes(range(256)) * 4,
    "项目名称：坏字节".encode() + b"\xff" + "项目".encode(), "項目名稱：繁體".encode("big5"),
    "项目名称：无BOM".encode("utf-16-le"), "项目名称：无BOM".encode("utf-16-be"), codecs.BOM_UTF8 + b"\xff\xfe",
    "Отчёт".encode("cp1251") * 20, "予算の執行".encode("shift_jis") * 20, b"7" * 20_000,
    "\x1b[31m资金\x1b]0;title\x07".encode(), b"\r\r\n\x0b\x0c\x85",
]
HOSTILE_TEXT = ["", "7" * 20_000, "一" * 5_000, "十" * 5_000, "编号A1，拨款5万元；" * 200, "共计" * 3_000 + "5万元",
                "项目名称：" + "很长" * 5_000, "\t\n\t\n", "|" * 1000, "\t" * 1000, "9" * 5_000 + "万元",
                "1e30万元", "²①⑩", "(2019)" + "5" * 3000, "a_" * 3000 + "1"]


@SETTINGS
@given(st.binary(max_size=600))
@example(b"")
def test_decode_returns_clean_text_or_refuses(data: bytes) -> None:
    _decode_property(data)


def test_decode_on_every_hostile_input() -> None:
    for data in HOSTILE_BYTES:
        _decode_property(data)


def _decode_property(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except InputError as exc:
        assert exc.message
        return
    assert text.strip()
    assert not set(text) & CONTROL and "\r" not in text


@SETTINGS
@given(st.text(max_size=300))
def test_decode_of_utf8_gives_the_text_back(text: str) -> None:
    cleaned = "".join(ch for ch in text if ch not in CONTROL).replace("\r", "")
    cleaned = cleaned.replace("\x0b", "").replace("\x0c", "").replace("\x85", "").replace("\u2028", "").replace("\u2029", "")
    if not cleaned.strip():
        return
    try:
        decoded = decode_bytes(cleaned.encode("utf-8"))
    except InputError:
        return  # a text of stray control and replacement characters may be refused as binary
    assert decoded == cleaned or _traditional_converted(cleaned, decoded) or _taken_for_gb18030(cleaned, decoded)


def _taken_for_gb18030(before: str, after: str) -> bool:
    """The documented exception (extract.decode._utf8): a short UTF-8 text that reads as nothing
    plausible («¡¡áá») while its bytes are sure Chinese in GB18030 («隆隆谩谩») is read as GB18030,
    since a short GB18030 text can be valid UTF-8 by chance («目» is «Ŀ»)."""
    try:
        return after == before.encode("utf-8").decode("gb18030")
    except UnicodeDecodeError:
        return False


def _traditional_converted(before: str, after: str) -> bool:
    from extract.decode import is_traditional

    return is_traditional(before) and len(before) == len(after)


@SETTINGS
@given(CHINESE.filter(lambda t: sum(not ch.isascii() for ch in t) >= 4), st.sampled_from(["gb18030", "utf-16", "utf-8-sig"]))
def test_decode_of_chinese_in_its_encodings_gives_the_text_back(text: str, codec: str) -> None:
    """(Four characters outside ASCII at least: one GB18030 character alone may be valid UTF-8.)"""
    assert decode_bytes(text.encode(codec)) == text


@SETTINGS
@given(st.one_of(st.text(max_size=400), st.sampled_from(HOSTILE_TEXT)))
def test_blocks_keep_every_paragraph_line(text: str) -> None:
    blocks = text_to_blocks(text)
    lines = text.split("\n")
    assert len(blocks) <= len(lines)
    for block in blocks:
        if isinstance(block, Paragraph):
            assert 1 <= block.line <= len(lines)
            assert block.text in lines[block.line - 1]
        else:
            assert isinstance(block, Table) and all(isinstance(c, str) for row in block.rows for c in row)


@SETTINGS
@given(st.one_of(st.text(max_size=200), st.sampled_from(HOSTILE_TEXT)))
def test_segmentation_keeps_every_character(text: str) -> None:
    assert "".join(cut(text)) == text


@SETTINGS
@given(st.one_of(st.text(max_size=300), CHINESE, st.sampled_from(HOSTILE_TEXT)))
@example("支出" + "9" * 400 + "万元")
def test_numbers_spans_match_and_amounts_are_exact(text: str) -> None:
    mentions = extract_numbers(text)
    ends = -1
    for m in mentions:
        assert text[m.start:m.end] == m.surface and m.start >= ends
        ends = m.end
        if m.kind == "date":
            assert isinstance(m.value, str)
        else:
            assert isinstance(m.value, Decimal) and m.value.is_finite()
    assert len(mask_numbers(text)) <= len(text)


def test_a_400_digit_amount_keeps_every_digit() -> None:
    (m,) = extract_numbers("支出" + "9" * 400 + "万元")
    assert m.value == Decimal("9" * 400 + "0000")


CELL = st.one_of(st.text(max_size=20), st.sampled_from(["9" * 5000, "1e309", "-", "—", "１２３", "abc", "50%", "NaN",
                                                        "Infinity", "１．５万元", "10,000.5", "²"]))


@SETTINGS
@given(st.lists(st.lists(CELL, max_size=10), max_size=12))
def test_tables_parse_any_rows_or_refuse(rows: list[list[str]]) -> None:
    _table_property([Table(rows, 1)])


def test_tables_parse_the_hostile_cells() -> None:
    for cell in ("9" * 5000, "1e309", "NaN", "Infinity", "²"):
        text = mof_table(total=(cell, cell, cell), rate=cell, rate_score=cell, total_score=cell)
        _table_property([b for b in text_to_blocks(text) if isinstance(b, Table)])


def _table_property(tables: list[Table]) -> None:
    try:
        table = parse_table(tables)
    except InputError:
        return
    if table is None:
        return
    for row in table.budget.values():
        for cell in row.values():
            assert cell.value is None or cell.value.is_finite()


SPAN = st.one_of(st.integers(min_value=0, max_value=3_000_000_000).map(str),
                 st.sampled_from(["abc", "", "-1", "１", "1.5", " 2 ", "99999999999999999999"]))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOLDER = Path(tempfile.mkdtemp(prefix="zipin-docx-"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(SPAN, min_size=1, max_size=6), min_size=1, max_size=5), st.integers(min_value=0, max_value=8))
def test_docx_rows_stay_within_the_grid_or_refuse(spans: list[list[str]], grid: int) -> None:
    rows = "".join("<w:tr>" + "".join(f'<w:tc><w:tcPr><w:gridSpan w:val="{s}"/></w:tcPr><w:p><w:r><w:t>格</w:t></w:r>'
                                      "</w:p></w:tc>" for s in row) + "</w:tr>" for row in spans)
    grid_xml = f"<w:tblGrid>{'<w:gridCol/>' * grid}</w:tblGrid>" if grid else ""
    path = docx_from_xml(FOLDER / "t.docx", f'<w:document xmlns:w="{W}"><w:body><w:tbl>{grid_xml}{rows}</w:tbl>'
                                            "</w:body></w:document>")
    try:
        blocks = docx_to_blocks(path.read_bytes())
    except InputError as exc:
        assert "gridSpan" in exc.message
        return
    (table,) = [b for b in blocks if isinstance(b, Table)]
    width = max(grid or 63, max(len(r) for r in spans))
    for row, cells in zip(table.rows, spans, strict=True):
        assert len(cells) <= len(row) <= width
        assert row.count("格") == len(cells)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
@example(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
@example(b"PK\x03\x04" + b"\x00" * 100)
def test_docx_reader_refuses_any_bytes_cleanly(data: bytes) -> None:
    try:
        docx_to_blocks(data)
    except InputError as exc:
        assert exc.message and "Error" not in exc.message
