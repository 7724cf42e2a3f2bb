"""The search's score, one definition for the search and for the brute force it is measured
against: 0–100 on number-masked text, the better of the whole-text ratio and — for a text
longer than the query — 0.99 × the best partial match, so a paragraph holding the whole query
scores 99 and the same wording scores 100."""

from __future__ import annotations

from collections.abc import Sequence

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

if TYPE_CHECKING:
    import numpy as np

PARTIAL = 0.99


def similarity(masked_query: str, masked_text: str) -> float:
    if not masked_query or not masked_text:
        return 0.0
    whole = fuzz.ratio(masked_query, masked_text)
    if len(masked_text) <= len(masked_query):
        return whole
    return max(whole, PARTIAL * fuzz.partial_ratio(masked_query, masked_text))


def scores(masked_query: str, texts: Sequence[str], workers: int = 1) -> np.ndarray:
    """`similarity` of the query with each text, computed in C (`workers=-1`: all cores)."""
    import numpy as np
    from rapidfuzz import process

    if not masked_query or not len(texts):
        return np.zeros(len(texts))
    whole = process.cdist([masked_query], texts, scorer=fuzz.ratio, dtype=np.float64, workers=workers)[0]
    longer = np.fromiter((len(t) > len(masked_query) for t in texts), dtype=bool, count=len(texts))
    if longer.any():
        part = process.cdist([masked_query], [t for t, x in zip(texts, longer, strict=True) if x],
                             scorer=fuzz.partial_ratio, dtype=np.float64, workers=workers)[0]
        whole[longer] = np.maximum(whole[longer], PARTIAL * part)
    empty = np.fromiter((not t for t in texts), dtype=bool, count=len(texts))
    whole[empty] = 0.0
    return whole
