"""Autosave latency: from the last keystroke typed into a real `zipin draft` (in a
pseudo-terminal) to the words being in the store, as another process would read them.

The crash guarantee is 0.5 s; this prints the distribution when typing starts 0.5 s after the
section opens (start-up work still running) and 2 s after (the screen settled).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _corpus import ROOT

sys.path.insert(0, str(ROOT))
from tests.processes import Terminal  # noqa: E402
from tests.test_crash import TYPED, _sample_store  # noqa: E402

SQL = ("SELECT s.text FROM sections s JOIN reports r ON r.id = s.report_id "
       "WHERE r.kind = 'draft' AND s.key = '3.1'")


def one_run(settle: float) -> float:
    tmp = Path(tempfile.mkdtemp())
    db = _sample_store(tmp)
    term = Terminal(["--db", str(db), "draft", "--title", "社区阅读推广项目", "--year", "2026",
                     "--section", "3.1"], tmp)
    term.wait_for("项目组织情况分析")
    term.read(settle)
    last = term.type(TYPED)[-1]
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        while (row := conn.execute(SQL).fetchone()) is None or row[0] != TYPED:
            if time.monotonic() - last > 5:
                break
            term.read(0.005)
        return time.monotonic() - last
    finally:
        conn.close()
        term.kill()


def main(runs: int = 12) -> None:
    for settle in (0.5, 2.0):
        ms = sorted(one_run(settle) * 1000 for _ in range(runs))
        print(f"typing {settle} s after the section opens: median {statistics.median(ms):.0f} ms, "
              f"max {ms[-1]:.0f} ms over {runs} runs (bound 500 ms)")


if __name__ == "__main__":
    main()
