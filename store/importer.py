"""Importing past reports: each file in one transaction, so a file that fails leaves the store
as it was and the other files of the same command still go in.  Re-importing a file adds
nothing (content hash), nor does a report already stored from another file.

Only regular files are read (a FIFO would block, /dev/zero never end), none larger than
`MAX_FILE_BYTES`; a report without a project name of sane length or without any section is not
stored; and a damaged store takes no import at all (`Store.write` refuses it).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.blocks import Block
from extract.document import Report
from extract.errors import InputError
from extract.reader import NO_REPORTS, SUFFIXES, fallback_profile, file_blocks, iter_reports

from .db import Store, now
from .errors import StoreError, ZipinError, os_reason, path_text
from .facts import teach_names
from .prepared import PreparedSection, prepare_report
from .reports import content_hash, insert_report
from .spool import Spool

Progress = Callable[[int], None]  # called with the bytes of input just dealt with
PARSE_SHARE = 0.1  # of a file's bytes, reported once it is read into lines and tables
PREPARE_SHARE = 0.8  # …and as its reports are read and prepared; the inserts take the rest
MAX_FILE_BYTES = 50 * 1024 * 1024  # a department's reports are a few MB; beyond this, split the file
MAX_TITLE = 100  # characters: a longer «project name» is a whole report written on one line


@dataclass
class ImportResult:
    imported: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": self.skipped, "errors": self.errors}


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import: the files given, and the report files inside the folders given."""
    out: list[Path] = []
    for raw in paths:
        if not str(raw).strip():
            raise InputError("路径为空：请给出要导入的文件或文件夹")
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            out.append(path)
    return out


def total_bytes(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file())


def import_paths(store: Store, paths: Iterable[str | Path], progress: Progress | None = None) -> ImportResult:
    """Import every file; `progress` hears of each step, in bytes, so a bar can move within a
    large file too."""
    result = ImportResult()
    files = expand_paths(paths)
    teach_names(store)
    for path in files:
        reported = [0]

        def step(done: int, reported: list[int] = reported) -> None:
            if progress is not None:
                progress(done - reported[0])
            reported[0] = done

        try:
            import_file(store, path, result, step)
        except StoreError:  # the store itself cannot take it (read-only, disk full): stop here
            raise
        except (InputError, ZipinError) as exc:
            result.errors.append({"path": path_text(path), "message": exc.message})
        except OSError as exc:
            result.errors.append({"path": path_text(path), "message": _os_message(exc)})
        except MemoryError:
            result.errors.append({"path": path_text(path), "message": "文件太大或结构异常，内存不足，已拒绝导入"})
        except Exception as exc:  # a bug must not stop the other files or show a traceback
            result.errors.append({"path": path_text(path),
                                  "message": f"导入失败：程序内部错误（{type(exc).__name__}），请把这个文件发给维护者"})
        if progress is not None:
            step(_regular_size(path))
    return result


def _regular_size(path: Path) -> int:
    try:
        info = path.stat()
    except OSError:
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def _read(path: Path) -> bytes:
    """A regular file's bytes, up to the size cap.  Anything else — a FIFO, a device, a socket —
    is refused before it is opened (a FIFO would block, /dev/zero never end)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("文件不存在") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("这是一个文件夹")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("不是普通文件（而是设备、管道或套接字），只能导入普通的 .txt、.md 或 .docx 文件")
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(_too_big(info.st_size))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped for something else since the stat
            raise InputError("不是普通文件（而是设备、管道或套接字），只能导入普通的 .txt、.md 或 .docx 文件")
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise InputError(_too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    return (f"文件超过 {_size(MAX_FILE_BYTES)}（实为 {_size(size)}），已拒绝导入。"
            "一个部门的往年报告通常只有几 MB，请把文件拆分后再导入")


def _size(n: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{n} 字节"


def unusable(report: Report) -> str | None:
    """Why a report parsed from a file cannot be stored, or None when it can."""
    if not report.title.strip():
        return "没有项目名称（封面的「项目名称：」或附表中的项目名称）"
    if len(report.title) > MAX_TITLE:
        return f"项目名称过长（{len(report.title):,} 字）：可能整份报告写在了一行里，请按提纲分行后再导入"
    if not any(s.key != "0" for s in report.sections):
        return "没有任何一节（未找到「一、项目概况」等提纲标题）"
    return None


def import_file(store: Store, path: Path, result: ImportResult, step: Callable[[int], None] = lambda _: None) -> None:
    """One file in one transaction.  Splitting and preparing its reports (the slow part) happen
    before the transaction, one report at a time, parked on disk (`Spool`); the transaction then
    holds the write lock only for the inserts."""
    data = _read(path)
    sha = hashlib.sha256(data).hexdigest()
    if _seen(store, sha, path, result):
        return
    size, blocks = len(data), file_blocks(data, os.fsdecode(path.name))
    del data  # from here on, memory holds the lines and one report at a time
    step(int(size * PARSE_SHARE))
    with Spool() as spool:
        found = _prepare(store, blocks, spool, lambda share: step(int(size * (PARSE_SHARE + PREPARE_SHARE * share))))
        del blocks
        with store.write() as db:
            if _seen(store, sha, path, result):  # another process imported it while this one was reading
                return
            added = _write_file(db, store, spool, found, path, sha, size)
    result.skipped.extend({"path": path_text(path)} | entry for entry in found.unusable)
    result.imported.extend(added)
    result.skipped.extend({"path": path_text(path), "title": title, "reason": "同一报告已在库中"}
                          for title in found.known)


@dataclass
class _Found:
    """What preparing a file's reports found besides the reports parked for writing."""

    profiles: list[str] = field(default_factory=list)  # every usable report's, to pick the fallback
    unusable: list[dict[str, Any]] = field(default_factory=list)  # skipped, with the reason
    known: list[str] = field(default_factory=list)  # titles of reports already stored
    reports: int = 0


def _prepare(store: Store, blocks: list[Block], spool: Spool, share: Callable[[float], None]) -> _Found:
    """Prepare and park each usable report not yet stored.  A file none of whose reports can be
    stored is refused with the first report's reason."""
    found, first_reason = _Found(), ""
    last_line = max(blocks[-1].line, 1) if blocks else 1
    for report in iter_reports(blocks):
        found.reports += 1
        why = unusable(report)
        if why is not None:
            first_reason = first_reason or why
            found.unusable.append({"title": report.title[:MAX_TITLE], "reason": why})
            continue
        found.profiles.append(report.profile)
        if _known_report(store, report):
            found.known.append(report.title)
        else:
            spool.put(report, prepare_report(report))
        share(min(1.0, report.source_line / last_line))
    if not found.reports:
        raise InputError(NO_REPORTS)
    if not found.profiles:
        more = f"（文件中 {found.reports} 份均如此）" if found.reports > 1 else ""
        raise InputError(f"没有可导入的报告：{first_reason}{more}")
    return found


def _write_file(db: Any, store: Store, spool: Spool, found: _Found, path: Path, sha: str,
                size: int) -> list[dict[str, Any]]:
    """The file's row and its parked reports, in the caller's transaction; a report another
    import brought meanwhile is counted as known."""
    cur = db.execute("INSERT INTO files (path, sha256, size, reports, imported_at) VALUES (?, ?, ?, ?, ?)",
                     [path_text(path.resolve()), sha, size, 0, now()])
    file_id = int(cur.lastrowid or 0)
    fallback = fallback_profile(found.profiles)
    added = []
    for report, prepared in spool:
        report.profile = report.profile or fallback
        if _known_report(store, report):  # asked again: another import, or this file, may have brought it
            found.known.append(report.title)
        else:
            added.append(_insert(db, report, prepared, file_id, path))
    # Written last, in the same transaction: a file row always counts the reports it brought.
    db.execute("UPDATE files SET reports = ? WHERE id = ?", [len(added), file_id])
    return added


def _seen(store: Store, sha: str, path: Path, result: ImportResult) -> bool:
    if store.one("SELECT 1 FROM files WHERE sha256 = ?", [sha]):
        result.skipped.append({"path": path_text(path), "reason": "已导入过（内容相同）"})
        return True
    return False


def _known_report(store: Store, report: Report) -> bool:
    return store.one("SELECT 1 FROM reports WHERE content_hash = ? AND kind = 'past'", [content_hash(report)]) is not None


def _insert(db: Any, report: Report, prepared: list[PreparedSection], file_id: int, path: Path) -> dict[str, Any]:
    report_id = insert_report(db, report, kind="past", file_id=file_id, prepared=prepared)
    return {"id": report_id, "title": report.title, "unit": report.unit, "year": report.year,
            "sections": len(report.sections), "path": path_text(path)}


def _os_message(exc: OSError) -> str:
    return f"无法读取文件：{os_reason(exc)}"
