"""Checks against the size of the store (issue 14): a check should cost what the report costs.

For stores of 10k and 100k paragraphs (bench/_corpus.py, built once under bench/out/), the median
and p95 of: a full check of the largest seed report (the sample's without the seed) and of a
20,000-character report, both stored as drafts; the names rule alone; loading the name index;
and a recheck after one section was edited and saved, as the live panel does after a pause in
typing.  A «full» check keeps nothing from the previous one but what depends on the store alone
(the name automaton, per store generation); the recheck keeps each section's findings.

    python bench/bench_checks_scale.py [--rounds N] [--sizes 10000,100000] [--profile]

The same script runs on a checkout of older code (no section cache there): copy it in and run it
from that checkout to compare.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import json
import pstats
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from _corpus import base_reports, build_store

from checks import check_report
from checks.load import load_input, name_index
from checks.registry import run_rules
from extract.document import Report
from extract.outline import outline_of
from store.db import Store, open_store
from store.draft_text import save_text
from store.reports import insert_report

try:
    from checks import section_cache
except ImportError:  # the code before issue 14
    section_cache = None

GROWN_CHARS = 20_000


def reports() -> tuple[Report, Report, str]:
    """The largest report at hand, and one grown to 20,000 characters from the others' paragraphs."""
    found, source = base_reports()
    largest = max(found, key=_chars)
    grown = copy.deepcopy(largest)
    table = outline_of(grown).table_section
    sections = [s for s in grown.sections if s.key != table and s.paragraphs]
    pool = [p for r in found for s in r.sections if s.key != table for p in s.paragraphs if len(p) > 40]
    i = 0
    while _chars(grown) < GROWN_CHARS and pool and sections:
        sections[i % len(sections)].paragraphs.append(pool[i % len(pool)])
        i += 1
    return largest, grown, source


def _chars(report: Report) -> int:
    return sum(len(s.text) for s in report.sections)


def drafts(store: Store, path: Path, largest: Report, grown: Report) -> dict[str, int]:
    """The two reports stored as drafts in the cached store, once (their ids kept beside it)."""
    side = path.with_suffix(".checks.json")
    if side.exists():
        return json.loads(side.read_text())
    with store.write() as db:
        ids = {"largest": insert_report(db, largest, kind="draft"), "grown": insert_report(db, grown, kind="draft")}
    side.write_text(json.dumps(ids))
    return ids


def timed(fn: Callable[[], object], rounds: int,
          before: Callable[[], object] = lambda: None) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each round (CPU time moves less with the load of a shared machine)."""
    wall, cpu = [], []
    for _ in range(rounds):
        before()
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def forget() -> None:
    """Keep nothing of the previous check but what depends on the store alone."""
    if section_cache is not None:
        section_cache.clear()


def edit_one_section(store: Store, report_id: int) -> Callable[[], None]:
    """Each call edits another section: appends a sentence with a number, as typing does."""
    sections = [r for r in store.query("SELECT key, text FROM sections WHERE report_id = ? AND text != '' "
                                       "ORDER BY ord", [report_id])]
    count = [0]

    def edit() -> None:
        section = sections[count[0] % len(sections)]
        count[0] += 1
        save_text(store, report_id, section["key"], section["text"] + f"\n另支出{count[0]}.5万元。")

    edit.restore = lambda: [save_text(store, report_id, s["key"], s["text"]) for s in sections]  # type: ignore[attr-defined]
    return edit


def figures(times: tuple[list[float], list[float]]) -> str:
    wall, cpu = times
    return (f"median {statistics.median(wall):6.1f} ms, p95 {_p95(wall):6.1f} ms "
            f"(CPU median {statistics.median(cpu):6.1f} ms, p95 {_p95(cpu):6.1f} ms)")


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def bench_store(size: int, rounds: int, largest: Report, grown: Report, profile: bool) -> None:
    path, _ = build_store(size)
    with open_store(path) as store:
        ids = drafts(store, path, largest, grown)
        paragraphs = store.one("SELECT count(*) AS n FROM paragraphs")["n"]
        names = store.one("SELECT count(DISTINCT name) AS n FROM names")["n"]
        disk = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20
        print(f"store of {paragraphs} paragraphs, {names} distinct names, {disk:.0f} MiB on disk ({path.name})")
        for label, report_id in (("largest seed report", ids["largest"]), ("20,000-character report", ids["grown"])):
            chars = sum(len(r["text"]) for r in store.query("SELECT text FROM sections WHERE report_id = ?",
                                                            [report_id]))
            check_report(store, report_id)  # warm: jieba, pinyin, the name automaton
            full = timed(lambda r=report_id: check_report(store, r), rounds, forget)
            data = load_input(store, report_id)
            names_rule = timed(lambda d=data: run_rules(d, only=["names"]), rounds, forget)
            edit = edit_one_section(store, report_id)
            check_report(store, report_id)
            again = timed(lambda r=report_id: check_report(store, r), rounds, edit)
            edit.restore()  # type: ignore[attr-defined]
            print(f"  {label} ({chars} characters):")
            print(f"    full check                      {figures(full)}")
            print(f"    names rule alone                {figures(names_rule)}")
            print(f"    recheck after a one-section edit {figures(again)}")
            if profile and report_id == ids["grown"]:
                _profile(store, report_id)
        print(f"  loading the name index            {figures(timed(lambda: name_index(store), rounds))}")


def _profile(store: Store, report_id: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(10):
        forget()
        check_report(store, report_id)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--profile", action="store_true", help="cProfile ten full checks of the grown report")
    args = parser.parse_args()
    largest, grown, source = reports()
    if source != "seed":
        print("the seed reports are not here (/work/shared): the bundled sample reports stand in for them")
    print(f"load average at start: {Path('/proc/loadavg').read_text().strip() if Path('/proc/loadavg').exists() else '?'}")
    print(f"code: {'with' if section_cache is not None else 'without'} the issue-14 caches")
    for size in (int(s) for s in args.sizes.split(",")):
        bench_store(size, args.rounds, largest, grown, args.profile)
    print(f"load average at end: {Path('/proc/loadavg').read_text().strip() if Path('/proc/loadavg').exists() else '?'}")


if __name__ == "__main__":
    main()
