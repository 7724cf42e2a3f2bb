"""Importing past reports: each file in one transaction, so a file that fails leaves the store
as it was and the other files of the same command still go in.  Re-importing a file adds
nothing (content hash), nor does a report already stored from another file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.document import Report
from extract.errors import InputError
from extract.reader import SUFFIXES, read_bytes

from .db import Store, now
from .errors import StoreError, ZipinError, os_reason
from .facts import teach_names
from .prepared import PreparedSection, prepare_report
from .reports import content_hash, insert_report

Progress = Callable[[int], None]  # called with the bytes of input just dealt with
PARSE_SHARE = 0.3  # of a file's bytes, reported once it is read and split into reports
PREPARE_SHARE = 0.6  # …and as its reports are prepared; the inserts take the rest


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
    teach_names(store)
    for path in expand_paths(paths):
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
            result.errors.append({"path": str(path), "message": exc.message})
        except OSError as exc:
            result.errors.append({"path": str(path), "message": _os_message(exc)})
        except Exception as exc:  # a bug must not stop the other files or show a traceback
            result.errors.append({"path": str(path), "message": f"导入失败（程序错误 {type(exc).__name__}：{exc}）"})
        if progress is not None and path.is_file():
            step(path.stat().st_size)
    return result


def import_file(store: Store, path: Path, result: ImportResult, step: Callable[[int], None] = lambda _: None) -> None:
    """One file in one transaction.  Reading, splitting and preparing its reports (the slow
    part) happen before the transaction, which then holds the write lock only for the inserts."""
    if not path.exists():
        raise InputError("文件不存在")
    if path.is_dir():
        raise InputError("这是一个文件夹")
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if _seen(store, sha, path, result):
        return
    reports = read_bytes(data, path.name)
    step(int(len(data) * PARSE_SHARE))
    fresh = [i for i, r in enumerate(reports) if not _known_report(store, r)]
    prepared = {}
    for n, i in enumerate(fresh):
        prepared[i] = prepare_report(reports[i])
        step(int(len(data) * (PARSE_SHARE + PREPARE_SHARE * (n + 1) / len(fresh))))
    with store.write() as db:
        if _seen(store, sha, path, result):  # another process imported it while this one was reading
            return
        cur = db.execute(
            "INSERT INTO files (path, sha256, size, reports, imported_at) VALUES (?, ?, ?, ?, ?)",
            [str(path.resolve()), sha, len(data), 0, now()],
        )
        file_id = int(cur.lastrowid or 0)
        added = {i: _insert(db, reports[i], prepared[i], file_id, path) for i in fresh
                 if not _known_report(store, reports[i])}  # asked again: another import may have brought it
        # Written last, in the same transaction: a file row always counts the reports it brought.
        db.execute("UPDATE files SET reports = ? WHERE id = ?", [len(added), file_id])
    result.imported.extend(added.values())
    result.skipped.extend({"path": str(path), "title": r.title, "reason": "同一报告已在库中"}
                          for i, r in enumerate(reports) if i not in added)


def _seen(store: Store, sha: str, path: Path, result: ImportResult) -> bool:
    if store.one("SELECT 1 FROM files WHERE sha256 = ?", [sha]):
        result.skipped.append({"path": str(path), "reason": "已导入过（内容相同）"})
        return True
    return False


def _known_report(store: Store, report: Report) -> bool:
    return store.one("SELECT 1 FROM reports WHERE content_hash = ? AND kind = 'past'", [content_hash(report)]) is not None


def _insert(db: Any, report: Report, prepared: list[PreparedSection], file_id: int, path: Path) -> dict[str, Any]:
    report_id = insert_report(db, report, kind="past", file_id=file_id, prepared=prepared)
    return {"id": report_id, "title": report.title, "unit": report.unit, "year": report.year,
            "sections": len(report.sections), "path": str(path)}


def _os_message(exc: OSError) -> str:
    return f"无法读取文件：{os_reason(exc)}"
