"""Import speed in MB/s of text, on three kinds of file of about 2 MB each:

- «copies»: the base reports again and again, only their project names numbered (every clause
  repeats: the most a cache of cut clauses can gain);
- «yearly»: a department's projects year after year, each year's text last year's with a quarter
  of its paragraphs edited (a word in, a few characters out) and new numbers — as reports are
  written;
- «distinct»: every prose clause of every copy edited, so no clause repeats (the least it gains).

The base is the seed (or the bundled sample where the seed is absent).  Printed per kind: MB,
reports, seconds, MB/s, the store's size on disk and the importing process's peak resident memory.

    python bench/bench_import_speed.py [MB] [kinds...]    # default: 2 MB, every kind
"""

from __future__ import annotations

import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import _DIGITS, _edit, _jiggle
from bench_import_scaling import _TITLE, MB, base_text

from store.db import open_store
from store.importer import import_paths

_CLAUSE = re.compile(r"([^，。；]+)")


def _is_prose(line: str) -> bool:
    return len(line) > 20 and "，" in line and "\t" not in line and "|" not in line and "：" not in line[:8]


def _numbered(text: str, n: int) -> str:
    return _TITLE.sub(lambda m: f"{m.group(1)}{m.group(2)}（第{n}批）", text)


def copies(base: str, size: int) -> str:
    parts, n = [], 0
    while sum(map(len, parts)) * 3 < size:
        parts.append(_numbered(base, n))
        n += 1
    return "\n".join(parts)


def yearly(base: str, size: int) -> str:
    rng = random.Random(7)
    lines = base.splitlines()
    parts, n = [], 0
    while sum(map(len, parts)) * 3 < size:
        lines = [_edit(line, rng) if _is_prose(line) and rng.random() < 0.25 else line for line in lines]
        text = _DIGITS.sub(lambda m: _jiggle(m.group(0), rng), "\n".join(lines))
        parts.append(_numbered(text, n))
        n += 1
    return "\n".join(parts)


def distinct(base: str, size: int) -> str:
    rng = random.Random(11)
    parts, n = [], 0

    def every_clause(line: str) -> str:
        return _CLAUSE.sub(lambda m: _edit(m.group(0), rng), line) if _is_prose(line) else line

    while sum(map(len, parts)) * 3 < size:
        text = "\n".join(every_clause(line) for line in base.splitlines())
        parts.append(_numbered(_DIGITS.sub(lambda m: _jiggle(m.group(0), rng), text), n))
        n += 1
    return "\n".join(parts)


KINDS = {"copies": copies, "yearly": yearly, "distinct": distinct}


def one_kind(kind: str, path: Path) -> None:
    """One import in this (fresh) process: no cache is warm from another kind's text, and the
    peak memory is the import's own (the file was written by the parent)."""
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "bench.db") as store:
            started = time.perf_counter()
            result = import_paths(store, [path])
            seconds = time.perf_counter() - started
        assert not result.errors, result.errors
        size = path.stat().st_size / MB
        store_mb = (Path(tmp) / "bench.db").stat().st_size / MB
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{kind:>9} {size:>5.2f} {len(result.imported):>8} {seconds:>8.2f} {size / seconds:>6.2f}"
              f" {store_mb:>9.1f} {peak:>12.0f}", flush=True)


def main(mb: float, kinds: list[str]) -> None:
    base, source = base_text()
    print(f"base: {source}; one file of about {mb:g} MB per kind, a fresh store and a fresh process each")
    print(f"{'kind':>9} {'MB':>5} {'reports':>8} {'seconds':>8} {'MB/s':>6} {'store MB':>9} {'peak RSS MB':>12}",
          flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            path = Path(tmp) / f"{kind}.txt"
            path.write_text(KINDS[kind](base, int(mb * MB)), encoding="utf-8")
            subprocess.run([sys.executable, __file__, "--kind", kind, str(path)], check=True)
            path.unlink()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--kind":
        one_kind(sys.argv[2], Path(sys.argv[3]))
    else:
        main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0, sys.argv[2:] or list(KINDS))
