"""Bad files: a clear Chinese message, a non-zero exit, the store unchanged, other files imported."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from .conftest import SAMPLE
from .helpers import text_to_docx

GOOD = SAMPLE / "culture_center_2025.txt"


def _counts(cli) -> int:  # noqa: ANN001
    return len(cli("reports", "--json").json())


def _truncated_docx(tmp_path: Path) -> Path:
    full = text_to_docx(GOOD.read_text(encoding="utf-8"), tmp_path / "full.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(full[: len(full) // 2])
    return path


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    nothing = tmp_path / "notes.txt"
    nothing.write_text("会议纪要\n今天讨论了食堂的菜单，大家意见不一。\n下周再议。\n", encoding="utf-8")
    return {
        "empty": (empty, "文件为空"),
        "binary": (binary, "二进制"),
        "truncated docx": (_truncated_docx(tmp_path), "Word 文件"),
        "no report": (nothing, "没有可识别的报告"),
        "missing": (tmp_path / "does-not-exist.txt", "文件不存在"),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "truncated docx", "no report", "missing"])
def test_bad_file_is_reported_and_the_others_still_imported(cli, tmp_path: Path, case: str) -> None:  # noqa: ANN001
    bad, message = _bad_files(tmp_path)[case]
    before = _counts(cli)
    result = cli("import", str(bad), str(GOOD), "--json")
    assert result.code != 0
    data = result.json()
    assert [e["path"] for e in data["errors"]] == [str(bad)]
    assert message in data["errors"][0]["message"]
    assert [i["title"] for i in data["imported"]] == ["群众文化活动经费"]
    assert _counts(cli) == before + 1
    assert "Traceback" not in result.err


def test_human_output_names_the_failure_in_chinese(cli, tmp_path: Path) -> None:  # noqa: ANN001
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = cli("import", str(empty))
    assert result.code == 1
    assert "导入失败" in result.err and "文件为空" in result.err


def test_failing_file_leaves_the_store_as_it_was(store, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A file that fails halfway through writing is rolled back as a whole."""
    from store import importer, reports

    calls = {"n": 0}
    real = reports.save_table

    def flaky(db, report_id, table):  # noqa: ANN001
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk hiccup")
        return real(db, report_id, table)

    monkeypatch.setattr(reports, "save_table", flaky)
    result = importer.import_paths(store, [SAMPLE / "reading_2023_2024.txt"])
    assert result.errors and "程序内部错误（RuntimeError）" in result.errors[0]["message"]
    assert "disk hiccup" not in result.errors[0]["message"]  # no raw Python text for the clerk
    for table in ("files", "reports", "sections", "paragraphs", "indicators", "facts", "names"):
        assert store.one(f"SELECT count(*) AS n FROM {table}")["n"] == 0, table


def test_reimport_adds_nothing(cli) -> None:  # noqa: ANN001
    first = cli("import", str(SAMPLE), "--json").json()
    assert len(first["imported"]) == 6 and not first["errors"]
    again = cli("import", str(SAMPLE), "--json").json()
    assert again["imported"] == [] and len(again["skipped"]) == 4  # four files
    assert _counts(cli) == 6


def test_same_report_in_another_file_is_skipped(cli, tmp_path: Path) -> None:  # noqa: ANN001
    copy = tmp_path / "copy.docx"
    text_to_docx(GOOD.read_text(encoding="utf-8"), copy)
    assert len(cli("import", str(GOOD), "--json").json()["imported"]) == 1
    second = cli("import", str(copy), "--json").json()
    assert second["imported"] == []
    assert second["skipped"][0]["reason"] == "同一报告已在库中"


def test_zip_bomb_docx_is_refused_before_expanding(cli, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "bomb.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/huge.bin", b"\0" * (300 * 1024 * 1024))
    path.write_bytes(buf.getvalue())
    assert os.path.getsize(path) < 2 * 1024 * 1024
    result = cli("import", str(path), "--json")
    assert result.code == 1
    assert "压缩炸弹" in result.json()["errors"][0]["message"]


def test_old_doc_and_unknown_types_are_named(cli, tmp_path: Path) -> None:  # noqa: ANN001
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    errors = cli("import", str(doc), str(pdf), "--json").json()["errors"]
    assert ".docx" in errors[0]["message"]
    assert "不支持的文件类型" in errors[1]["message"]


def _two_reports(tmp_path: Path) -> Path:
    text = GOOD.read_text(encoding="utf-8")
    path = tmp_path / "两份.txt"
    path.write_text(text + "\n" + text.replace("群众文化活动经费", "群众文化活动经费（二期）"), encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["create", "write"])
def test_no_room_for_the_import_s_temporary_file(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                                 where: str) -> None:
    """A file's prepared reports wait on disk for the write: a full disk there is said plainly,
    and the store keeps none of the file."""
    import errno
    import tempfile

    import store.spool

    before = _counts(cli)
    full = OSError(errno.ENOSPC, "No space left on device")
    if where == "create":
        def no_file(*_args: object, **_kwargs: object) -> None:
            raise full
        monkeypatch.setattr(tempfile, "TemporaryFile", no_file)
    else:
        real_dump = store.spool.pickle.dump
        calls = []

        def dump_once(*args: object, **kwargs: object) -> None:
            calls.append(1)
            if len(calls) > 1:
                raise full
            real_dump(*args, **kwargs)
        monkeypatch.setattr(store.spool.pickle, "dump", dump_once)
    result = cli("import", str(_two_reports(tmp_path)), "--json")
    assert result.code != 0 and "Traceback" not in result.err
    assert "临时文件" in result.json()["errors"][0]["message"]
    assert "磁盘已满" in result.json()["errors"][0]["message"]
    assert _counts(cli) == before


def test_a_file_s_reports_are_written_in_their_order_and_once(cli, tmp_path: Path) -> None:  # noqa: ANN001
    """Prepared one at a time and parked, the reports still go in in file order, and each is
    stored once."""
    result = cli("import", str(_two_reports(tmp_path)), "--json")
    assert result.code == 0
    titles = [i["title"] for i in result.json()["imported"]]
    assert titles == ["群众文化活动经费", "群众文化活动经费（二期）"]
    copy = tmp_path / "副本.txt"
    copy.write_text(_two_reports(tmp_path).read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    again = cli("import", str(copy), "--json").json()
    assert again["imported"] == []
    assert [(s["title"], s["reason"]) for s in again["skipped"]] == [(t, "同一报告已在库中") for t in titles]
