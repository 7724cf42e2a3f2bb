"""Hostile input, round two (issue 15): no hang, no quadratic blow-up, no silent mojibake, no raw
Python error, never a special file overwritten.  One test (or a few) per item of the issue,
named after it; the item's number is in the section comments."""

from __future__ import annotations

import errno
import json
import os
import re
import resource
import sqlite3
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from store.db import open_store
from store.importer import import_paths

from .conftest import SAMPLE
from .helpers import docx_from_xml
from .processes import CACHE, ZIPIN
from .report_builder import mof_table, report_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CLEAN = "全民阅读推广专项经费@2024"
NO_TRACE = ("Traceback", "程序内部错误", "程序错误")


def _zipin(args: list[str], tmp: Path, *, stdin: bytes | None = None, timeout: float = 60,
           memory: int | None = None) -> subprocess.CompletedProcess[bytes]:
    """The installed `zipin`, as a user runs it; `memory` caps its address space (bytes)."""

    def limit() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "ZIPIN_CACHE": str(CACHE), "ZIPIN_RESCUE": str(tmp / "rescue")}
    return subprocess.run([*ZIPIN, *args], input=stdin, capture_output=True, timeout=timeout, env=env,
                          preexec_fn=limit)


def _clean(err: str) -> None:
    assert not any(word in err for word in NO_TRACE), err


def _one_chinese_line(err: str) -> None:
    """One line on stderr, Chinese, and no English sentence from Python or click in it."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("错误："), err
    assert not re.search(r"\b(?:[A-Za-z]{3,}\s+){2}[A-Za-z]{2,}", lines[0]), err  # «No such option», «is not readable»
    _clean(err)


# ---- 1. export --overwrite never replaces a device node, a FIFO or a symlink

def _device_node(tmp_path: Path) -> Path:
    """A character device like /dev/null: made in the test's folder where we may (root), else
    /dev/null itself, which a user without root cannot replace anyway."""
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return node
    except PermissionError:
        return Path("/dev/null")


def test_export_overwrite_refuses_a_device_node(cli, tmp_path: Path) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    node = _device_node(tmp_path)
    result = cli("export", CLEAN, "-o", str(node), "--format", "txt", "--overwrite")
    assert result.code == 1
    assert "不是普通文件" in result.err
    _one_chinese_line(result.err)
    assert stat.S_ISCHR(node.stat().st_mode)


def test_export_overwrite_refuses_a_fifo(cli, tmp_path: Path) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = cli("export", CLEAN, "-o", str(fifo), "--overwrite")
    assert result.code == 1 and "不是普通文件" in result.err
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_export_overwrite_follows_a_symlink_and_keeps_it(cli, tmp_path: Path) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    real = tmp_path / "real" / "report.txt"
    real.parent.mkdir()
    real.write_text("旧内容", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    result = cli("export", CLEAN, "-o", str(link), "--overwrite")
    assert result.code == 0, result.err
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "全民阅读推广专项经费" in real.read_text(encoding="utf-8")
    assert list(real.parent.iterdir()) == [real]  # no temporary file left beside the target


def test_export_overwrite_refuses_a_symlink_to_a_device(cli, tmp_path: Path) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    node = _device_node(tmp_path)
    link = tmp_path / "out.txt"
    link.symlink_to(node)
    result = cli("export", CLEAN, "-o", str(link), "--overwrite")
    assert result.code == 1 and "不是普通文件" in result.err
    assert link.is_symlink() and stat.S_ISCHR(node.stat().st_mode)


# ---- 2. import reads regular files only, with a size cap

def test_import_refuses_a_fifo_named_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "reports.txt"
    os.mkfifo(fifo)
    result = _zipin(["--db", str(tmp_path / "z.db"), "import", str(fifo), "--json"], tmp_path, timeout=60)
    assert result.returncode == 1
    (error,) = json.loads(result.stdout)["errors"]
    assert "不是普通文件" in error["message"]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_import_refuses_an_endless_device(tmp_path: Path, device: str) -> None:
    result = _zipin(["--db", str(tmp_path / "z.db"), "import", device], tmp_path, timeout=60, memory=2 << 30)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "不是普通文件" in err
    _clean(err)


def test_import_refuses_a_file_over_the_size_cap(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from store import importer

    path = tmp_path / "big.txt"
    path.write_text(report_text(title="超大文件项目"), encoding="utf-8")
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 1024)
    result = import_paths(store, [path])
    (error,) = result.errors
    assert "超过" in error["message"] and "1 KB" in error["message"]
    assert store.one("SELECT count(*) AS n FROM reports")["n"] == 0


# ---- 3. a .docx table cell's gridSpan is bounded by the table's grid

def _table_docx(path: Path, spans: list[str], grid: int = 3) -> Path:
    cells = "".join(f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p><w:r><w:t>格{n}</w:t></w:r></w:p></w:tc>'
                    for n, span in enumerate(spans))
    cols = "<w:gridCol/>" * grid
    cover = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>"
                    for line in ("项目名称：合并单元格项目", "实施单位：青川市测试中心", "一、项目概况", "（一）项目基本情况",
                                 "本单位是青川市的事业单位。"))
    return docx_from_xml(path, f'<w:document xmlns:w="{W}"><w:body>{cover}'
                               f"<w:tbl><w:tblGrid>{cols}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl></w:body></w:document>")


def test_docx_huge_gridspan_is_bounded_by_the_grid(tmp_path: Path) -> None:
    from extract.blocks import Table
    from extract.docx_reader import docx_to_blocks

    path = _table_docx(tmp_path / "span.docx", ["1000000"] * 50)
    assert path.stat().st_size < 40_000
    (table,) = [b for b in docx_to_blocks(path.read_bytes()) if isinstance(b, Table)]
    assert table.rows == [[f"格{n}" for n in range(50)]]  # every cell once, no padding beyond them
    path = _table_docx(tmp_path / "span2.docx", ["1000000", "1"], grid=3)
    (table,) = [b for b in docx_to_blocks(path.read_bytes()) if isinstance(b, Table)]
    assert table.rows == [["格0", "", "格1"]]  # the span fills the grid, and no further


def test_docx_gridspan_of_two_billion_is_no_memory_error(tmp_path: Path) -> None:
    path = _table_docx(tmp_path / "span.docx", ["2000000000"] * 3)
    result = _zipin(["--db", str(tmp_path / "z.db"), "import", str(path), "--json"], tmp_path, memory=2 << 30)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["imported"][0]["title"] == "合并单元格项目"


def test_docx_non_numeric_gridspan_is_a_clear_refusal(cli, tmp_path: Path) -> None:  # noqa: ANN001
    path = _table_docx(tmp_path / "span.docx", ["abc"])
    result = cli("import", str(path), "--json")
    assert result.code == 1
    message = result.json()["errors"][0]["message"]
    assert "gridSpan" in message and "「abc」" in message and "已损坏" in message
    _clean(message)


# ---- 4. no silent mojibake: damaged UTF-8, Big5, text in no Chinese encoding

def test_utf8_with_one_invalid_byte_keeps_its_chinese(store, tmp_path: Path) -> None:  # noqa: ANN001
    text = report_text({"1.1": "本单位主要负责全市预算绩效管理工作，现有职工26人。"}, title="坏字节项目")
    data = text.encode("utf-8")
    at = data.index("预算绩效".encode())
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    result = import_paths(store, [path])
    assert not result.errors and result.imported[0]["title"] == "坏字节项目"
    (row,) = store.query("SELECT text FROM paragraphs WHERE section_key = '1.1'")
    assert "预算绩效管理工作，现有职工26人" in row["text"] and "主要负责全市" in row["text"]
    assert "鏈" not in row["text"] and "浣" not in row["text"]


def test_a_single_line_utf8_file_with_an_invalid_byte_is_not_gb18030(store, tmp_path: Path) -> None:  # noqa: ANN001
    from extract.decode import decode_bytes

    data = "项目名称：单行项目，实施单位：青川市测试中心。".encode() * 20
    text = decode_bytes(data[:30] + b"\xfe" + data[30:])
    assert text.count("单行项目") == 20 and "鍗" not in text


def test_short_lines_of_another_encoding_keep_their_chinese() -> None:
    """A table pasted from another file: short cells in GB18030 between long UTF-8 lines."""
    from extract.decode import decode_bytes

    lines = ["本单位全年组织开展各类培训活动，参训人员满意度较高。", "执行", "\t≥100%", "\t满意度",
             "项目资金全部按照预算批复的用途使用，没有挤占挪用。", "完成", "\t下降"]
    data = b"\n".join(line.encode("gb18030" if i % 2 else "utf-8") for i, line in enumerate(lines))
    assert decode_bytes(data).split("\n") == lines


def test_big5_report_is_read_and_converted_to_simplified(store, tmp_path: Path) -> None:  # noqa: ANN001
    from opencc import OpenCC

    simplified = report_text({"1.1": "本单位负责图书馆的资金管理，执行率为95%。"}, title="繁体报告项目", unit="青川市图书馆",
                             table=None)
    traditional = OpenCC("s2t").convert(simplified).translate(str.maketrans("爲羣衆", "為群眾"))  # Big5's forms of OpenCC's
    assert "項目" in traditional and "圖書館" in traditional
    path = tmp_path / "big5.txt"
    path.write_bytes(traditional.encode("big5"))
    result = import_paths(store, [path])
    assert not result.errors, result.errors
    (item,) = result.imported
    assert item["title"] == "繁体报告项目" and item["unit"] == "青川市图书馆"
    assert item["sections"] >= 10
    (row,) = store.query("SELECT text FROM paragraphs WHERE section_key = '1.1'")
    assert row["text"] == "本单位负责图书馆的资金管理，执行率为95%。"


@pytest.mark.parametrize("codec", ["cp1251", "shift_jis"])
def test_text_in_no_chinese_encoding_is_refused_not_stored_as_mojibake(cli, tmp_path: Path, codec: str) -> None:  # noqa: ANN001
    words = {"cp1251": "Отчёт об исполнении бюджета учреждения культуры за отчётный год. ",
             "shift_jis": "予算の執行状況について報告します。図書館の運営費は計画どおりに支出されました。"}
    path = tmp_path / "foreign.txt"
    path.write_bytes(("項目名称：" if codec == "shift_jis" else "").encode(codec, errors="ignore")
                     + (words[codec] * 30).encode(codec))
    result = cli("import", str(path), "--json")
    assert result.code == 1
    assert "编码" in result.json()["errors"][0]["message"]
    assert cli("reports", "--json").json() == []


# ---- 5. linear time: a guard against hangs (the ratios are in bench/bench_linear.py)

def test_a_digit_run_of_200k_characters_imports_without_hanging(tmp_path: Path) -> None:
    path = tmp_path / "digits.txt"
    path.write_text(report_text({"1.1": "编码" + "7" * 200_000 + "号"}, title="长数字项目"), encoding="utf-8")
    result = _zipin(["--db", str(tmp_path / "z.db"), "import", str(path)], tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr.decode()


def test_many_codes_and_numbers_in_one_paragraph_extract_without_hanging(tmp_path: Path) -> None:
    """40,000 codes (blocked spans) and 40,000 amounts: every number was checked against every
    code before (about 10⁹ comparisons, minutes); now seconds."""
    text = "编号A1，拨款5万元；" * 40_000
    result = _zipin(["extract", "-", "--json"], tmp_path, stdin=text.encode(), timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert len(data) == 40_000 and {d["kind"] for d in data} == {"money"}


# ---- 6. doctor: a store another process is writing is busy, not damaged

def test_doctor_check_only_reports_a_locked_store_as_busy_not_damaged(cli, db_path: Path) -> None:  # noqa: ANN001
    with open_store(db_path) as store:
        import_paths(store, [SAMPLE])
    stop = threading.Event()

    def importer_like() -> None:  # short write transactions back to back, as concurrent imports make
        conn = sqlite3.connect(db_path, timeout=10, isolation_level=None)
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE reports SET updated_at = updated_at WHERE id = 1")
            time.sleep(0.03)
            conn.execute("COMMIT")
            time.sleep(0.003)
        conn.close()

    writer = threading.Thread(target=importer_like)
    writer.start()
    try:
        results = [cli("doctor", "--check-only", "--json") for _ in range(6)]
    finally:
        stop.set()
        writer.join()
    for result in results:
        assert all(c["ok"] for c in result.json()["checks"]), result.json()
        assert result.code == 0


def test_doctor_names_a_store_held_too_long_as_busy(cli, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from store import doctor

    with open_store(db_path) as store:
        import_paths(store, [SAMPLE])
        store.conn.execute("DELETE FROM names")  # a repair to make, which needs the write lock
        store.conn.commit()
    monkeypatch.setattr(doctor, "BUSY_WAIT", 0.3)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli("doctor", "--json")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    names = {c["name"]: c for c in result.json()["checks"]}["名称索引"]
    assert names["busy"] and not names["repaired"] and "占用" in names["detail"]
    assert result.code == 75
    with open_store(db_path) as store:  # nothing was lost: the repair runs once the lock is free
        assert store.one("SELECT count(*) AS n FROM names")["n"] == 0
    assert cli("doctor", "--json").code == 0


# ---- 7. plain arguments: one Chinese line and a usage exit code, never exit 70

@pytest.mark.parametrize("args", [
    ["show", "²"], ["show", "①"], ["show", "名称@²"], ["show", "1" * 30], ["show", "7" * 5000],
    ["search", "执行率", "--year", "9223372036854775808"], ["suggest", "--section", "2.2", "--year", "9223372036854775808"],
    ["draft", "--title", "测试", "--year", "9223372036854775808", "--no-tui"], ["show", "全民阅读推广专项经费@99999999999999999999"],
    ["check", "1" * 30], ["export", "1" * 30, "-o", "x.txt"], ["dismiss", "1" * 30, "abc", "--reason", "x"],
])
def test_plain_arguments_get_a_usage_message_not_an_internal_error(cli, args: list[str]) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    result = cli(*args)
    assert result.code == 2, result.err
    _one_chinese_line(result.err)


def test_a_file_name_longer_than_the_file_system_allows(cli, tmp_path: Path) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    long_name = "报" * 200 + ".txt"  # 600 bytes: over NAME_MAX
    result = cli("import", str(tmp_path / long_name))
    assert result.code == 1 and "文件名太长" in result.err
    _clean(result.err)
    result = cli("export", CLEAN, "-o", str(tmp_path / long_name))
    assert result.code == 1 and "文件名太长" in result.err
    _one_chinese_line(result.err)


def test_a_db_path_naming_an_unknown_home_folder(tmp_path: Path) -> None:
    env = {**os.environ, "ZIPIN_DB": "~nouser-zipin-test/x.db", "ZIPIN_CACHE": str(CACHE)}
    result = subprocess.run([*ZIPIN, "reports"], capture_output=True, env=env, timeout=60)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "~nouser-zipin-test" in err and "用户" in err
    _one_chinese_line(err)


def test_output_to_a_full_disk_says_so(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.fail("this system has no /dev/full")
    db = tmp_path / "z.db"
    _zipin(["--db", str(db), "import", str(SAMPLE)], tmp_path)
    with open("/dev/full", "w") as full:
        result = subprocess.run([*ZIPIN, "--db", str(db), "reports"], stdout=full, stderr=subprocess.PIPE,
                                env={**os.environ, "ZIPIN_CACHE": str(CACHE)}, timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 1 and "磁盘已满" in err
    _one_chinese_line(err)


# ---- 8. no raw Python error in import messages

def _docx_bytes(tmp_path: Path) -> bytes:
    from .helpers import text_to_docx

    return text_to_docx(report_text(title="损坏测试项目"), tmp_path / "good.docx").read_bytes()


def test_a_crc_corrupt_docx_is_named_damaged(cli, tmp_path: Path) -> None:  # noqa: ANN001
    import zipfile

    good = tmp_path / "good.docx"
    good.write_bytes(_docx_bytes(tmp_path))
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("word/document.xml")
    data = bytearray(good.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 40, start + min(info.compress_size - 8, 400)):
        data[i] ^= 0x5A
    bad = tmp_path / "crc.docx"
    bad.write_bytes(bytes(data))
    result = cli("import", str(bad), "--json")
    assert result.code == 1
    message = result.json()["errors"][0]["message"]
    assert "文件已损坏" in message
    _clean(message)
    assert not re.search(r"zlib|Error|CRC", message)


def test_an_encrypted_docx_says_to_remove_the_password(cli, tmp_path: Path) -> None:  # noqa: ANN001
    # What Word writes for a password-protected .docx: an OLE compound file holding «EncryptedPackage».
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    path = tmp_path / "locked.docx"
    path.write_bytes(header + directory + b"\x00" * 4096)
    result = cli("import", str(path), "--json")
    assert result.code == 1
    assert "文件已加密，请先在 Word 中取消密码" in result.json()["errors"][0]["message"]


def test_a_zip_encrypted_docx_says_so(cli, tmp_path: Path) -> None:  # noqa: ANN001
    import zipfile

    data = bytearray(_docx_bytes(tmp_path))
    path = tmp_path / "zipcrypt.docx"
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as zf:
        offsets = [i.header_offset for i in zf.infolist()]
    central = bytes(data).find(b"PK\x01\x02")
    for offset in offsets:  # set the «encrypted» flag bit in every local and central header
        data[offset + 6] |= 1
    pos = central
    while pos != -1:
        data[pos + 8] |= 1
        pos = bytes(data).find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    result = cli("import", str(path), "--json")
    assert result.code == 1
    assert "文件已加密" in result.json()["errors"][0]["message"]


def test_a_file_name_that_is_not_utf8_imports(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/\xb1\xa8\xb8\xe6.txt"  # 报告.txt in GBK: not UTF-8
    with open(raw, "wb") as fh:
        fh.write(report_text(title="非UTF8文件名项目").encode("utf-8"))
    result = _zipin(["--db", str(tmp_path / "z.db"), "import", os.fsdecode(raw), "--json"], tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["imported"][0]["title"] == "非UTF8文件名项目"
    assert data["imported"][0]["path"].endswith(".txt")
    result = _zipin(["--db", str(tmp_path / "z.db"), "import", os.fsdecode(raw)], tmp_path)
    assert result.returncode == 0 and "已导入过" in result.stdout.decode()


def test_a_table_cell_of_5000_digits_imports(cli, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "digits.txt"
    path.write_text(report_text(table=mof_table(total=("9" * 5000, "100", "95"))), encoding="utf-8")
    result = cli("import", str(path), "--json")
    assert result.code == 0, result.out + result.err
    shown = cli("show", "测试项目", "--json")
    assert shown.code == 0
    assert shown.json()["table"]["cells"]["total"]["initial"]["value"] == "9" * 5000


# ---- 9. a journal that cannot be read never locks its draft

def _draft_with_journal(db_path: Path, name: str, content: bytes) -> int:
    from store.drafts import NewDraft, create_draft
    from store.journal import journal_dir

    with open_store(db_path) as store:
        draft = create_draft(store, NewDraft("日志损坏草稿", "青川市图书馆", "", 2026, "mof2020"))
    folder = journal_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name.format(draft=draft)).write_bytes(content)
    return draft


@pytest.fixture
def rescue_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ZIPIN_RESCUE", str(tmp_path / "rescue"))
    return tmp_path / "rescue"


def test_a_journal_of_invalid_utf8_is_moved_aside_with_a_notice(cli, db_path: Path, rescue_here: Path) -> None:  # noqa: ANN001
    draft = _draft_with_journal(db_path, "{draft}_2.2_20260101120000000000.txt", b"\xff\xfe\xfa broken")
    for command in (["show", str(draft)], ["check", str(draft)]):
        result = cli(*command)
        assert result.code == 0, result.err
    first = cli("show", str(draft))
    assert first.code == 0
    moved = list(rescue_here.rglob("*.unreadable"))
    assert len(moved) == 1 and moved[0].read_bytes() == b"\xff\xfe\xfa broken"


def test_a_journal_notice_is_shown_once(cli, db_path: Path, rescue_here: Path) -> None:  # noqa: ANN001
    draft = _draft_with_journal(db_path, "{draft}_2.2_20260101120000000000.txt", b"\xff\xfe\xfa broken")
    result = cli("show", str(draft))
    assert result.code == 0 and "无法读取" in result.err and "已移到" in result.err
    assert "无法读取" not in cli("show", str(draft)).err


def test_a_journal_never_creates_a_section_the_outline_lacks(cli, db_path: Path, rescue_here: Path) -> None:  # noqa: ANN001
    draft = _draft_with_journal(db_path, "{draft}_zz_20260101120000000000.txt", "不该出现的一节".encode())
    result = cli("show", str(draft), "--json")
    assert result.code == 0
    assert "zz" not in [s["key"] for s in result.json()["sections"]]
    assert "zz" in result.err and "提纲" in result.err


# ---- 10. a damaged store takes no write

def _damage(db_path: Path) -> None:
    """Point the free-page list at a page that does not exist: every table still reads, and
    integrity_check reports «invalid page number», as the damaged stores of the attack did."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(db_path, "r+b") as fh:
        fh.seek(32)  # the header's first freelist trunk page, then the number of free pages
        fh.write((0x7FFFFF00).to_bytes(4, "big") + (3).to_bytes(4, "big"))


def test_import_into_a_damaged_store_is_refused(cli, db_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    _damage(db_path)
    integrity = sqlite3.connect(db_path).execute("PRAGMA integrity_check").fetchall()
    assert integrity != [("ok",)]
    before = db_path.read_bytes()
    new = tmp_path / "new.txt"
    new.write_text(report_text(title="损坏库项目"), encoding="utf-8")
    result = cli("import", str(new))
    assert result.code == 1
    assert "已损坏" in result.err and "zipin doctor" in result.err
    _one_chinese_line(result.err)
    assert db_path.read_bytes() == before


# ---- 11. UTF-16 without a BOM

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(store, tmp_path: Path, codec: str) -> None:  # noqa: ANN001
    path = tmp_path / "utf16.txt"
    path.write_bytes(report_text(title="无BOM项目", table=None).encode(codec))  # mostly Chinese: few NUL bytes
    result = import_paths(store, [path])
    assert not result.errors, result.errors
    assert result.imported[0]["title"] == "无BOM项目"


# ---- 12. empty or garbage reports are refused with the reason

@pytest.mark.parametrize(("content", "reason"), [
    ("\u3000\n\t\n \t \n", "文件为空"),
    ("\t\n\t\n\n", "文件为空"),
    ("项目名称：" + "很长的项目名称" * 50_000, "项目名称过长"),
    ("项目名称：只有名称的项目\n", "没有任何一节"),
], ids=["full-width space and tabs", "tab-only lines", "350,000-character title", "title only"])
def test_empty_or_garbage_reports_are_refused(cli, tmp_path: Path, content: str, reason: str) -> None:  # noqa: ANN001
    path = tmp_path / "garbage.txt"
    path.write_text(content, encoding="utf-8")
    result = cli("import", str(path), "--json")
    assert result.code == 1, result.out
    assert reason in result.json()["errors"][0]["message"]
    assert cli("reports", "--json").json() == []


def test_a_docx_holding_only_a_one_cell_table_is_refused(cli, tmp_path: Path) -> None:  # noqa: ANN001
    path = docx_from_xml(tmp_path / "cell.docx", f'<w:document xmlns:w="{W}"><w:body><w:tbl><w:tblGrid><w:gridCol/>'
                                                 "</w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>备注</w:t></w:r></w:p></w:tc>"
                                                 "</w:tr></w:tbl></w:body></w:document>")
    result = cli("import", str(path), "--json")
    assert result.code == 1
    assert "没有项目名称" in result.json()["errors"][0]["message"]
    assert cli("reports", "--json").json() == []


# ---- 13. JSON is always valid: amounts as exact decimal strings

def test_json_never_prints_infinity(cli, tmp_path: Path) -> None:  # noqa: ANN001
    huge = "9" * 400
    result = cli("extract", f"支出{huge}万元", "--json")
    assert "Infinity" not in result.out
    (mention,) = json.loads(result.out, parse_constant=lambda c: pytest.fail(f"invalid JSON constant {c}"))
    assert mention["value"] == huge + "0000"
    path = tmp_path / "huge.txt"
    path.write_text(report_text({"2.2": f"全年支出{huge}万元。"}, table=mof_table(total=(huge, "100", "95"))),
                    encoding="utf-8")
    assert cli("import", str(path)).code == 0
    shown = cli("show", "测试项目", "--json").out
    assert "Infinity" not in shown
    data = json.loads(shown, parse_constant=lambda c: pytest.fail(f"invalid JSON constant {c}"))
    assert data["table"]["cells"]["total"]["initial"]["value"] == huge


# ---- 14. usage errors in Chinese; -- before a path that starts with a dash

def test_a_path_starting_with_a_dash_after_double_dash(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    Path("-l.txt").write_text(report_text(title="短横线项目"), encoding="utf-8")
    result = cli("import", "-l.txt")
    assert result.code == 2 and "-l.txt" in result.err and "--" in result.err
    _one_chinese_line(result.err)
    result = cli("import", "--json", "--", "-l.txt")
    assert result.code == 0 and result.json()["imported"][0]["title"] == "短横线项目"


@pytest.mark.parametrize(("args", "words"), [
    (["import", "-l"], "没有这个选项"),
    (["export", "1", "-o", "{tmp}"], "是一个文件夹"),
    (["export", "1"], "缺少选项"),
    (["show"], "缺少参数"),
    (["search", "--limit", "0"], "1"),
    (["check", "1", "--fail-on", "fatal"], "error"),
    (["search", "x", "--limit"], "需要一个值"),
    (["reports", "extra"], "多余的参数"),
    (["--frobnicate"], "没有这个选项"),
    (["import", "{tmp}/unreadable.txt", "--json", "--json=3"], "不接受值"),
])
def test_click_errors_are_one_chinese_line(cli, tmp_path: Path, args: list[str], words: str) -> None:  # noqa: ANN001
    result = cli(*[a.format(tmp=tmp_path) for a in args])
    assert result.code == 2, result.err
    assert words in result.err
    _one_chinese_line(result.err)


# ---- 15. low severity

def test_import_of_an_empty_path_is_refused(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    Path("report.txt").write_text(report_text(title="当前文件夹项目"), encoding="utf-8")
    result = cli("import", "")
    assert result.code == 2 and "路径为空" in result.err
    assert cli("reports", "--json").json() == []


def test_suggest_with_an_unknown_section_is_a_usage_error(cli) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    result = cli("suggest", "--section", "zz")
    assert result.code == 2 and "没有「zz」这一节" in result.err
    _one_chinese_line(result.err)


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    db = tmp_path / "z.db"
    _zipin(["--db", str(db), "import", str(SAMPLE)], tmp_path)
    shell = f"{ZIPIN[0]} --db {db} show 1 | head -1; echo \"status=${{PIPESTATUS[0]}}\""
    result = subprocess.run(["bash", "-c", shell], capture_output=True, timeout=60,
                            env={**os.environ, "ZIPIN_CACHE": str(CACHE)})
    out = result.stdout.decode()
    assert out.endswith("status=0\n"), (out, result.stderr.decode())
    assert result.stderr == b""


def test_a_full_disk_reads_disk_full(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from types import SimpleNamespace

    from store.db import _translate

    monkeypatch.setattr("shutil.disk_usage", lambda path: SimpleNamespace(total=1 << 30, used=1 << 30, free=4096))
    assert "磁盘已满" in _translate(sqlite3.OperationalError("disk I/O error"), tmp_path / "z.db").message
    assert "磁盘已满" in _translate(sqlite3.OperationalError("database or disk is full"), tmp_path / "z.db").message


def test_full_width_digits_in_the_year(store, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "fullwidth.txt"
    path.write_text(report_text(title="全角年份项目", filed="２０２６年２月１日", table=None), encoding="utf-8")
    result = import_paths(store, [path])
    assert result.imported[0]["year"] == 2026


def test_errno_reasons_are_chinese() -> None:
    from store.errors import os_reason

    assert os_reason(OSError(errno.ENAMETOOLONG, "File name too long")) == "文件名太长"
    assert os_reason(OSError(errno.ENXIO, "No such device or address")) == "设备不可用"
