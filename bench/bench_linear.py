"""No input may make import or extraction worse than linear: double the input, time it, print the
ratio per doubling (target ≤ 2.2; a quadratic pass shows as ≈ 4).

Cases (issue 15, item 5): a report whose one paragraph is a run of digits; one long paragraph
of prose with numbers; many ordinary paragraphs; `zipin extract -` on text from stdin (a real
process, start-up included, so its first sizes are large enough for start-up not to dominate).

Times are CPU seconds (of this process, or of the child for stdin), the best of three runs
(nine for a case that takes under three seconds in all) taken round-robin over the sizes, so that other work on a shared machine slows every size
alike and moves the ratios little; also printed is the mean ratio per doubling over the whole
range, (last / first) ** (1 / doublings).

    python bench/bench_linear.py            # every case
    python bench/bench_linear.py digits     # one case
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _corpus import ROOT  # noqa: F401 - puts the checkout on sys.path when run from a clone

from store.db import open_store
from store.importer import import_paths

TARGET = 2.2
COVER = "项目名称：线性测试项目\n实施单位：青川市测试中心\n主管部门：青川市测试局\n填报时间：2025年2月1日\n"
SENTENCE = "本年度举办培训班12期，培训基层人员1,250人次，支出经费3.5万元，执行率96.5%；"


def _report(body: str) -> str:
    return f"{COVER}一、项目概况\n（一）项目基本情况\n{body}\n二、项目资金使用及管理情况\n资金按计划使用。\n"


def digit_run(n: int) -> str:
    return _report("预算编码" + "7" * n + "号。")


def long_paragraph(n: int) -> str:
    return _report((SENTENCE * (n // len(SENTENCE) + 1))[:n])


def many_paragraphs(n: int) -> str:
    return _report("\n".join(SENTENCE for _ in range(max(1, n // len(SENTENCE)))))


def time_import(text: str) -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_text(text, encoding="utf-8")
        with open_store(Path(folder) / "zipin.db") as store:
            started = time.process_time()
            result = import_paths(store, [path])
            spent = time.process_time() - started
        if result.errors:
            raise SystemExit(f"import failed: {result.errors}")
        return spent


def time_stdin(n: int) -> float:
    zipin = shutil.which("zipin", path=str(Path(sys.executable).parent)) or "zipin"
    data = (SENTENCE * (n // len(SENTENCE) + 1))[:n].encode()
    before = _children_cpu()
    subprocess.run([zipin, "extract", "-", "--json"], input=data, stdout=subprocess.DEVNULL, check=True)
    return _children_cpu() - before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


ROUNDS = 3  # runs per size; a case whose runs take a fraction of a second gets more (`QUICK_ROUNDS`)
QUICK_ROUNDS = 9


def best_times(measure: Callable[[int], float], sizes: list[int]) -> list[float]:
    """Per size, the least of a few runs, the sizes taken in turn in each round."""
    best = [measure(size) for size in sizes]
    rounds = QUICK_ROUNDS if sum(best) < 3 else ROUNDS
    for _ in range(rounds - 1):
        for i, size in enumerate(sizes):
            best[i] = min(best[i], measure(size))
    return best


CASES: dict[str, tuple[str, Callable[[int], float], list[int]]] = {
    "digits": ("digit run in one paragraph (characters)", lambda n: time_import(digit_run(n)),
               [160_000, 320_000, 640_000, 1_280_000, 2_560_000]),
    "paragraph": ("one long paragraph (characters)", lambda n: time_import(long_paragraph(n)),
                  [150_000, 300_000, 600_000, 1_200_000]),
    "paragraphs": ("many paragraphs (characters)", lambda n: time_import(many_paragraphs(n)),
                   [150_000, 300_000, 600_000, 1_200_000]),
    "stdin": ("zipin extract - on stdin (characters)", time_stdin, [500_000, 1_000_000, 2_000_000, 4_000_000]),
}


def run(name: str) -> float:
    """Print one case's table; return its worst ratio per doubling."""
    title, measure, sizes = CASES[name]
    print(f"\n{name}: {title}")
    print(f"{'size':>10} {'CPU s':>9} {'ratio':>6}")
    times = best_times(measure, sizes)
    for i, (size, seconds) in enumerate(zip(sizes, times, strict=True)):
        ratio = f"{seconds / times[i - 1]:6.2f}" if i else ""
        print(f"{size:>10,} {seconds:>9.3f} {ratio}")
    worst = max(b / a for a, b in zip(times, times[1:], strict=False))
    mean = (times[-1] / times[0]) ** (1 / (len(times) - 1))
    verdict = "ok" if worst <= TARGET else "TOO SLOW"
    print(f"ratio per doubling: worst {worst:.2f}, mean {mean:.2f} (target ≤ {TARGET}): {verdict}")
    return worst


def main() -> None:
    names = sys.argv[1:] or list(CASES)
    time_import(many_paragraphs(1_000))  # jieba's start-up is paid here, not by the first size
    worst = {name: run(name) for name in names}
    print("\nsummary: " + ", ".join(f"{n} {w:.2f}" for n, w in worst.items()))


if __name__ == "__main__":
    main()
