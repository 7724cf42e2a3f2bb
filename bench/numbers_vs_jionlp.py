"""Money mentions of the labelled set: zipin against JioNLP's `ner.extract_money`.

JioNLP is ~200 MB and prints on import, so it is never a dependency of zipin: install it in a
separate environment and run this script with that environment's Python, e.g.

    python3 -m venv bench/out/jionlp-venv && bench/out/jionlp-venv/bin/pip install jionlp \
        python-docx rapidfuzz jieba pypinyin platformdirs sqlite-utils
    bench/out/jionlp-venv/bin/python bench/numbers_vs_jionlp.py

A money mention counts as found when a predicted money span overlaps it and has the same value
in its currency (lenient to both sides: JioNLP's spans sometimes take in a neighbouring «约» or comma).
"""

from __future__ import annotations

import contextlib
import io
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import extract_numbers  # noqa: E402
from tests.numbers_gold import HOLDOUT, HOLDOUT2, load_items  # noqa: E402


def gold_money(item) -> list[tuple[int, int, Decimal]]:  # noqa: ANN001
    out, pos = [], 0
    for g in item.mentions:
        start = item.text.find(g.surface, pos)
        pos = start + len(g.surface)
        if g.kind == "money":
            out.append((start, pos, Decimal(g.value)))
    return out


def zipin_money(text: str) -> list[tuple[int, int, Decimal]]:
    return [(m.start, m.end, Decimal(m.value)) for m in extract_numbers(text) if m.kind == "money"]


def jionlp_money(jio, text: str) -> list[tuple[int, int, Decimal]]:  # noqa: ANN001
    out = []
    for hit in jio.ner.extract_money(text, with_parsing=True):
        num = hit["detail"]["num"]
        if isinstance(num, list):  # a range: take its low end, as zipin's value does
            num = num[0]
        out.append((hit["offset"][0], hit["offset"][1], Decimal(str(num))))
    return out


def score(items, predict) -> tuple[float, float, float]:  # noqa: ANN001
    tp = fp = fn = 0
    for item in items:
        gold = gold_money(item)
        pred = predict(item.text)
        used = set()
        for gs, ge, gv in gold:
            match = next((i for i, (ps, pe, pv) in enumerate(pred)
                          if i not in used and ps < ge and gs < pe and pv == gv), None)
            if match is None:
                fn += 1
            else:
                used.add(match)
                tp += 1
        fp += len(pred) - len(used)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp as jio
    sets = {"labelled set": load_items(), "held-out sets": load_items(path=HOLDOUT) + load_items(path=HOLDOUT2)}
    print(f"{'set':14} {'system':7} {'P':>6} {'R':>6} {'F1':>6}   money mentions")
    for name, items in sets.items():
        n = sum(len(gold_money(i)) for i in items)
        for system, predict in (("zipin", zipin_money), ("JioNLP", lambda t: jionlp_money(jio, t))):
            p, r, f = score(items, predict)
            print(f"{name:14} {system:7} {p:6.3f} {r:6.3f} {f:6.3f}   {n}")


if __name__ == "__main__":
    main()
