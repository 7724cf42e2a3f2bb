"""Start-up as the user waits for it: the installed `zipin` in a pseudo-terminal, timed from
launching the process to what the terminal shows (read as the terminal draws it, with pyte).

- home, first paint: the home screen's filter field is on the screen (target < 0.3 s);
- home, reports listed: the status line counts the reports (the store is read in a worker);
- walk, first paint: `zipin draft …` shows the walk's panels (target < 0.5 s);
- walk, findings: the progress line counts the findings (target < 1 s).

Also printed: the time `import tui.app` takes in a fresh interpreter, and its three largest
imports.  The store holds the bundled sample reports and one draft.

    python bench/bench_startup.py            # 7 runs of each
    python bench/bench_startup.py --runs 3
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import ROOT  # noqa: F401 - puts the checkout on sys.path when run from a clone

from tests.processes import ZIPIN, Terminal

TITLE = "全民阅读推广专项经费"
MILESTONES = {
    "home": (["--db"], [("first paint", "直接输入即可筛选", 0.3), ("reports listed", "往年报告", None)]),
    "walk": (["--db", None, "draft", "--title", TITLE, "--year", "2026"],
             [("first paint", "往年表述F2插入", 0.5), ("findings", "待处理", 1.0)]),
}


def prepare(folder: Path) -> Path:
    path = folder / "startup.db"
    subprocess.run([*ZIPIN, "--db", str(path), "demo", "--no-tui"], check=True, capture_output=True)
    subprocess.run([*ZIPIN, "--db", str(path), "draft", "--title", TITLE, "--year", "2026", "--from",
                    f"{TITLE}@2025", "--no-tui"], check=True, capture_output=True)
    return path


def args_for(name: str, db: Path) -> list[str]:
    args, _ = MILESTONES[name]
    args = [str(db) if a is None else a for a in args]
    return [*args, str(db)] if args == ["--db"] else args


def one_run(name: str, db: Path, tmp: Path) -> dict[str, float]:
    """Seconds from the launch to each milestone of `name`."""
    started = time.monotonic()
    term = Terminal(args_for(name, db), tmp)
    seen: dict[str, float] = {}
    try:
        for label, text, _ in MILESTONES[name][1]:
            term.until(lambda text=text: term.shows(text), 30, f"「{text}」")
            seen[label] = time.monotonic() - started
    finally:
        os.kill(term.pid, signal.SIGTERM)
        os.waitpid(term.pid, 0)
    return seen


HEAVY = ("textual", "rich", "sqlite_utils", "click", "jieba", "rapidfuzz", "pypinyin", "docx")


def import_time() -> tuple[float, list[str]]:
    """`import tui.app` in a fresh interpreter of the installed package: seconds, and what the
    heavy libraries among its imports cost (cumulative, as `-X importtime` counts them)."""
    done = subprocess.run([sys.executable, "-P", "-X", "importtime", "-c", "import tui.app"], capture_output=True,
                          text=True, cwd=tempfile.gettempdir(), check=True)
    cumulative = {}
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)", line)
        if m:
            cumulative[m.group(2)] = max(cumulative.get(m.group(2), 0), int(m.group(1)))
    heavy = [f"{name} {cumulative[name] / 1000:.0f} ms" for name in HEAVY if name in cumulative]
    return cumulative.get("tui.app", 0) / 1e6, heavy or ["none of " + ", ".join(HEAVY)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores; {ZIPIN[0]}")
    seconds, top = import_time()
    print(f"import tui.app: {seconds * 1000:.0f} ms (of which {', '.join(top)})")
    with tempfile.TemporaryDirectory() as tmp:
        db = prepare(Path(tmp))
        for name, (_, milestones) in MILESTONES.items():
            results = [one_run(name, db, Path(tmp)) for _ in range(runs)]
            for label, _, target in milestones:
                times = [r[label] * 1000 for r in results]
                goal = f" (target < {target * 1000:.0f} ms)" if target else ""
                print(f"{name}, {label}: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms "
                      f"over {runs} runs{goal}")


if __name__ == "__main__":
    main()
