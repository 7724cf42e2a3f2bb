"""Candidate wordings for a query: those sharing the most of its bigrams, by an estimate of the
rerank's score (Dice for a whole match, containment for the query inside a longer text)."""

from __future__ import annotations

import numpy as np

from extract.mask import MASK

from .build import Wordings

POSTINGS_BUDGET = 400_000  # postings read per query at most; the commonest bigrams go first


def candidates(index: Wordings, masked_query: str, allowed: np.ndarray | None, k: int) -> np.ndarray:
    """Up to `k` wording ids most likely to score highest against `masked_query`, best first;
    `allowed` (a mask over wordings) keeps those with a paragraph passing the filters."""
    query = masked_query.lower()
    if len(query.replace(MASK, "").strip()) == 1:
        return _containing(index, query.replace(MASK, "").strip(), allowed, k)
    keys = query_grams(index, query)
    found = _postings(index, keys)
    if not found:
        return np.zeros(0, dtype=np.int64)
    counts = np.bincount(np.concatenate(found), minlength=len(index))
    cand = np.flatnonzero(counts)
    if allowed is not None:
        cand = cand[allowed[cand]]
    shared, grams, nq = counts[cand], index.grams[cand], max(1, len(keys))
    estimate = np.maximum(2 * shared / (nq + grams), np.where(grams > nq, 0.99 * shared / nq, 0.0))
    return _best(cand, estimate + index.newest[cand] * 1e-7, k)


def query_grams(index: Wordings, query: str) -> np.ndarray:
    """The query's distinct bigram keys (-1 for a bigram with a character the index never saw)."""
    places: list[int] = []
    for ch in query:
        at = int(np.searchsorted(index.chars, ord(ch)))
        places.append(at if at < len(index.chars) and index.chars[at] == ord(ch) else -1)
    keys = {-1 if a < 0 or b < 0 else a * len(index.chars) + b
            for a, b, x, y in zip(places, places[1:], query, query[1:], strict=False)
            if MASK not in (x, y)}
    return np.fromiter(keys, dtype=np.int64, count=len(keys))


def _postings(index: Wordings, keys: np.ndarray) -> list[np.ndarray]:
    keys = keys[keys >= 0]
    if not len(index.gram_keys) or not len(keys):
        return []
    at = np.minimum(np.searchsorted(index.gram_keys, keys), len(index.gram_keys) - 1)
    at = at[index.gram_keys[at] == keys]
    lengths = index.gram_starts[at + 1] - index.gram_starts[at]
    order = np.argsort(lengths, kind="stable")
    keep = order[: max(1, int(np.searchsorted(np.cumsum(lengths[order]), POSTINGS_BUDGET, side="right")))]
    return [index.gram_docs[index.gram_starts[i]:index.gram_starts[i + 1]] for i in at[keep]]


def _containing(index: Wordings, ch: str, allowed: np.ndarray | None, k: int) -> np.ndarray:
    """A one-character query: the newest wordings holding that character."""
    variants = {ch, ch.upper()}
    cand = np.fromiter((i for i, t in enumerate(index.texts) if any(v in t for v in variants)), dtype=np.int64)
    if allowed is not None:
        cand = cand[allowed[cand]]
    return _best(cand, index.newest[cand].astype(np.float64), k)


def _best(cand: np.ndarray, key: np.ndarray, k: int) -> np.ndarray:
    if len(cand) > k:
        top = np.argpartition(-key, k)[:k]
        cand, key = cand[top], key[top]
    return cand[np.argsort(-key, kind="stable")]
