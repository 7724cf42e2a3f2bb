"""Checking a full report in process: the live panel reruns this after each pause in typing.

The report is the largest one at hand (seed or sample) grown to about 300 facts by repeating its
own paragraphs across its sections; the store around it holds every seed and sample report, so
the names check runs against a real index.  Target: < 20 ms per full check.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from _corpus import SAMPLE, SEED

from checks import check_report
from checks.load import load_input
from checks.registry import run_rules
from extract import extract_numbers
from extract.reader import read_file
from store.db import open_store
from store.importer import import_paths
from store.reports import insert_report


def grown_report(target_facts: int = 300):  # noqa: ANN201
    sources = [SEED] if SEED.exists() else sorted(SAMPLE.glob("*.txt"))
    reports = [r for path in sources for r in read_file(path)]
    base = max(reports, key=lambda r: sum(len(s.text) for s in r.sections))
    rich = [p for r in reports for s in r.sections if s.key != "7" for p in s.paragraphs
            if len(extract_numbers(p)) >= 3]
    sections = [s for s in base.sections if s.key != "7"]
    facts = sum(len(extract_numbers(p)) for s in sections for p in s.paragraphs)
    i = 0
    while facts < target_facts and rich:
        paragraph = rich[i % len(rich)]
        sections[i % len(sections)].paragraphs.append(paragraph)
        facts += len(extract_numbers(paragraph))
        i += 1
    return base, sources


def main(rounds: int = 50) -> None:
    report, sources = grown_report()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        import_paths(store, [*sources, SAMPLE])
        with store.write() as db:
            report_id = insert_report(db, report, kind="draft")
        facts = store.one("SELECT count(*) AS n FROM facts WHERE report_id = ?", [report_id])["n"]
        sections = store.one("SELECT count(*) AS n FROM sections WHERE report_id = ?", [report_id])["n"]
        chars = sum(len(s.text) for s in report.sections)
        check_report(store, report_id)  # warm: jieba, pinyin and regex caches
        full, rules_only = [], []
        for _ in range(rounds):
            started = time.perf_counter()
            findings = check_report(store, report_id)
            full.append((time.perf_counter() - started) * 1000)
            data = load_input(store, report_id)
            started = time.perf_counter()
            run_rules(data)
            rules_only.append((time.perf_counter() - started) * 1000)
    print(f"report of {sections} sections, {chars} characters, {facts} facts, {len(findings)} findings")
    print(f"  full check (load from SQL + all rules): median {statistics.median(full):.1f} ms, "
          f"p95 {sorted(full)[int(rounds * 0.95) - 1]:.1f} ms (target < 20 ms)")
    print(f"  rules alone: median {statistics.median(rules_only):.1f} ms")


if __name__ == "__main__":
    main()
