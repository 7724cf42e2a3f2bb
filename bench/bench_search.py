"""`zipin search` time (the search's own elapsed_ms) at 1k, 10k and 100k paragraphs.

Queries are paragraphs of the base reports with their numbers changed (the "last year's
wording" case) and short phrases.  Prints median and p95 per store size.
"""

from __future__ import annotations

import random
import statistics
import sys

from _corpus import base_reports, build_store, vary

from extract.mask import mask_numbers
from store.db import open_store
from store.search import search

SIZES = [1_000, 10_000, 100_000]


def queries(n: int = 60) -> list[str]:
    reports, _ = base_reports()
    rng = random.Random(7)
    paragraphs = [p for r in reports for s in r.sections for p in s.paragraphs if len(p) > 20]
    out = [vary(reports[0], rng, 999).sections[0].paragraphs[0]]
    for p in rng.sample(paragraphs, min(n // 2, len(paragraphs))):
        out.append(p[: rng.randint(20, 200)])
    for p in rng.sample(paragraphs, min(n // 2, len(paragraphs))):
        start = rng.randint(0, max(0, len(p) - 12))
        out.append(p[start:start + rng.randint(4, 12)])
    return out


def _found(store, q: str) -> bool:  # noqa: ANN001
    """The top hit holds the query's wording (numbers aside)."""
    hits, _ = search(store, q, limit=1)
    return bool(hits) and mask_numbers(q) in mask_numbers(hits[0].text)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    qs = queries()
    for size in sizes:
        path, source = build_store(size)
        with open_store(path) as store:
            paragraphs = store.one("SELECT count(*) AS n FROM paragraphs")["n"]
            for q in qs[:5]:
                search(store, q)  # warm the page cache
            times = sorted(search(store, q)[1] for q in qs)
            top_self = sum(1 for q in qs[1:31] if _found(store, q))
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{paragraphs:>7} paragraphs ({source}): median {statistics.median(times):6.1f} ms, "
              f"p95 {p95:6.1f} ms, max {times[-1]:6.1f} ms over {len(qs)} queries; "
              f"wording found as top hit {top_self}/30")


if __name__ == "__main__":
    main()
