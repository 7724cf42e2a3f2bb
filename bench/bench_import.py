"""Import time of the seed reports (or the bundled sample where the seed is absent)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from _corpus import SAMPLE, SEED

from store.db import open_store
from store.importer import import_paths


def main(rounds: int = 5) -> None:
    source = SEED if SEED.exists() else SAMPLE
    size = sum(p.stat().st_size for p in ([source] if source.is_file() else source.glob("*.txt")))
    times = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            with open_store(Path(tmp) / "bench.db") as store:
                started = time.perf_counter()
                result = import_paths(store, [source])
                times.append(time.perf_counter() - started)
                assert not result.errors, result.errors
                reports = len(result.imported)
                paragraphs = store.one("SELECT count(*) AS n FROM paragraphs")["n"]
                facts = store.one("SELECT count(*) AS n FROM facts")["n"]
    print(f"import of {source.name}: {size / 1024:.0f} KiB, {reports} reports, {paragraphs} paragraphs, {facts} facts")
    # The first round is the one a user meets; later rounds find the tokenizer's clause cache warm.
    print(f"  first round {times[0] * 1000:.0f} ms ({size / 1024 / times[0]:.0f} KiB/s, tokenizer loaded included);"
          f" then median {statistics.median(times[1:]) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms"
          f" over {rounds - 1} more rounds (caches warm)")


if __name__ == "__main__":
    main()
