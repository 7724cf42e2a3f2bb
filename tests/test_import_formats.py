"""The same reports saved as GB18030, UTF-16, UTF-8 with BOM and .docx import to one structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.reader import read_file

from .conftest import SAMPLE
from .helpers import structure, text_to_docx

ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"]


def _resave(text: str, tmp_path: Path, encoding: str) -> Path:
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_sample_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    source = SAMPLE / "reading_2023_2024.txt"
    expected = [structure(r) for r in read_file(source)]
    text = source.read_text(encoding="utf-8")
    assert [structure(r) for r in read_file(_resave(text, tmp_path, encoding))] == expected


def test_sample_as_docx(tmp_path: Path) -> None:
    source = SAMPLE / "ancient_books_2024_2025.txt"
    expected = [structure(r) for r in read_file(source)]
    docx_path = text_to_docx(source.read_text(encoding="utf-8"), tmp_path / "books.docx")
    assert [structure(r) for r in read_file(docx_path)] == expected


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_seed_in_other_encodings(seed_path: Path, tmp_path: Path, encoding: str) -> None:
    expected = [structure(r) for r in read_file(seed_path)]
    text = seed_path.read_text(encoding="utf-8")
    assert [structure(r) for r in read_file(_resave(text, tmp_path, encoding))] == expected


def test_seed_as_docx(seed_path: Path, tmp_path: Path) -> None:
    expected = [structure(r) for r in read_file(seed_path)]
    docx_path = text_to_docx(seed_path.read_text(encoding="utf-8"), tmp_path / "seed.docx")
    got = [structure(r) for r in read_file(docx_path)]
    assert [g["title"] for g in got] == [e["title"] for e in expected]
    assert got == expected


def test_mixed_encodings_line_by_line(tmp_path: Path) -> None:
    lines = ["项目名称：混合编码测试项目", "一、项目概况", "（一）项目单位基本情况", "本行是 GBK 编码。", "本行是 UTF-8 编码。"]
    data = b"\n".join(
        line.encode("gbk") if i % 2 else line.encode("utf-8") for i, line in enumerate(lines)
    )
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    (report,) = read_file(path)
    assert report.title == "混合编码测试项目"
    assert report.section_text("1.1") == "本行是 GBK 编码。\n本行是 UTF-8 编码。"


@pytest.mark.parametrize("order", ["table first", "table last"])
def test_a_report_without_a_table_takes_the_layout_of_its_file(cli, tmp_path: Path, order: str) -> None:  # noqa: ANN001
    """Read report by report, a report whose 附表 is empty still takes the layout the rest of its
    file uses — whether the others come before it or after."""
    from .layouts import parse_layout, write_layout

    layouts = Path(__file__).resolve().parent / "data" / "layouts"
    with_table = write_layout(parse_layout(layouts / "h07_unknown_elderly.txt"), _folder(tmp_path / "a"))
    without = write_layout(parse_layout(layouts / "t05_dept_civil.txt"), _folder(tmp_path / "b"))
    parts = [with_table.read_text(encoding="utf-8"), without.read_text(encoding="utf-8")]
    path = tmp_path / "两份.txt"
    path.write_text("\n".join(parts if order == "table first" else parts[::-1]), encoding="utf-8")
    assert cli("import", str(path), "--json").code == 0
    profiles = {r["title"]: r["profile"] for r in cli("reports", "--json").json()}
    assert profiles == {"社区居家养老服务项目": "xj2018", "部门整体支出": "xj2018"}


def _folder(path: Path) -> Path:
    path.mkdir()
    return path
