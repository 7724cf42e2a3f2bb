"""The word lists of `data/lexicon.toml`, loaded once and sorted longest first."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    measures: tuple[str, ...]
    cn_blocked_measures: frozenset[str]
    currencies: tuple[str, ...]
    scales: dict[str, int]
    cmp_before: tuple[tuple[str, str], ...]
    cmp_after: tuple[tuple[str, str], ...]
    approx_infix: tuple[str, ...]
    label_leading: tuple[str, ...]
    label_trailing: tuple[str, ...]
    label_stops: frozenset[str]
    label_keep_first: frozenset[str]
    label_skip_verbs: frozenset[str]
    label_verb_nouns: frozenset[str]
    label_compound_heads: frozenset[str]
    label_connectors: frozenset[str]
    label_attribute_verbs: frozenset[str]
    label_max: int
    fixed: tuple[str, ...]
    percent_words: tuple[str, ...]

    def __hash__(self) -> int:
        return id(self)


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def lexicon() -> Lexicon:
    raw = tomllib.loads(resources.files("extract").joinpath("data", "lexicon.toml").read_text(encoding="utf-8"))
    cmp = raw["comparators"]
    labels = raw["labels"]
    return Lexicon(
        measures=_longest_first(raw["measure_words"]),
        cn_blocked_measures=frozenset(raw["chinese_numeral_blocked_measures"]),
        currencies=_longest_first(raw["currencies"]),
        scales=dict(raw["scales"]),
        cmp_before=tuple(sorted(((w, s) for w, s in cmp["before"]), key=lambda p: -len(p[0]))),
        cmp_after=tuple(sorted(((w, s) for w, s in cmp["after"]), key=lambda p: -len(p[0]))),
        approx_infix=tuple(cmp["approx_infix"]),
        label_leading=_longest_first(labels["leading"]),
        label_trailing=_longest_first(labels["trailing"]),
        label_stops=frozenset(labels["stops"]),
        label_keep_first=frozenset(labels["keep_when_first"]),
        label_skip_verbs=frozenset(labels["skip_verbs"]),
        label_verb_nouns=frozenset(labels["verb_nouns"]),
        label_compound_heads=frozenset(labels["compound_heads"]),
        label_connectors=frozenset(labels["connectors"]),
        label_attribute_verbs=frozenset(labels["attribute_verbs"]),
        label_max=int(labels["max_chars"]),
        fixed=_longest_first(raw["fixed"]["expressions"]),
        percent_words=_longest_first(raw.get("percent_words", [])),
    )


def match_prefix(text: str, pos: int, words: tuple[str, ...]) -> str:
    """The longest of `words` (sorted longest first) that starts at text[pos] ("" when none).
    Only the words beginning with text[pos] are tried: it runs for every number of every
    paragraph imported."""
    if pos >= len(text):
        return ""
    for word in _by_first_char(words).get(text[pos], ()):
        if text.startswith(word, pos):
            return word
    return ""


@cache
def _by_first_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`words` grouped by their first character, each group in the order given."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word)
    return {first: tuple(group) for first, group in groups.items()}
