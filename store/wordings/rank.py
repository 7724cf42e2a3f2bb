"""The best wordings for a query: candidates by bigrams, reranked with the search's scorer,
each with the paragraph that stands for it."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from extract.mask import mask_numbers

from ..scorer import best_scores
from .build import Wordings
from .grams import candidates
from .members import filtered, representatives

_NOT_WORD = re.compile(r"[^\w%％.]+")


def best_wordings(index: Wordings, query: str, filters: Any, near: Any, limit: int,  # noqa: ANN401
                  k: int) -> list[tuple[int, int, int, int, str, str, float]]:
    """(wording, paragraph id, other reports sharing it, year, unit, project, score) for the wordings
    that may be among the `limit` best — those tied with the last too, up to twice `limit`
    and ten.  When no wording shares a bigram with the query, its words without the
    punctuation are looked up instead («满意*» → «满意»)."""
    mask, allowed = filtered(index, filters)
    masked = mask_numbers(query)
    found = candidates(index, masked, allowed, k)
    words = _NOT_WORD.sub(" ", query).strip()
    if not len(found) and words and words != query:
        masked = mask_numbers(words)
        found = candidates(index, masked, allowed, k)
    if not len(found):
        return []
    marks = best_scores(masked, [index.texts[w] for w in found], limit)
    known = ~np.isnan(marks)
    found, marks = found[known], marks[known]
    if not len(found):
        return []
    order = np.argsort(-marks, kind="stable")
    cutoff = marks[order[min(limit, len(order)) - 1]]
    chosen = [int(found[i]) for i in order if marks[i] >= cutoff][: limit * 2 + 10]
    score_of = {int(found[i]): float(marks[i]) for i in order}
    return [(*picked, score_of[picked[0]]) for picked in representatives(index, chosen, mask, near)]
