"""`suggest` in process at 10k, 100k and 300k past paragraphs, on both corpora of `_corpus.py`:
candidates, ranking and filling.

Each call drafts one section for a project, with a few of this year's facts, once with the start
of a past paragraph typed (numbers changed) and once with nothing typed.  Prints median and p95
of each, with the load average.

    python bench/bench_suggest.py [sizes...]     # default 10000 100000 300000
"""

from __future__ import annotations

import os
import random
import statistics
import sys

from _corpus import base_reports, build_store, vary

from extract.outline import get_profile
from store.db import open_store
from store.suggest import Request, suggest
from store.suggest.facts import ThisYear, parse_fact

SIZES = [10_000, 100_000, 300_000]


def requests(n: int = 40) -> list[Request]:
    reports, _ = base_reports()
    rng = random.Random(11)
    out = []
    for i in range(n):
        report = vary(rng.choice(reports), rng, 5000 + i)
        section = rng.choice([s for s in report.sections if s.paragraphs and s.key != "7"])
        typed = rng.choice(section.paragraphs)[: rng.randint(8, 60)] if i % 2 == 0 else ""
        facts = ThisYear(get_profile(report.profile))
        for spec in ("实际支出=88.1万元", "预算数=92万元", "财政拨款=80万元", "执行率=95.8%"):
            facts.add(parse_fact(spec))
        out.append(Request(section.key, typed, (report.year or 2020) + 1, report.unit, report.title, facts))
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    calls = requests()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for corpus in ("seed", "neardup"):
        for size in sizes:
            path, name = build_store(size, corpus)
            with open_store(path) as store:
                paragraphs = store.one("SELECT count(*) AS n FROM paragraphs")["n"]
                for request in calls[:4]:
                    suggest(store, request)  # warm: jieba, page cache, the wording index
                typed = [suggest(store, r)[1] for r in calls if r.text]
                empty = [suggest(store, r)[1] for r in calls if not r.text]
            print(f"{name:>12} {paragraphs:>7} paragraphs: typed median {statistics.median(typed):6.2f} ms, "
                  f"p95 {p95(typed):6.2f} ms; nothing typed median {statistics.median(empty):6.2f} ms, "
                  f"p95 {p95(empty):6.2f} ms; load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
