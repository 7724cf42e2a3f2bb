"""Large stores for the benchmarks, built by varying real or sample reports.

Each copy gets other numbers, another year and another unit name, so the store holds many
near-duplicates — as a department's store of past reports does.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.document import Report  # noqa: E402
from extract.reader import read_file  # noqa: E402
from store.db import Store, open_store  # noqa: E402
from store.reports import insert_report  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_97dab50193e5e838.txt"
SAMPLE = ROOT / "store" / "sample"
OUT = ROOT / "bench" / "out"
UNITS = ["青川市", "云岭县", "南湖区", "北塬市", "东港县", "西山区", "白沙县", "清河市", "石门县", "长林区"]
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def base_reports() -> tuple[list[Report], str]:
    if SEED.exists():
        return read_file(SEED), "seed"
    reports: list[Report] = []
    for path in sorted(SAMPLE.glob("*.txt")):
        reports.extend(read_file(path))
    return reports, "sample"


def vary(report: Report, rng: random.Random, n: int) -> Report:
    def numbers(text: str) -> str:
        return _DIGITS.sub(lambda m: _jiggle(m.group(0), rng), text)

    prefix = UNITS[n % len(UNITS)] + str(n)
    copy = Report(title=report.title, unit=prefix + report.unit, dept=report.dept, year=2010 + n % 15,
                  profile=report.profile, cover=dict(report.cover), table=report.table)
    for section in report.sections:
        copy.sections.append(type(section)(section.key, section.title, section.heading,
                                           [numbers(p) for p in section.paragraphs]))
    return copy


def _jiggle(number: str, rng: random.Random) -> str:
    if "." in number:
        whole, frac = number.split(".")
        return f"{rng.randint(1, 999)}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
    return str(rng.randint(1, 10 ** len(number) - 1))


def paragraph_count(store: Store) -> int:
    return store.one("SELECT count(*) AS n FROM paragraphs")["n"]


def build_store(target_paragraphs: int) -> tuple[Path, str]:
    """A store with at least `target_paragraphs` paragraphs (built once, then reused)."""
    reports, source = base_reports()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"search-{source}-{target_paragraphs}.db"
    with open_store(path) as store:
        have = paragraph_count(store)
        if have >= target_paragraphs:
            return path, source
        rng = random.Random(target_paragraphs)
        started = time.perf_counter()
        n = store.one("SELECT count(*) AS n FROM reports")["n"]
        while have < target_paragraphs:
            with store.write() as db:
                for report in reports:
                    insert_report(db, vary(report, rng, n))
                    n += 1
            have = paragraph_count(store)
        print(f"  built {path.name}: {have} paragraphs in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path, source
