"""Checking a full report in process: the live panel reruns this after each pause in typing.

The report is the largest one at hand (seed or sample) grown to about 300 facts by repeating its
own paragraphs across its sections; the store around it holds every seed and sample report, so
the names check runs against a real index.  Target: < 20 ms per full check.

Rules keep what they work out per paragraph and sentence (the text rarely changes between two
checks), so two figures: the same report checked again, and after one paragraph was edited
(a number in a different section changed before each check, as typing does).  CPU time is
printed beside wall time: on a shared machine it moves less with the load.
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
from store.draft_text import save_text
from store.drafts import NewDraft, create_draft
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
        full, cpu, rules_only = [], [], []
        for _ in range(rounds):
            started, started_cpu = time.perf_counter(), time.process_time()
            findings = check_report(store, report_id)
            full.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            data = load_input(store, report_id)
            started = time.perf_counter()
            run_rules(data)
            rules_only.append((time.perf_counter() - started) * 1000)
        edited, edited_cpu = _after_edits(store, report_id, report, rounds)
        drafted = _draft_of(store, report, rounds)
    print(f"report of {sections} sections, {chars} characters, {facts} facts, {len(findings)} findings")
    print(f"  full check (load from SQL + all rules): median {statistics.median(full):.1f} ms, "
          f"p95 {_p95(full):.1f} ms, CPU median {statistics.median(cpu):.1f} ms (target < 20 ms)")
    print(f"  rules alone: median {statistics.median(rules_only):.1f} ms")
    print(f"  full check after editing one paragraph: median {statistics.median(edited):.1f} ms, "
          f"p95 {_p95(edited):.1f} ms, CPU median {statistics.median(edited_cpu):.1f} ms")
    print(f"  a draft started from the (ungrown) report, its text still last year's: median "
          f"{statistics.median(drafted):.1f} ms, p95 {_p95(drafted):.1f} ms")


def _draft_of(store, report, rounds: int) -> list[float]:  # noqa: ANN001
    """Next year's draft from the stored report of the same title: every number judged by stale."""
    source = store.one("SELECT id, year FROM reports WHERE kind = 'past' AND title = ? ORDER BY id LIMIT 1", [report.title])
    draft = create_draft(store, NewDraft(report.title, report.unit, report.dept, (source["year"] or 2025) + 1, "",
                                         source["id"]))
    check_report(store, draft)
    wall = []
    for _ in range(rounds):
        started = time.perf_counter()
        check_report(store, draft)
        wall.append((time.perf_counter() - started) * 1000)
    return wall


def _after_edits(store, report_id: int, report, rounds: int) -> tuple[list[float], list[float]]:  # noqa: ANN001
    """Change one number of one paragraph (another section each round), save, check."""
    sections = [s for s in report.sections if s.paragraphs]
    wall, cpu = [], []
    for i in range(rounds):
        section = sections[i % len(sections)]
        paragraphs = list(section.paragraphs)
        paragraphs[-1] = paragraphs[-1] + f"另支出{i + 1}.5万元。"
        save_text(store, report_id, section.key, "\n".join(paragraphs))
        started, started_cpu = time.perf_counter(), time.process_time()
        check_report(store, report_id)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def _p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


if __name__ == "__main__":
    main()
