"""Prepared reports parked on disk between preparing and writing them.

An import prepares a file's reports before it takes the store's write lock, so that the lock is
held only for the inserts.  Held in memory, a file's prepared reports cost about eight times the
file (a 50 MB file would need some 600 MB); parked in an unnamed temporary file, one report at a
time is in memory, and reading them back costs a few per cent of the import.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO

from extract.document import Report

from .errors import ZipinError, os_reason
from .prepared import PreparedSection

Parked = tuple[Report, list[PreparedSection]]


class Spool:
    """Write-once, read-once: `put` each report, then iterate over them in the same order.  The
    file has no name (it is gone when closed, or when the process dies) and only this process
    reads it, so pickle is safe here."""

    def __init__(self) -> None:
        try:
            self._file: IO[bytes] = tempfile.TemporaryFile(prefix="zipin-import-")
        except OSError as exc:
            raise ZipinError(f"无法创建导入用的临时文件：{os_reason(exc)}") from exc
        self.count = 0

    def put(self, report: Report, prepared: list[PreparedSection]) -> None:
        try:
            pickle.dump((report, prepared), self._file, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as exc:
            raise ZipinError(f"无法写入导入用的临时文件：{os_reason(exc)}") from exc
        self.count += 1

    def __iter__(self) -> Iterator[Parked]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
