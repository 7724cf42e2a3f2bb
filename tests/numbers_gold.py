"""The labelled set for number extraction, and its scoring (used by a test and a benchmark)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "data" / "numbers_gold.txt"
HOLDOUT = Path(__file__).resolve().parent / "data" / "numbers_holdout.txt"
HOLDOUT2 = Path(__file__).resolve().parent / "data" / "numbers_holdout2.txt"
LAYOUTS_TUNE = Path(__file__).resolve().parent / "data" / "numbers_layouts.txt"
LAYOUTS_HOLDOUT = Path(__file__).resolve().parent / "data" / "numbers_layouts_holdout.txt"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_97dab50193e5e838.txt"
QUANTITY_KINDS = ("money", "percent", "count")
KINDS = (*QUANTITY_KINDS, "date", "number")


@dataclass
class GoldMention:
    surface: str
    kind: str
    value: str
    label: str


@dataclass
class Item:
    source: str  # "own" or "seed"
    ref: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)


def seed_sentence(lines: list[str], ref: str) -> str:
    line, k = (int(x) for x in ref.split(":"))
    sentences = [s for s in re.split(r"(?<=。)", lines[line - 1]) if s.strip()]
    return sentences[k]


def load_items(include_seed: bool = True, path: Path = GOLD) -> list[Item]:
    seed_lines = SEED.read_text(encoding="utf-8").split("\n") if include_seed and SEED.exists() else None
    items: list[Item] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("S: "):
            items.append(Item("own", raw[3:], raw[3:]))
        elif raw.startswith("SEED: "):
            ref = raw[6:].strip()
            text = seed_sentence(seed_lines, ref) if seed_lines else ""
            items.append(Item("seed", ref, text))
        else:
            surface, kind, value, label = (p.strip() for p in raw.split("|"))
            items[-1].mentions.append(GoldMention(surface, kind, value, label))
    return [i for i in items if i.source == "own" or seed_lines is not None]


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    labels_right: int = 0
    labels_total: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self, kinds: tuple[str, ...]) -> tuple[float, float, float]:
        tp = sum(self.tp[k] for k in kinds)
        fp = sum(self.fp[k] for k in kinds)
        fn = sum(self.fn[k] for k in kinds)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def label_accuracy(self) -> float:
        return self.labels_right / self.labels_total if self.labels_total else 1.0


def _same_value(predicted: object, gold: str) -> bool:
    if isinstance(predicted, str):
        return predicted == gold
    return Decimal(str(predicted)) == Decimal(gold)


def score(items: list[Item], extract: Callable[[str], list]) -> Score:
    result = Score()
    for item in items:
        predicted = list(extract(item.text))
        used = [False] * len(predicted)
        for gold in item.mentions:
            match = next((i for i, m in enumerate(predicted) if not used[i] and m.surface == gold.surface), None)
            if match is None:
                result.fn[gold.kind] += 1
                result.errors.append(f"missed {gold.surface} ({gold.kind}) in {item.ref[:40]}")
                continue
            used[match] = True
            m = predicted[match]
            if m.kind != gold.kind or not _same_value(m.value, gold.value):
                result.fn[gold.kind] += 1
                result.fp[m.kind] += 1
                result.errors.append(f"{gold.surface}: got {m.kind} {m.value}, want {gold.kind} {gold.value}")
                continue
            result.tp[gold.kind] += 1
            if gold.kind in QUANTITY_KINDS:
                result.labels_total += 1
                if m.label in gold.label.split("/") or m.label == gold.label:
                    result.labels_right += 1
                else:
                    result.errors.append(f"label of {gold.surface}: got «{m.label}», want «{gold.label}»")
        for i, m in enumerate(predicted):
            if not used[i]:
                result.fp[m.kind] += 1
                result.errors.append(f"spurious {m.surface} ({m.kind}) in {item.ref[:40]}")
    return result
