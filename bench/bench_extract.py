"""Extraction speed on report text (labels included), and `zipin extract` wall time with start-up.

Target: ≥ 200,000 characters per second; one sentence through the CLI in < 1 s.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time

from _corpus import base_reports

from extract import extract_numbers
from extract.segment import cut, tokenizer


def throughput(rounds: int = 5) -> None:
    reports, source = base_reports()
    paragraphs = [p for r in reports for s in r.sections for p in s.paragraphs]
    chars = sum(len(p) for p in paragraphs)
    tokenizer()  # jieba's start-up is paid once per process, not per paragraph
    rates = []
    mentions = 0
    for _ in range(rounds):
        cut.cache_clear()  # no help from the label cache between rounds
        started = time.perf_counter()
        mentions = sum(len(extract_numbers(p)) for p in paragraphs)
        rates.append(chars / (time.perf_counter() - started))
    print(f"extract_numbers on the {source} text: {chars} characters, {len(paragraphs)} paragraphs, {mentions} mentions")
    print(f"  median {statistics.median(rates):,.0f} chars/s, worst {min(rates):,.0f} chars/s (target ≥ 200,000)")


def cli_wall(runs: int = 7) -> None:
    exe = shutil.which("zipin")
    if exe is None:
        print("zipin is not installed on PATH; skipping the CLI timing")
        return
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([exe, "extract", "2025年财政拨款267万，执行率94.99%", "--json"], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - started)
    print(f"`zipin extract` on one sentence, wall time with start-up: median {statistics.median(times) * 1000:.0f} ms,"
          f" worst {max(times) * 1000:.0f} ms over {runs} runs (target < 1 s)")


if __name__ == "__main__":
    throughput()
    cli_wall()
    sys.exit(0)
