"""Hostile input: Word files without a body, control characters, endless lines, a read-only
store, an export folder that cannot be written."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from store.db import open_store
from store.importer import import_paths

from .conftest import SAMPLE
from .report_builder import numbered_copies, report_text

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(path: Path, document_xml: str) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", document_xml)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(("xml", "message"), [
    (f'<w:document xmlns:w="{W}"/>', "没有正文"),
    (f'<w:document xmlns:w="{W}"><w:body/></w:document>', "没有可识别的报告"),
])
def test_docx_without_a_body_is_named(cli, tmp_path: Path, xml: str, message: str) -> None:  # noqa: ANN001
    path = _docx(tmp_path / "empty.docx", xml)
    result = cli("import", str(path), "--json")
    assert result.code == 1
    assert message in result.json()["errors"][0]["message"]
    assert "Traceback" not in result.err
    assert cli("reports", "--json").json() == []


def test_control_characters_are_dropped_and_numbers_still_read(store, tmp_path: Path) -> None:  # noqa: ANN001
    text = report_text({"2.2": "截至年底\x1b[31m共支出\x00资金\u202e95万元\x07，执行率95%。\x9b"}, title="控制字符项目")
    path = tmp_path / "control.txt"
    path.write_text(text, encoding="utf-8")
    result = import_paths(store, [path])
    assert not result.errors and len(result.imported) == 1
    texts = [r["text"] for r in store.query("SELECT text FROM paragraphs")]
    assert not any(re.search(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e]", t) for t in texts)
    assert "截至年底共支出资金95万元，执行率95%。" in texts
    facts = store.query("SELECT kind, value FROM facts WHERE label LIKE '%资金%' OR label = '执行率'")
    assert {(f["kind"], f["value"]) for f in facts} >= {("money", "950000"), ("percent", "95")}


def test_a_very_long_line_is_imported_whole(store, tmp_path: Path) -> None:  # noqa: ANN001
    line = "本年度举办演出12场，支出经费3.5万元；" * 10_000  # 220 000 characters, no line break
    path = tmp_path / "long.txt"
    path.write_text(report_text({"3.1": line}, title="长行项目"), encoding="utf-8")
    result = import_paths(store, [path])
    assert not result.errors
    (row,) = store.query("SELECT text FROM paragraphs WHERE length(text) > 100000")
    assert row["text"] == line
    assert store.one("SELECT count(*) AS n FROM facts WHERE kind = 'money' AND value = '35000.0' AND label = '支出经费'")["n"] == 10_000


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - yields a function
    """Make a store read-only. Root ignores file modes, so there SQLite is told (mode=ro): it
    then meets the same refusal it meets on a read-only file."""

    made: list[Path] = []

    def apply(path: Path) -> None:
        if os.geteuid() != 0:
            path.chmod(0o444)
            made.append(path)
            return
        connect = sqlite3.connect

        def connect_ro(database, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            return connect(f"{Path(database).resolve().as_uri()}?mode=ro", *args, uri=True, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", connect_ro)

    yield apply
    for path in made:  # so pytest can clean up
        path.chmod(0o644)


def test_read_only_store_can_be_read_not_written(cli, db_path: Path, tmp_path: Path, read_only) -> None:  # noqa: ANN001
    assert cli("import", str(SAMPLE)).code == 0
    before = db_path.read_bytes()
    new = tmp_path / "new.txt"
    new.write_text(report_text(title="只读测试项目"), encoding="utf-8")
    read_only(db_path)
    assert len(cli("reports", "--json").json()) == 6
    result = cli("import", str(new))
    assert result.code == 1
    assert "只读" in result.err and "Traceback" not in result.err
    assert db_path.read_bytes() == before


def test_typing_into_a_read_only_store_is_rescued(db_path: Path, tmp_path: Path, read_only,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from store.autosave import save_words
    from store.drafts import NewDraft, create_draft
    from store.errors import StoreError

    with open_store(db_path) as store:
        draft = create_draft(store, NewDraft("只读草稿", "青川市图书馆", "", 2026, "mof2020"))
    monkeypatch.setenv("ZIPIN_RESCUE", str(tmp_path / "rescue"))
    before = db_path.read_bytes()
    read_only(db_path)
    with open_store(db_path) as store, pytest.raises(StoreError, match="另存到") as caught:
        save_words(lambda: store, draft, "2.2", "全年支出资金95万元。")
    (saved,) = (tmp_path / "rescue").iterdir()
    assert str(saved) in caught.value.message
    assert saved.read_text(encoding="utf-8") == "全年支出资金95万元。"
    assert db_path.read_bytes() == before


def test_export_into_a_folder_that_cannot_be_written(cli, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import tempfile

    cli("import", str(SAMPLE))
    folder = tmp_path / "locked"
    folder.mkdir()

    def denied(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - what a read-only folder does, even for root
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    result = cli("export", "全民阅读推广专项经费@2024", "-o", str(folder / "report.docx"))
    assert result.code == 1
    assert result.err.startswith(f"错误：无法在 {folder} 写入文件：没有权限")
    assert list(folder.iterdir()) == []


def test_store_in_a_folder_that_cannot_be_made(cli, tmp_path: Path) -> None:  # noqa: ANN001
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = cli("reports", db=blocker / "sub" / "zipin.db")
    assert result.code == 1
    assert result.err.startswith("错误：无法创建数据库所在的文件夹")
    assert "Traceback" not in result.err


def test_a_10_mb_file_of_thousands_of_reports_imports_with_progress(tmp_path: Path, db_path: Path) -> None:
    """Through the real CLI in a terminal, so the progress bar is the one a user sees."""
    from .processes import Terminal

    one = len(numbered_copies(1).encode())
    count = 10 * 1024 * 1024 // one + 1
    path = tmp_path / "全部门报告.txt"
    path.write_text(numbered_copies(count), encoding="utf-8")
    assert path.stat().st_size > 10 * 1024 * 1024

    term = Terminal(["--db", str(db_path), "import", str(path)], tmp_path)
    term.wait_for("共导入", timeout=240)
    term.read(0.5)
    screen = term.output.decode("utf-8", errors="replace")
    assert f"共导入 {count} 份报告" in screen
    shown = {int(p) for p in re.findall(r"导入中.*?(\d+)%", screen)}
    assert len(shown) >= 5 and max(shown) == 100  # the bar moved through the file, not only at its end

    with open_store(db_path) as store:
        assert store.one("SELECT count(*) AS n FROM reports")["n"] == count
        assert store.one("SELECT reports FROM files")["reports"] == count
        assert store.one("SELECT count(*) AS n FROM reports r WHERE NOT EXISTS "
                         "(SELECT 1 FROM sections s WHERE s.report_id = r.id)")["n"] == 0
