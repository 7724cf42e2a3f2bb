"""The search's score, one definition for the search and for the brute force it is measured
against: 0–100 on number-masked text, the better of the whole-text ratio and — for a text
longer than the query — 0.99 × the best partial match, so a paragraph holding the whole query
scores 99 and the same wording scores 100.  Below `FLOOR` a text shares no more than
scattered characters with the query: it scores 0 when some other text reaches FLOOR (so a
search does not spend its time ranking noise), and keeps its score when none does (a query
of operators and a word, «OR 满意度 NEAR(», still finds the word).

The partial match is the costly part (about a millisecond against a long paragraph), so
`best_scores` bounds it first: a window of the text can share no more characters in order
with the query than the whole text does (their LCS, which rapidfuzz computes bit-parallel),
and a window holding L of them scores at most 2L / (len(query) + L) — rapidfuzz also tries
windows shorter than the query at the text's ends.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

if TYPE_CHECKING:
    import numpy as np

PARTIAL = 0.99
FLOOR = 50.0
_EPS = 1e-9


def similarity(masked_query: str, masked_text: str) -> float:
    if not masked_query or not masked_text:
        return 0.0
    whole = fuzz.ratio(masked_query, masked_text)
    if len(masked_text) <= len(masked_query):
        return whole
    return max(whole, PARTIAL * fuzz.partial_ratio(masked_query, masked_text))


def _whole(masked_query: str, texts: Sequence[str], workers: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ratio, bound on the partial score, whether the text is longer than the query)."""
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import LCSseq

    lcs = process.cdist([masked_query], texts, scorer=LCSseq.similarity, dtype=np.int64, workers=workers)[0]
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    ratio = np.where(lengths > 0, 200.0 * lcs / (len(masked_query) + lengths), 0.0)
    longer = lengths > len(masked_query)
    return ratio, np.where(longer, np.maximum(ratio, PARTIAL * 200.0 * lcs / (len(masked_query) + lcs)), ratio), longer


def scores(masked_query: str, texts: Sequence[str], workers: int = 1) -> np.ndarray:
    """`similarity` of the query with every text (`workers=-1`: on all cores) — the brute force."""
    import numpy as np
    from rapidfuzz import process

    if not masked_query or not len(texts):
        return np.zeros(len(texts))
    ratio, _, longer = _whole(masked_query, texts, workers)
    if longer.any():
        part = process.cdist([masked_query], [t for t, x in zip(texts, longer, strict=True) if x],
                             scorer=fuzz.partial_ratio, dtype=np.float64, workers=workers)[0]
        ratio[longer] = np.maximum(ratio[longer], PARTIAL * part)
    if ratio.max() >= FLOOR:
        ratio[ratio < FLOOR] = 0.0
    return ratio


def best_scores(masked_query: str, texts: Sequence[str], limit: int) -> np.ndarray:
    """`similarity` for every text that may be among the `limit` best, ties with the last
    included; NaN for the texts whose bound shows they cannot be, or that score below FLOOR
    (when any reaches it)."""
    import numpy as np

    if not masked_query or not len(texts):
        return np.zeros(len(texts))
    whole = _whole(masked_query, texts, 1)
    out = _bounded(masked_query, texts, limit, whole, FLOOR)
    return out if not np.isnan(out).all() else _bounded(masked_query, texts, limit, whole, 0.0)


def _bounded(masked_query: str, texts: Sequence[str], limit: int, whole: tuple[np.ndarray, ...],
             least: float) -> np.ndarray:
    import numpy as np

    ratio, bound, longer = whole
    out = np.where(longer | (ratio < least), np.nan, ratio)
    best = heapq.nlargest(limit, out[~np.isnan(out)].tolist())
    heapq.heapify(best)
    for i in np.flatnonzero(longer)[np.argsort(-bound[longer], kind="stable")]:
        floor = max(least, best[0] if len(best) >= limit else 0.0)
        if bound[i] < floor - _EPS:
            break
        text = texts[i]
        partial = 100.0 if masked_query in text else fuzz.partial_ratio(
            masked_query, text, score_cutoff=max(0.0, floor / PARTIAL - 1e-6))
        score = max(ratio[i], PARTIAL * partial)
        if score < least:
            continue
        out[i] = score
        (heapq.heappushpop if len(best) >= limit else heapq.heappush)(best, out[i])
    return out
