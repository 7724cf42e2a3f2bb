"""Candidate wordings for a query: those sharing the most of its bigrams, by an estimate of the
rerank's score (Dice for a whole match, containment for the query inside a longer text); when
too few share one, those sharing the most of its characters (a short query scores against
scattered characters too)."""

from __future__ import annotations

import numpy as np

from extract.mask import MASK

from .build import Wordings

POSTINGS_BUDGET = 400_000  # postings read per query at most; the commonest go first


def candidates(index: Wordings, masked_query: str, allowed: np.ndarray | None, k: int) -> np.ndarray:
    """Up to `k` wording ids most likely to score highest against `masked_query`, best first;
    `allowed` (a mask over wordings) keeps those with a paragraph passing the filters."""
    places = _places(index, masked_query.lower())
    grams = _bigrams(index, places)
    found = _best(index, _posted(index.gram_docs, index.gram_starts, _known(index.gram_keys, grams)),
                  max(1, len(grams)), index.grams, allowed, k)
    if len(found) >= k or not len(places):
        return found
    chars = np.unique(places)
    more = _best(index, _posted(index.char_docs, index.char_starts, chars[chars >= 0]), len(chars),
                 None, allowed, k)
    return np.concatenate([found, more[~np.isin(more, found)]])[:k]


def _places(index: Wordings, query: str) -> np.ndarray:
    """Each character's place in `index.chars` (-1: never seen), masked numbers left out."""
    codes = np.frombuffer(query.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    if not len(index.chars):
        return np.full(len(codes), -1)
    at = np.minimum(np.searchsorted(index.chars, codes), len(index.chars) - 1)
    places = np.where(index.chars[at] == codes, at, -1)
    return np.where(codes == ord(MASK), -2, places)


def _bigrams(index: Wordings, places: np.ndarray) -> np.ndarray:
    """The query's distinct bigram keys (-1: a bigram the index cannot hold)."""
    a, b = places[:-1], places[1:]
    usable = (a != -2) & (b != -2)
    keys = np.where((a >= 0) & (b >= 0), a * len(index.chars) + b, -1)[usable]
    return np.unique(keys)


def _known(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Places in `keys` of the wanted keys it holds."""
    wanted = wanted[wanted >= 0]
    if not len(keys) or not len(wanted):
        return np.zeros(0, dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return at[keys[at] == wanted]


def _posted(docs: np.ndarray, starts: np.ndarray, at: np.ndarray) -> list[np.ndarray]:
    """The postings of the given entries, the longest left out past the budget."""
    if not len(at):
        return []
    lengths = starts[at + 1] - starts[at]
    order = np.argsort(lengths, kind="stable")
    keep = order[: max(1, int(np.searchsorted(np.cumsum(lengths[order]), POSTINGS_BUDGET, side="right")))]
    return [docs[starts[i]:starts[i + 1]] for i in at[keep]]


def _best(index: Wordings, postings: list[np.ndarray], wanted: int, sizes: np.ndarray | None,
          allowed: np.ndarray | None, k: int) -> np.ndarray:
    """The `k` wordings sharing most of the `wanted` terms (relative to their own size when
    `sizes` is given), the newest first among equals."""
    if not postings:
        return np.zeros(0, dtype=np.int64)
    counts = np.bincount(np.concatenate(postings), minlength=len(index))
    cand = np.flatnonzero(counts)
    if allowed is not None:
        cand = cand[allowed[cand]]
    shared = counts[cand]
    if sizes is None:
        estimate = shared / wanted
    else:
        own = sizes[cand]
        estimate = np.maximum(2 * shared / (wanted + own), np.where(own > wanted, 0.99 * shared / wanted, 0.0))
    key = estimate + index.newest[cand] * 1e-7
    if len(cand) > k:
        top = np.argpartition(-key, k)[:k]
        cand, key = cand[top], key[top]
    return cand[np.argsort(-key, kind="stable")]
