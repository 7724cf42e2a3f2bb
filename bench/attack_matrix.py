"""An attack matrix on the installed `zipin`: hostile files, encodings, Word files, special
files, arguments, environments, outputs and damaged stores, each run as a real process.

A case holds when the process ends within its time limit; never exits 70 nor shows a traceback
or «程序内部错误»; on failure says so in one Chinese line on stderr («错误：…», no English
sentence); prints valid JSON (no Infinity/NaN) when asked for JSON; and meets the case's own
expectation (the exit code, a special file still special, a refused store byte-for-byte
unchanged, text decoded as written).  Prints each failure, then «cases tried / held».

    python bench/attack_matrix.py           # all cases (a few minutes)
    python bench/attack_matrix.py --quick   # one case of each kind
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ZIPIN = shutil.which("zipin", path=str(Path(sys.executable).parent)) or "zipin"
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "store" / "sample"
MEMORY = 3 << 30  # bytes of address space a case may use: a runaway read fails instead of swamping the machine
ENGLISH = re.compile(r"\b(?:[A-Za-z]{3,}\s+){2}[A-Za-z]{2,}")
QUOTED = re.compile(r"「[^」]*」")  # what the user typed, quoted back: not our English
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
COVER = ("项目名称：攻击测试项目\n实施单位：青川市测试中心\n主管部门：青川市测试局\n填报时间：2025年2月1日\n"
         "一、项目概况\n（一）项目基本情况\n本单位全年支出资金95万元，执行率为96.5%。\n"
         "二、项目资金使用及管理情况\n（一）项目资金到位情况\n资金按时到位。\n")


@dataclass
class Case:
    group: str
    name: str
    args: list[str]
    expect: Callable[[subprocess.CompletedProcess[bytes]], str | None] = lambda r: None
    stdin: bytes | None = None
    env: dict[str, str] = field(default_factory=dict)
    shell: str | None = None  # run through bash instead (pipes, redirections)
    timeout: float = 60


def code(*allowed: int) -> Callable[[subprocess.CompletedProcess[bytes]], str | None]:
    return lambda r: None if r.returncode in allowed else f"exit {r.returncode}, expected {allowed}"


def both(*checks: Callable[[subprocess.CompletedProcess[bytes]], str | None]):  # noqa: ANN201
    return lambda r: next((why for why in (c(r) for c in checks) if why), None)


def says(word: str):  # noqa: ANN201
    return lambda r: None if word in (r.stdout + r.stderr).decode("utf-8", "replace") else f"«{word}» not said"


class Matrix:
    def __init__(self, folder: Path) -> None:
        self.dir = folder
        self.db = folder / "zipin.db"
        self.cases: list[Case] = []
        env = {**os.environ, "ZIPIN_CACHE": str(folder / "cache"), "ZIPIN_RESCUE": str(folder / "rescue")}
        env.pop("ZIPIN_DB", None)
        self.env = env

    def add(self, group: str, name: str, args: list[str], expect=None, **kw) -> None:  # noqa: ANN001, ANN003
        self.cases.append(Case(group, name, args, expect or (lambda r: None), **kw))

    def fresh_db(self) -> Path:
        """A store of its own for one case (the same report imported twice is skipped)."""
        folder = self.dir / "dbs"
        folder.mkdir(exist_ok=True)
        return folder / f"{len(self.cases)}.db"

    def file(self, name: str, data: bytes | str) -> Path:
        path = self.dir / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    def run(self, case: Case) -> tuple[subprocess.CompletedProcess[bytes] | None, str | None]:
        env = {**self.env, **case.env}
        argv = ["bash", "-c", case.shell] if case.shell else [ZIPIN, *case.args]
        try:
            result = subprocess.run(argv, input=case.stdin, capture_output=True, timeout=case.timeout, env=env,
                                    cwd=self.dir, preexec_fn=_limit_memory)
        except subprocess.TimeoutExpired:
            return None, f"no answer within {case.timeout:g} s"
        return result, _generic(case, result) or case.expect(result)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _generic(case: Case, r: subprocess.CompletedProcess[bytes]) -> str | None:
    out, err = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    if r.returncode == 70 or "Traceback" in out + err or "程序内部错误" in out + err or "程序错误" in out + err:
        return f"internal error (exit {r.returncode}): {(err or out)[-200:]}"
    if r.returncode not in (0, 1, 2, 75, 130):
        return f"exit {r.returncode}: {err[-200:]}"
    if r.returncode and not err.strip() and not out.strip() and not case.shell:
        return "failed silently"
    for line in err.splitlines():
        if line.startswith("错误：") and ENGLISH.search(QUOTED.sub("", line)):
            return f"English in the message: {line[:160]}"
    if "--json" in case.args and r.stdout.strip() and r.returncode in (0, 1):
        try:
            json.loads(out, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
        except ValueError as exc:
            return f"invalid JSON: {exc}"
    return None


# ---- the cases

def encodings(m: Matrix) -> None:
    text = COVER
    variants = {
        "utf-8": text.encode(), "utf-8 BOM": codecs.BOM_UTF8 + text.encode(), "gb18030": text.encode("gb18030"),
        "gbk": text.encode("gbk"), "utf-16-le BOM": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be BOM": codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf-16-le": text.encode("utf-16-le"),
        "utf-16-be": text.encode("utf-16-be"), "utf-8 + 1 bad byte": text.encode()[:40] + b"\xff" + text.encode()[40:],
        "utf-8 + gb18030 lines": text[:60].encode() + text[60:].encode("gb18030"),
        "big5": _traditional(text).encode("big5"), "traditional utf-8": _traditional(text).encode(),
        "crlf": text.replace("\n", "\r\n").encode(), "cr only": text.replace("\n", "\r").encode(),
        "escape sequences": ("\x1b[31m" + text + "\x1b]0;x\x07").encode(), "NUL inside": text.encode().replace(b"\n", b"\x00\n", 1),
    }
    for name, data in variants.items():
        path = m.file(f"enc-{len(m.cases)}.txt", data)
        for extra in ([], ["--json"]):
            m.add("encodings", f"{name} {' '.join(extra)}", ["--db", str(m.fresh_db()), "import", str(path), *extra],
                  both(code(0), says("攻击测试项目"), says("2025")))
    refused = {"cp1251": ("Отчёт об исполнении бюджета. " * 30).encode("cp1251"),
               "shift_jis": ("予算の執行状況について報告します。" * 20).encode("shift_jis"), "binary": bytes(range(256)) * 40,
               "empty": b"", "whitespace": b" \n\t\n", "full-width spaces": "\u3000\n\t\n".encode(),
               "NULs": b"\x00" * 5000, "latin-1": ("Rapport budgétaire annuel élaboré. " * 30).encode("latin-1"),
               "no report": "会议纪要\n今天讨论了食堂的菜单。\n".encode(), "one line 350k title": ("项目名称：" + "长" * 350_000).encode(),
               "title only": "项目名称：只有名称\n".encode(), "tab only": b"\t\n"}
    for name, data in refused.items():
        path = m.file(f"bad-{len(m.cases)}.txt", data)
        for extra in ([], ["--json"]):
            m.add("encodings", f"refused: {name} {' '.join(extra)}", ["--db", str(m.db), "import", str(path), *extra], code(1))


def _traditional(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("s2t").convert(text).translate(str.maketrans("爲羣衆", "為群眾"))  # Big5's forms of OpenCC's


def _docx(m: Matrix, name: str, body: str) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                    '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
                    'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
                    'main+xml"/></Types>')
        zf.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    return m.file(name, buffer.getvalue())


def _paragraphs(text: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines())


def word_files(m: Matrix) -> None:
    def span_table(span: str, cells: int = 50, grid: int = 3) -> str:
        tcs = "".join(f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc>'
                      for _ in range(cells))
        return f"<w:tbl><w:tblGrid>{'<w:gridCol/>' * grid}</w:tblGrid><w:tr>{tcs}</w:tr></w:tbl>"

    good = {f"gridSpan {s}": span_table(s) for s in ("1000000", "2000000000", "99999999999999999999", "0", "1")}
    good["no tblGrid"] = span_table("1000000").replace("<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>", "")
    good["nested tables"] = "<w:tbl><w:tr><w:tc>" * 30 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 30
    for name, table in good.items():
        path = _docx(m, f"doc-{len(m.cases)}.docx", _paragraphs(COVER) + table)
        m.add("word", name, ["--db", str(m.fresh_db()), "import", str(path), "--json"], both(code(0), says("攻击测试项目")),
              timeout=60)
    bad = {f"gridSpan «{s}»": _paragraphs(COVER) + span_table(s) for s in ("abc", "-1", "1.5", "１")}
    bad["only a one-cell table"] = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>备注</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    bad["empty body"] = ""
    for name, body in bad.items():
        path = _docx(m, f"doc-{len(m.cases)}.docx", body)
        m.add("word", f"refused: {name}", ["--db", str(m.db), "import", str(path), "--json"], code(1))
    whole = _docx(m, "whole.docx", _paragraphs(COVER)).read_bytes()
    damaged = {"truncated": whole[: len(whole) // 2], "not a zip": b"PK\x03\x04" + b"\x00" * 200,
               "OLE encrypted": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"),
               "old .doc renamed": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
               "crc corrupt": _corrupt(whole), "zip-encrypted flag": _flag_encrypted(whole), "zip bomb": _bomb()}
    for name, data in damaged.items():
        path = m.file(f"doc-{len(m.cases)}.docx", data)
        m.add("word", f"refused: {name}", ["--db", str(m.db), "import", str(path)], code(1))


def _corrupt(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
    out = bytearray(data)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size - 4, 200)):
        out[i] ^= 0x5A
    return bytes(out)


def _flag_encrypted(data: bytes) -> bytes:
    out = bytearray(data)
    for marker, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(marker)
        while pos != -1:
            out[pos + offset] |= 1
            pos = data.find(marker, pos + 4)
    return bytes(out)


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("word/document.xml", "w", force_zip64=True) as fh:
        chunk = b" " * (1 << 20)
        for _ in range(210):
            fh.write(chunk)
    return buffer.getvalue()


def special_files(m: Matrix) -> None:
    fifo = m.dir / "in" / "pipe.txt"
    fifo.parent.mkdir(exist_ok=True)
    os.mkfifo(fifo)
    loop = m.dir / "in" / "loop.txt"
    loop.symlink_to(loop)
    long_name = str(m.dir / ("报" * 200 + ".txt"))
    raw = os.fsencode(m.dir / "in") + b"/\xb1\xa8\xb8\xe6.txt"
    with open(raw, "wb") as fh:
        fh.write(COVER.replace("攻击测试项目", "非UTF8文件名项目").encode())
    targets = {"fifo": str(fifo), "/dev/zero": "/dev/zero", "/dev/urandom": "/dev/urandom", "/dev/null": "/dev/null",
               "symlink loop": str(loop), "missing": str(m.dir / "nope.txt"), "name too long": long_name,
               "a folder of nothing": str(m.dir / "in" / "empty-folder")}
    (m.dir / "in" / "empty-folder").mkdir()
    for name, target in targets.items():
        m.add("special files", f"import {name}", ["--db", str(m.db), "import", target], code(0, 1), timeout=30)
        m.add("special files", f"import {name} --json", ["--db", str(m.db), "import", target, "--json"], code(0, 1),
              timeout=30)
    m.add("special files", "non-UTF-8 file name", ["--db", str(m.db), "import", os.fsdecode(raw), "--json"],
          both(code(0), says("非UTF8文件名项目")))
    m.add("special files", "empty path", ["--db", str(m.db), "import", ""], code(2))
    (m.dir / "-l.txt").write_text(COVER.replace("攻击测试项目", "短横线项目"), encoding="utf-8")  # in the working folder
    m.add("special files", "dash path without --", ["--db", str(m.db), "import", "-l.txt"], both(code(2), says("-- -l.txt")))
    m.add("special files", "dash path after --", ["--db", str(m.db), "import", "--json", "--", "-l.txt"],
          both(code(0), says("短横线项目")))


def exports(m: Matrix) -> None:
    node = m.dir / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        node = Path("/dev/null")
    fifo = m.dir / "out.fifo"
    os.mkfifo(fifo)
    link = m.dir / "link.txt"
    real = m.dir / "real.txt"
    real.write_text("旧", encoding="utf-8")
    link.symlink_to(real)
    dangling = m.dir / "dangling.txt"
    dangling.symlink_to(m.dir / "nowhere" / "x.txt")
    base = ["--db", str(m.db), "export", "全民阅读推广专项经费@2024", "--format", "txt"]
    for name, target, ok in (("device node", node, 1), ("FIFO", fifo, 1), ("symlink to a file", link, 0),
                             ("dangling symlink", dangling, 1), ("folder", m.dir, 2), ("missing folder", m.dir / "no" / "x.txt", 1),
                             ("name too long", m.dir / ("报" * 200 + ".txt"), 1)):
        def intact(r, target=target, name=name):  # noqa: ANN001, ANN202
            if name in ("device node", "FIFO") and not (stat.S_ISCHR(target.stat().st_mode) or stat.S_ISFIFO(target.stat().st_mode)):
                return "special file replaced"
            if name == "symlink to a file" and not target.is_symlink():
                return "symlink replaced"
            return None
        for flags in ([], ["--overwrite"]):
            expected = ok if flags or ok != 0 else 1
            m.add("export", f"{name} {' '.join(flags)}", [*base, "-o", str(target), *flags], both(code(expected), intact),
                  timeout=30)


def arguments(m: Matrix) -> None:
    d = ["--db", str(m.db)]
    refs = ["²", "①", "名称@²", "1" * 30, "7" * 5000, "全民阅读推广专项经费@99999999999999999999", "-1", "0", "", " ", "@",
            "@2025", "名称@", "全民阅读", "全民阅读推广@2025", "古藉数字化保护项目", "'; DROP TABLE reports; --", "１",
            "%", "_", "*", "\\"]
    for ref in refs:
        for command in (["show"], ["check"], ["show", "--json"], ["export", "-o", str(m.dir / "x.txt")]):
            m.add("arguments", f"{command[0]} «{ref[:20]}»", [*d, command[0], ref, *command[1:]], code(0, 1, 2))
    years = ["9223372036854775808", "-1", "0", "２０２５", "2025.5", "abc", "1" * 5000, "99999"]
    for year in years:
        m.add("arguments", f"search --year {year[:20]}", [*d, "search", "执行率", "--year", year], code(0, 2))
        m.add("arguments", f"suggest --year {year[:20]}", [*d, "suggest", "--section", "2.2", "--year", year], code(0, 2))
        m.add("arguments", f"draft --year {year[:20]}", [*d, "draft", "--title", "测试", "--year", year, "--no-tui"], code(0, 2))
    for section in ("zz", "9.9", "２.２", "", "2.2 ", "0"):
        m.add("arguments", f"suggest --section «{section}»", [*d, "suggest", "--section", section], code(0, 2))
        m.add("arguments", f"search --section «{section}»", [*d, "search", "x", "--section", section], code(0, 2))
    for args in (["chek"], ["show"], ["import"], ["--frobnicate"], ["reports", "-l"], ["reports", "extra"],
                 ["search", "--limit", "0"], ["search", "--limit", "9" * 30], ["search", "--limit"], ["reports", "--json=3"],
                 ["check", "1", "--fail-on", "fatal"], ["reports", "--kind", "x"], ["--json", "dismiss", "1", "x", "--reason", "r"],
                 ["extract"], ["dismiss", "1", "abc"], ["export", "1"], ["--db"], ["--version"], ["--help"], ["-h"]):
        m.add("arguments", " ".join(args)[:40], [*d, *args], code(0, 1, 2))
    for text in ("", "²³", "1e309万元", "9" * 5000 + "万元", "\x1b[31m\x07", "一" * 20000, "共计" * 20000 + "5万元"):
        m.add("arguments", f"extract «{text[:12]}»", [*d, "extract", text, "--json"], code(0, 1))


def environments(m: Matrix) -> None:
    (m.dir / "file.txt").write_text("x", encoding="utf-8")
    for value in ("~nouser-zipin/x.db", str(m.dir / "file.txt"), str(m.dir), str(m.dir / "file.txt" / "x.db")):
        m.add("environment", f"ZIPIN_DB={value[:30]}", ["reports"], code(0, 1, 2), env={"ZIPIN_DB": value})
    m.add("environment", "ZIPIN_CACHE unwritable", ["--db", str(m.db), "extract", "5万元"], code(0),
          env={"ZIPIN_CACHE": "/proc/zipin-cache"})


def outputs(m: Matrix) -> None:
    d = f"--db {m.db}"
    for command in ("reports", "show 1", "show 1 --json", "search 执行率", "search 执行率 --json", "extract 财政拨款5万元 --json",
                    "check 1", "doctor --check-only", "--help"):
        m.add("output", f"{command} > /dev/full", [], both(code(1), says("磁盘已满")),
              shell=f"{ZIPIN} {d} {command} > /dev/full")
        m.add("output", f"{command} | head -1", [],
              lambda r: None if r.stdout.decode().rstrip().endswith("status=0") and not r.stderr else
              f"closed pipe: {r.stdout.decode()[-30:]!r} {r.stderr.decode()[-80:]!r}",
              shell=f"{ZIPIN} {d} {command} | head -c 5 >/dev/null; echo status=${{PIPESTATUS[0]}}")
    for data, name in ((b"", "empty"), (bytes(range(256)) * 100, "binary"), ("财政拨款5万元".encode("gb18030"), "gb18030"),
                       (b"7" * 200_000, "200k digits"), (("拨款5万元，" * 50_000).encode(), "50k amounts")):
        m.add("output", f"extract - ({name})", ["--db", str(m.db), "extract", "-", "--json"], code(0, 1), stdin=data,
              timeout=120)


def stores(m: Matrix) -> None:
    good = m.dir / "stores" / "good.db"
    good.parent.mkdir()
    shutil.copy(m.db, good)
    variants: dict[str, Callable[[Path], None]] = {
        "garbage": lambda p: p.write_bytes(b"garbage" * 1000), "truncated": lambda p: p.write_bytes(p.read_bytes()[:5000]),
        "invalid page number": _bad_freelist, "newer schema": lambda p: _sql(p, "PRAGMA user_version = 999"),
        "another app's database": lambda p: (p.unlink(), _sql(p, "CREATE TABLE t(x)")), "empty file": lambda p: p.write_bytes(b""),
    }
    new = m.file("new.txt", COVER.replace("攻击测试项目", "损坏库项目"))
    for name, damage in variants.items():
        for command in (["reports"], ["show", "1"], ["import", str(new)], ["search", "资金"], ["doctor", "--check-only"]):
            path = m.dir / "stores" / f"store-{len(m.cases)}.db"
            shutil.copy(good, path)
            damage(path)
            before = path.read_bytes()

            def unchanged(r, path=path, before=before, command=command, name=name):  # noqa: ANN001, ANN202
                if command[0] == "import" and r.returncode == 0 and name != "empty file":  # (an empty file is a new store)
                    return "imported into a damaged store"
                changed = path.read_bytes() != before and command[0] == "import" and name != "empty file"
                return "store changed" if changed else None
            m.add("stores", f"{name}: {command[0]}", ["--db", str(path), *command], unchanged)


def _bad_freelist(path: Path) -> None:
    _sql(path, "PRAGMA wal_checkpoint(TRUNCATE)")
    with open(path, "r+b") as fh:
        fh.seek(32)
        fh.write((0x7FFFFF00).to_bytes(4, "big") + (3).to_bytes(4, "big"))


def _sql(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def journals(m: Matrix) -> None:
    import hashlib

    draft = subprocess.run([ZIPIN, "--db", str(m.db), "draft", "--title", "日志测试草稿", "--year", "2026", "--no-tui"],
                           capture_output=True, env=m.env, check=True).stdout.decode().strip()
    digest = hashlib.sha256(str(m.db.resolve()).encode()).hexdigest()[:16]
    folder = m.dir / "rescue" / "journal" / digest
    folder.mkdir(parents=True, exist_ok=True)
    for n, (key, content) in enumerate((("2.2", b"\xff\xfe broken"), ("zz", "不该有的一节".encode()),
                                        ("1.1", "正常的日志文字".encode()), ("3.1", "\ufeff\x00控制字符".encode()))):
        (folder / f"{draft}_{key}_2026010112000000000{n}.txt").write_bytes(content)

    def no_stray_section(r: subprocess.CompletedProcess[bytes]) -> str | None:
        keys = [s["key"] for s in json.loads(r.stdout)["sections"]] if r.returncode == 0 else []
        return "a journal created a section the outline lacks" if "zz" in keys else None

    m.add("journals", "show (first, restores)", ["--db", str(m.db), "show", draft], code(0))
    for command in (["check", draft], ["export", draft, "-o", str(m.dir / "j.md"), "--force"], ["dismiss", draft, "x", "--reason", "r"]):
        m.add("journals", command[0], ["--db", str(m.db), *command], code(0, 1))
    m.add("journals", "show --json", ["--db", str(m.db), "show", draft, "--json"], both(code(0), no_stray_section))
    m.add("journals", "restored text", ["--db", str(m.db), "show", draft], says("正常的日志文字"))


GROUPS = [encodings, word_files, special_files, exports, arguments, environments, outputs, stores, journals]


def main() -> None:
    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory(prefix="zipin-attack-") as tmp:
        m = Matrix(Path(tmp))
        subprocess.run([ZIPIN, "--db", str(m.db), "import", str(SAMPLE)], capture_output=True, env=m.env, check=True)
        for group in GROUPS:
            group(m)
        cases = m.cases
        if quick:
            seen: set[str] = set()
            cases = [c for c in cases if not (c.group in seen or seen.add(c.group))]
        tried, held = Counter(), Counter()
        started = time.monotonic()
        for case in cases:
            _result, why = m.run(case)
            tried[case.group] += 1
            if why is None:
                held[case.group] += 1
            else:
                print(f"FAILED [{case.group}] {case.name}: {why}")
        print(f"\n{'group':<16}{'tried':>7}{'held':>7}")
        for group in tried:
            print(f"{group:<16}{tried[group]:>7}{held[group]:>7}")
        print(f"\ncases tried / held: {sum(tried.values())} / {sum(held.values())}  ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
