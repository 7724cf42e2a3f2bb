"""Import time against file size: one text file of 1, 2, 5 and 10 MB of distinct reports.

Each copy of the base reports (the seed, or the bundled sample where the seed is absent) gets
its project names numbered, so no report is skipped as already imported.  Linear means the
seconds per MB stay flat as the file grows.  Also printed: how long the file's one write
transaction holds the store's write lock (an autosave meanwhile goes to the journal).
"""

from __future__ import annotations

import contextlib
import re
import sys
import tempfile
import time
from pathlib import Path

from _corpus import SAMPLE, SEED

from store import db as store_db
from store.db import open_store
from store.importer import import_paths

MB = 1024 * 1024
_TITLE = re.compile(r"(项目名称[：:]\s*)(\S+)")


def base_text() -> tuple[str, str]:
    if SEED.exists():
        return SEED.read_text(encoding="utf-8"), "seed"
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))), "sample"


def grown(base: str, size: int) -> str:
    parts, total, n = [], 0, 0
    while total < size:
        copy = _TITLE.sub(lambda m, n=n: f"{m.group(1)}{m.group(2)}（第{n}批）", base)
        parts.append(copy)
        total += len(copy.encode())
        n += 1
    return "\n".join(parts)


def timing_writes(held: list[float]):  # noqa: ANN201 - a replacement for Store.write
    original = store_db.Store.write

    @contextlib.contextmanager
    def write(self, wait: float = store_db.LOCK_RETRY_SECONDS):  # noqa: ANN001, ANN202
        with original(self, wait) as db:
            started = time.perf_counter()
            yield db
        held.append(time.perf_counter() - started)

    return write


def main(sizes: tuple[int, ...] = (1, 2, 5, 10)) -> None:
    base, source = base_text()
    held: list[float] = []
    store_db.Store.write = timing_writes(held)  # type: ignore[method-assign]
    print(f"base: {source}; one file per size, a fresh store each")
    print(f"{'MB':>4} {'reports':>8} {'seconds':>8} {'s/MB':>6} {'lock held s':>12} {'progress calls':>15}")
    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "big.txt"
            path.write_text(grown(base, mb * MB), encoding="utf-8")
            calls: list[int] = []
            with open_store(Path(tmp) / "bench.db") as store:
                held.clear()
                started = time.perf_counter()
                result = import_paths(store, [path], progress=calls.append)
                seconds = time.perf_counter() - started
            assert not result.errors, result.errors
            size = path.stat().st_size / MB
            print(f"{size:>4.1f} {len(result.imported):>8} {seconds:>8.1f} {seconds / size:>6.2f} {max(held):>12.2f}"
                  f" {len(calls):>15}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
