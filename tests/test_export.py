"""zipin export: refused with open errors, never overwrites by accident, Word in the official
layout that imports back to the same sections and 附表, comments, and Markdown / text mirrors."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from extract.outline import load_outline
from extract.reader import read_file
from store.db import open_store
from store.export import write_export
from store.reports import load_report, resolve_report

from .conftest import SAMPLE
from .helpers import structure

FLAWED = "全民阅读推广专项经费@2025"  # four error findings in the sample
CLEAN = "全民阅读推广专项经费@2024"


def values(report) -> dict:  # noqa: ANN001
    """Structure with the 附表 amounts as numbers: «77万元» and «77» are the same amount."""
    out = structure(report)
    if out["budget"]:
        out["budget"] = {r: {c: v for c, (v, _) in cols.items()} for r, cols in out["budget"].items()}
    return out


@pytest.fixture
def imported(cli):  # noqa: ANN001, ANN201
    cli("import", str(SAMPLE))
    return cli


def test_refused_with_open_errors_and_allowed_with_force(imported, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "report.docx"
    refused = imported("export", FLAWED, "-o", str(target))
    assert refused.code == 1 and "仍有 4 条错误" in refused.err and not target.exists()
    forced = imported("export", FLAWED, "-o", str(target), "--force", "--json")
    assert forced.code == 0 and target.exists()
    assert forced.json()["errors"] == 4


def test_no_overwrite_without_the_flag(imported, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "report.md"
    target.write_text("我的旧文件", encoding="utf-8")
    result = imported("export", CLEAN, "-o", str(target))
    assert result.code == 1 and "文件已存在" in result.err
    assert target.read_text(encoding="utf-8") == "我的旧文件"
    assert imported("export", CLEAN, "-o", str(target), "--overwrite").code == 0
    assert target.read_text(encoding="utf-8").startswith("# 2024年度项目支出绩效自评报告")


def test_missing_folder_is_a_clear_error(imported, tmp_path: Path) -> None:  # noqa: ANN001
    result = imported("export", CLEAN, "-o", str(tmp_path / "no" / "such" / "report.docx"))
    assert result.code == 1 and "文件夹不存在" in result.err


def test_docx_has_every_heading_the_texts_and_the_table(imported, tmp_path: Path, db_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "report.docx"
    assert imported("export", CLEAN, "-o", str(target)).code == 0
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    outline = load_outline()
    for part in outline.parts:
        assert f"{part.numeral}、{part.title}" in texts
    for section in outline.sections:
        assert any(t.endswith(section.title) and t.startswith("（") for t in texts), section.title
    with open_store(db_path) as store:
        report = load_report(store, resolve_report(store, CLEAN))
    for section in report.sections:
        for paragraph in section.paragraphs:
            assert paragraph in texts
    (table,) = document.tables
    cells = {c.text for row in table.rows for c in row.cells}
    assert {"68.4", "65.2", "95.32%", "年度资金总额", "年初预算数", "举办阅读推广活动", "≥110场"} <= cells
    assert "项目名称：全民阅读推广专项经费" in texts and "填报时间：2025年2月24日" in texts
    body = document.styles.element  # fonts are set on every run: spot-check one body run
    run = next(p.runs[0] for p in document.paragraphs if p.text.startswith("青川市图书馆是"))
    assert run.font.name == "仿宋_GB2312" and run.font.size.pt == 16
    assert body is not None
    footer = document.sections[0].footer.paragraphs[0]._element.xml
    assert "PAGE" in footer


@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
def test_round_trip_gives_the_same_structure(tmp_path: Path, store, fmt: str) -> None:  # noqa: ANN001
    from store.importer import import_paths

    import_paths(store, [SAMPLE])
    for ref in (CLEAN, FLAWED, "古籍数字化保护项目@2025"):
        report = load_report(store, resolve_report(store, ref))
        target = write_export(report, fmt, tmp_path / f"out.{fmt}", overwrite=True)
        (back,) = read_file(target)
        assert values(back) == values(report), ref


def test_round_trip_of_a_seed_report(seed_path: Path, tmp_path: Path, store) -> None:  # noqa: ANN001
    from store.importer import import_paths

    import_paths(store, [seed_path])
    for ref in ("商贸事务工作经费", "专项业务费", "开办费"):
        report = load_report(store, resolve_report(store, ref))
        (back,) = read_file(write_export(report, "docx", tmp_path / "seed.docx", overwrite=True))
        assert values(back) == values(report), ref


def test_comments_carry_the_findings(imported, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "flawed.docx"
    assert imported("export", FLAWED, "-o", str(target), "--force", "--comments").code == 0
    document = docx.Document(str(target))
    comments = [c.text for c in document.comments]
    assert len(comments) == 9
    assert any("正文写执行率 96.55%" in c for c in comments)
    assert any("如将「3.6万元」改为 3.2万元 则与附表一致" in c for c in comments)
    anchored = document.element.body.xml
    assert anchored.count("commentRangeStart") == 9
    plain = tmp_path / "plain.docx"
    imported("export", FLAWED, "-o", str(plain), "--force")
    assert len(list(docx.Document(str(plain)).comments)) == 0


def test_a_failed_write_leaves_no_file(tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from store.export import docx_writer
    from store.importer import import_paths

    import_paths(store, [SAMPLE])
    report = load_report(store, resolve_report(store, CLEAN))

    def broken(report, path, findings):  # noqa: ANN001
        path.write_bytes(b"PK\x03\x04half a document")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx_writer, "write_docx", broken)
    folder = tmp_path / "exports"
    folder.mkdir()
    from store.errors import ZipinError

    with pytest.raises(ZipinError, match="写入.*失败"):
        write_export(report, "docx", folder / "report.docx")
    assert list(folder.iterdir()) == []
