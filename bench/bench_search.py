"""Search at a department's scale, side by side in one run: brute force (rapidfuzz `cdist`,
all cores, the search's own scorer), the bigram wording index alone (candidates and rerank,
no SQL), and zipin's `search` (its own elapsed_ms) — medians, p95 and recall of the true
top-5, on two corpora (`_corpus.py`: «seed» and «neardup») with whole-paragraph and prefix
queries, and with short queries of 4–8 characters; then the store's size on disk and the
process's RSS.

Recall@5: of the five best wordings by brute force, how many zipin returns in its first five
(one result per wording; a wording tied with the fifth best counts as one of them).  The score
depends only on the masked text, so brute force over the distinct wordings gives the same
truth as over every paragraph; it is timed over every paragraph on a few queries.

    python bench/bench_search.py [sizes...]      # default 10000 100000 300000
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

from _corpus import _DIGITS, _edit, _jiggle, base_reports, build_store, vary

from extract.mask import mask_numbers
from store.db import open_store
from store.scorer import scores
from store.search import CANDIDATES, Filters, search
from store.wordings import best_wordings, saved_path, wordings_of

SIZES = [10_000, 100_000, 300_000]
BRUTE_TIMED = 3  # queries timed by brute force over every paragraph (25 s each at 300k)
LIMIT = 10  # results asked for, as `zipin search` by default; recall is of the first five


def seed_queries(n: int = 40) -> list[str]:
    """Paragraphs of the base reports with their numbers changed, and their starts."""
    reports, _ = base_reports()
    rng = random.Random(7)
    paragraphs = [p for r in reports for s in r.sections for p in s.paragraphs if len(p) > 20]
    out = [vary(reports[0], rng, 999).sections[0].paragraphs[0]]
    out += [p[: rng.randint(20, 200)] for p in rng.sample(paragraphs, min(n - 1, len(paragraphs)))]
    return out


def store_queries(texts: list[str], n: int = 40) -> list[str]:
    """Paragraphs of the store edited as a writer would and with other numbers, whole or their starts."""
    rng = random.Random(13)
    out = []
    for t in rng.sample([t for t in texts if len(t) > 20], n):
        q = _DIGITS.sub(lambda m: _jiggle(m.group(0), rng), _edit(t, rng))
        out.append(q if len(out) % 2 else q[: rng.randint(20, 200)])
    return out


def short_queries(texts: list[str], n: int = 40) -> list[str]:
    rng = random.Random(17)
    out = []
    while len(out) < n:
        t = rng.choice(texts)
        size = rng.randint(4, 8)
        if len(t) > size:
            at = rng.randrange(len(t) - size)
            q = t[at:at + size]
            if "#" not in mask_numbers(q) and q.strip() == q:
                out.append(q)
    return out


def recall(truth: dict[str, float], returned: list[str]) -> float:
    """Share of the true top-5 wordings among the first five returned (ties with the fifth count)."""
    best = sorted((s for s in truth.values() if s > 0), reverse=True)[:5]
    if not best:
        return 1.0
    fifth = best[-1]
    return sum(1 for m in returned[:5] if truth.get(m, 0.0) >= fifth - 1e-9) / len(best)


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)]


def measure(store, masked_all: list[str], qs: list[str]) -> dict[str, tuple[float, float, float]]:  # noqa: ANN001
    index = wordings_of(store)
    none = Filters(kind="past")
    brute_t, index_t, zipin_t, r_index, r_zipin = [], [], [], [], []
    for i, q in enumerate(qs):
        mq = mask_numbers(q)
        if i < BRUTE_TIMED:
            started = time.perf_counter()
            scores(mq, masked_all, workers=-1)
            brute_t.append((time.perf_counter() - started) * 1000)
        truth = dict(zip(index.texts, scores(mq, index.texts, workers=-1).tolist(), strict=True))
        started = time.perf_counter()
        picked = best_wordings(index, q, none, None, LIMIT, CANDIDATES)
        index_t.append((time.perf_counter() - started) * 1000)
        picked.sort(key=lambda x: -x[6])
        r_index.append(recall(truth, [index.texts[w] for w, *_ in picked]))
        hits, elapsed = search(store, q, none, limit=LIMIT)
        zipin_t.append(elapsed)
        r_zipin.append(recall(truth, [mask_numbers(h.text) for h in hits]))
    return {
        "brute force": (statistics.median(brute_t), p95(brute_t), 1.0),
        "bigram index": (statistics.median(index_t), p95(index_t), statistics.mean(r_index)),
        "zipin search": (statistics.median(zipin_t), p95(zipin_t), statistics.mean(r_zipin)),
    }


def size_mb(path: Path) -> str:
    parts = [path, path.with_name(path.name + "-wal"), saved_path(path)]
    db = sum(p.stat().st_size for p in parts[:2] if p.exists()) / 2**20
    index = saved_path(path).stat().st_size / 2**20 if saved_path(path).exists() else 0.0
    return f"store {db:.0f} MB + saved index {index:.0f} MB"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run(corpus: str, size: int) -> None:
    path, name = build_store(size, corpus)
    with open_store(path) as store:
        started = time.perf_counter()
        index = wordings_of(store)
        ready = (time.perf_counter() - started) * 1000
        masked_all = [r["masked"] for r in store.query(
            "SELECT p.masked FROM paragraphs p JOIN reports r ON r.id = p.report_id WHERE r.kind = 'past'")]
        print(f"\n{name}: {len(masked_all)} paragraphs, {len(index)} distinct wordings; "
              f"index ready in {ready:.0f} ms; {size_mb(path)}")
        sets = {"whole/prefix": seed_queries() if corpus == "seed" else store_queries(index.texts),
                "short 4-8": short_queries(index.texts)}
        for q in list(sets.values())[0][:5]:
            search(store, q)  # warm the page cache
        for label, qs in sets.items():
            for method, (median, p, r) in measure(store, masked_all, qs).items():
                print(f"  {label:<12} {method:<13} median {median:8.2f} ms  p95 {p:8.2f} ms  recall@5 {r:.3f}")
        print(f"  process RSS {rss_mb():.0f} MB; load average {os.getloadavg()[0]:.2f}")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for corpus in ("seed", "neardup"):
        for size in sizes:
            run(corpus, size)


if __name__ == "__main__":
    main()
