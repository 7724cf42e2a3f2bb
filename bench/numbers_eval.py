"""Precision, recall and F1 of number extraction per kind, and label accuracy, on the labelled
set in tests/data/numbers_gold.txt (own sentences, plus seed sentences where the seed is here).

    python bench/numbers_eval.py [--errors]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import extract_numbers  # noqa: E402
from tests.numbers_gold import HOLDOUT, HOLDOUT2, KINDS, QUANTITY_KINDS, load_items, score  # noqa: E402


def report(name: str, items: list, show_errors: bool) -> None:
    s = score(items, extract_numbers)
    mentions = sum(len(i.mentions) for i in items)
    print(f"\n{name}: {len(items)} sentences, {mentions} mentions")
    print(f"  {'kind':8} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for kind in KINDS:
        p, r, f = s.prf((kind,))
        print(f"  {kind:8} {p:6.3f} {r:6.3f} {f:6.3f}  {s.tp[kind]:3} {s.fp[kind]:3} {s.fn[kind]:3}")
    p, r, f = s.prf(QUANTITY_KINDS)
    print(f"  {'money+percent+count':>8}: P {p:.3f} R {r:.3f} F1 {f:.3f} (target ≥ 0.97)")
    print(f"  label accuracy: {s.label_accuracy:.3f} ({s.labels_right}/{s.labels_total}, target ≥ 0.85)")
    if show_errors:
        for e in s.errors:
            print("   -", e)


def main() -> None:
    show = "--errors" in sys.argv
    items = load_items()
    report("own sentences", [i for i in items if i.source == "own"], show)
    seed = [i for i in items if i.source == "seed"]
    if seed:
        report("seed sentences", seed, show)
        report("all", items, False)
    else:
        print("\n(seed sentences skipped: ../shared/seeds is not here)")
    report("first held-out set (seen once, then rules improved)", load_items(path=HOLDOUT), show)
    report("second held-out set (read once: F1 0.979, labels 0.848; since then seen)", load_items(path=HOLDOUT2), show)


if __name__ == "__main__":
    main()
