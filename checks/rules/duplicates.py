"""Duplicated text: two sections of one report holding the same or nearly the same passage
(compared sentence by sentence, so a copied sentence inside a longer paragraph is found too)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from extract.document import Section
from extract.outline import PREAMBLE

from .. import section_cache
from ..context import CheckInput
from ..finding import Evidence, Finding
from ..registry import rule

MIN_CHARS = 30
SIMILAR = 90
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


@dataclass(frozen=True)
class _Sentence:
    section: str
    paragraph: int
    start: int  # in the section's text
    text: str


@lru_cache(maxsize=4096)
def _similar(text: str, others: tuple[str, ...]) -> tuple[tuple[float, int], ...]:
    """(score, index) of the `others` at least SIMILAR to `text` — once per sentence and window:
    the checks rerun after every pause in typing, and most sentences did not change."""
    return tuple((score, j) for _, score, j in process.extract(text, others, scorer=fuzz.ratio,
                                                               score_cutoff=SIMILAR, limit=None))


def _sentences(data: CheckInput) -> list[_Sentence]:
    out = []
    skipped = (data.table_key, PREAMBLE)
    for section in data.report.sections:
        if section.key not in skipped:
            out.extend(section_cache.cached(data, "duplicates.sentences", section, None,
                                            lambda s=section: _section_sentences(data, s)))
    return out


def _section_sentences(data: CheckInput, section: Section) -> tuple[_Sentence, ...]:
    out = []
    for index, paragraph in enumerate(section.paragraphs):
        base, _ = data.paragraph_span(section.key, index)
        for m in _SENTENCE.finditer(paragraph):
            text = m.group(0).strip()
            if len(text) > MIN_CHARS:
                out.append(_Sentence(section.key, index, base + m.start(), text))
    return tuple(out)


@rule("duplicates", "重复段落", "warning", "报告两节中有相同或几乎相同的内容（相似度 ≥ 90，超过 30 字的句子）")
def check(data: CheckInput) -> Iterator[Finding]:
    # Sorted by length: ratio ≥ 90 needs the longer sentence to be at most 110/90 of the shorter,
    # so each sentence is compared only with the contiguous run of similar length after it.
    order = data.outline.order
    sentences = sorted(_sentences(data), key=lambda s: len(s.text))
    texts = [s.text for s in sentences]
    lengths = [len(t) for t in texts]
    reported: set[tuple[str, str]] = set()
    for i, shorter in enumerate(sentences):
        stop = bisect_right(lengths, lengths[i] * (200 - SIMILAR) / SIMILAR)
        for score, j in _similar(shorter.text, tuple(texts[i + 1:stop])):
            a, b = sorted((shorter, sentences[i + 1 + j]), key=lambda s: (order(s.section), s.start))
            pair = (a.section, b.section)
            if a.section == b.section or pair in reported:
                continue
            reported.add(pair)
            same = "完全相同" if a.text == b.text else f"几乎相同（相似度 {score:.0f}）"
            yield Finding(
                rule="duplicates", severity="warning", section=b.section,
                message=f"第 {a.section} 节与第 {b.section} 节有内容{same}：「{a.text[:24]}…」。",
                evidence=[Evidence("text", a.text[:60], a.section, a.paragraph, a.start, a.start + len(a.text)),
                          Evidence("text", b.text[:60], b.section, b.paragraph, b.start, b.start + len(b.text))],
            )
