"""Large stores for the benchmarks, built by varying real or sample reports.

Two corpora.  «seed»: each copy gets other numbers, another year and another unit name, so once
numbers are masked the store holds only the base reports' wordings, many times over.
«neardup»: departments whose eight projects are reported year after year for 15 years, each
year's report copied from the year before with small edits to some paragraphs (a word
replaced, a phrase inserted, a few characters dropped) and new numbers — so the store holds
near-identical wordings by the ten thousand, as a department's store does after years of use.
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections.abc import Callable, Iterator
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


def seed_reports(reports: list[Report], start: int) -> Iterator[Report]:
    rng = random.Random(start)
    n = start
    while True:
        yield vary(reports[n % len(reports)], rng, n)
        n += 1


YEARS = 15
_WORDS = ["进一步", "切实", "有效", "全面", "持续", "按照要求", "积极", "严格", "稳步", "扎实", "认真", "及时",
          "规范", "统筹", "着力", "加强", "完善", "推进", "落实", "提升"]


def _edit(text: str, rng: random.Random) -> str:
    """A small edit, as a writer makes copying last year's paragraph: a word in, a few characters out,
    or a span replaced."""
    if len(text) < 8:
        return text + rng.choice(_WORDS)
    at = rng.randrange(len(text) - 4)
    kind = rng.random()
    if kind < 0.4:
        return text[:at] + rng.choice(_WORDS) + text[at:]
    if kind < 0.7:
        return text[:at] + text[at + rng.randint(1, 4):]
    return text[:at] + rng.choice(_WORDS) + text[at + rng.randint(1, 3):]


def _department(reports: list[Report], d: int) -> list[Report]:
    """One department's reports: each base project for YEARS years, edited year to year."""
    rng = random.Random(1000 + d)
    place = UNITS[d % len(UNITS)]
    texts = [[[_edit(p, rng) if rng.random() < 0.5 else p for p in s.paragraphs] for s in r.sections] for r in reports]
    out = []
    for y in range(YEARS):
        for b, base in enumerate(reports):
            if y:
                texts[b] = [[_edit(p, rng) if rng.random() < 0.25 else p for p in sec] for sec in texts[b]]
            copy = vary(base, rng, d)
            copy.year, copy.unit, copy.title = 2010 + y, f"{place}{d}{base.unit}", f"{base.title}（{place}{d}）"
            for section, paragraphs in zip(copy.sections, texts[b], strict=True):
                section.paragraphs[:] = [_DIGITS.sub(lambda m: _jiggle(m.group(0), rng), p) for p in paragraphs]
            out.append(copy)
    return out


def neardup_reports(reports: list[Report], start: int) -> Iterator[Report]:
    per = YEARS * len(reports)
    d = start // per
    skip = start % per
    while True:
        yield from _department(reports, d)[skip:]
        skip = 0
        d += 1


CORPORA: dict[str, Callable[[list[Report], int], Iterator[Report]]] = {"seed": seed_reports, "neardup": neardup_reports}


def build_store(target_paragraphs: int, corpus: str = "seed") -> tuple[Path, str]:
    """A store with at least `target_paragraphs` paragraphs (built once, then reused; a bigger
    store of the same corpus, once built, is started from a copy of a smaller one)."""
    reports, source = base_reports()
    OUT.mkdir(parents=True, exist_ok=True)
    name = source if corpus == "seed" else f"{corpus}-{source}"
    path = OUT / f"search-{name}-{target_paragraphs}.db"
    with open_store(path) as store:
        have = paragraph_count(store)
        if have >= target_paragraphs:
            return path, name
        started = time.perf_counter()
        n = store.one("SELECT count(*) AS n FROM reports")["n"]
        made = CORPORA[corpus](reports, n)
        while have < target_paragraphs:
            with store.write() as db:
                for _ in range(len(reports)):
                    insert_report(db, next(made))
            have = paragraph_count(store)
        print(f"  built {path.name}: {have} paragraphs in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path, name
