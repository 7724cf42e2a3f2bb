"""Building the wording index from a store's past paragraphs (vectorised: a few seconds at
300,000 paragraphs, then saved)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from extract.mask import MASK

Row = tuple[int, int, str, str, int | None, str, str]  # id, report, section, masked, year, unit, title


@dataclass(eq=False)
class Wordings:
    signature: tuple[int, int]  # (search epoch, max paragraph id) of the store it was built from
    texts: list[str]  # distinct masked texts; a wording's id is its place here
    chars: np.ndarray  # sorted code points met in the texts (lower-cased)
    gram_keys: np.ndarray  # sorted bigram keys: first char's place in `chars` × len(chars) + second's
    gram_starts: np.ndarray  # postings of gram_keys[i]: gram_docs[gram_starts[i]:gram_starts[i + 1]]
    gram_docs: np.ndarray  # wording ids
    grams: np.ndarray  # per wording: its number of distinct bigrams
    char_starts: np.ndarray  # wordings holding chars[i]: char_docs[char_starts[i]:char_starts[i + 1]]
    char_docs: np.ndarray
    newest: np.ndarray  # per wording: the newest year among its paragraphs
    top: np.ndarray  # per wording: the place of its newest paragraph (year, then id)
    spread: np.ndarray  # per wording: how many reports hold it
    member_starts: np.ndarray  # paragraphs of wording w: [member_starts[w], member_starts[w + 1])
    paragraph: np.ndarray  # per paragraph (ordered by wording): its id
    wording: np.ndarray
    report: np.ndarray
    year: np.ndarray  # 0 when unknown
    section: np.ndarray  # codes into `sections`, `units`, `titles`
    unit: np.ndarray
    title: np.ndarray
    sections: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)

    def code(self, names: str, value: str) -> int:
        """The code of a section, unit or project name (`names`: «sections», «units», «titles»); -1 if none."""
        return self._codes(names).get(value, -1)

    def holding(self, names: str, needle: str) -> list[int]:
        """Codes of the names holding `needle`, as SQL's LIKE '%needle%' (ASCII case ignored)."""
        needle = needle.lower()
        return [i for i, v in enumerate(self._lowered(names)) if needle in v]

    def _codes(self, names: str) -> dict[str, int]:
        key = "_codes_" + names
        if key not in self.__dict__:
            self.__dict__[key] = {v: i for i, v in enumerate(getattr(self, names))}
        return self.__dict__[key]

    def _lowered(self, names: str) -> list[str]:
        key = "_lowered_" + names
        if key not in self.__dict__:
            self.__dict__[key] = [v.lower() for v in getattr(self, names)]
        return self.__dict__[key]


def _coded(values: tuple[str, ...]) -> tuple[list[int], list[str]]:
    """Each value as the place of its first occurrence among the distinct values."""
    seen: dict[str, int] = {}
    codes = [seen.setdefault(v, len(seen)) for v in values]
    return codes, list(seen)


def build(rows: Iterable[Row], signature: tuple[int, int]) -> Wordings:
    columns = list(zip(*rows, strict=True)) or [()] * 7
    ids, reports, section_keys, masked, years, unit_names, title_names = columns
    (wording_of, texts), (section_of, sections), (unit_of, units), (title_of, titles) = (
        _coded(c) for c in (masked, section_keys, unit_names, title_names))
    cols = [ids, wording_of, reports, [y or 0 for y in years], section_of, unit_of, title_of]
    order = np.argsort(np.asarray(cols[1], dtype=np.int64), kind="stable")
    paragraph, wording, report, year, section, unit, title = (np.asarray(c, dtype=np.int64)[order] for c in cols)
    n = len(texts)
    member_starts = np.concatenate([[0], np.cumsum(np.bincount(wording, minlength=n))]).astype(np.int64)
    newest = np.zeros(n, dtype=np.int64)
    np.maximum.at(newest, wording, year)
    top, spread = _tops(wording, year, paragraph, report, n)
    chars, keys, starts, docs, grams, char_starts, char_docs = _postings(texts)
    return Wordings(signature, texts, chars, keys, starts, docs, grams, char_starts, char_docs, newest, top, spread,
                    member_starts,
                    paragraph, wording.astype(np.int32), report, year.astype(np.int32), section.astype(np.int32),
                    unit.astype(np.int32), title.astype(np.int32), sections, units, titles)


def _tops(wording: np.ndarray, year: np.ndarray, paragraph: np.ndarray, report: np.ndarray,
          n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per wording: the place of its newest paragraph, and the number of reports holding it."""
    order = np.lexsort((paragraph, year, wording))
    last = np.flatnonzero(np.concatenate([wording[order][1:] != wording[order][:-1], [True]])) if n else order[:0]
    top = np.zeros(n, dtype=np.int64)
    top[wording[order][last]] = order[last]
    pairs = _unique(wording * (int(report.max(initial=0)) + 1) + report)
    spread = np.bincount(pairs // (int(report.max(initial=0)) + 1), minlength=n)
    return top, spread.astype(np.int64)


def _postings(texts: list[str]) -> tuple[np.ndarray, ...]:
    """Each distinct bigram of the lower-cased texts (none holding a masked number), and each
    distinct character, with the wordings holding it."""
    n = len(texts)
    lowered = [t.lower() for t in texts]
    codes = np.frombuffer(("\x00".join(lowered) + "\x00").encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    doc = np.repeat(np.arange(n, dtype=np.int64), [len(t) + 1 for t in lowered])[:-1]
    chars = _unique(codes)
    inv = np.searchsorted(chars, codes)
    first, second = codes[:-1], codes[1:]
    ok = (first != 0) & (second != 0) & (first != ord(MASK)) & (second != ord(MASK))
    key = inv[:-1][ok] * len(chars) + inv[1:][ok]
    shift = max(1, n.bit_length())
    pair = _unique((key << shift) | doc[ok])
    gram_key, gram_doc = pair >> shift, (pair & ((1 << shift) - 1)).astype(np.int32)
    where = _firsts(gram_key)
    keys = gram_key[where]
    starts = np.concatenate([where, [len(gram_key)]]).astype(np.int64)
    char_starts, char_docs = _char_postings(inv[:-1], doc, len(chars), shift)
    return chars, keys, starts, gram_doc, np.bincount(gram_doc, minlength=n).astype(np.int32), char_starts, char_docs


def _char_postings(char: np.ndarray, doc: np.ndarray, nchars: int, shift: int) -> tuple[np.ndarray, np.ndarray]:
    """CSR postings of each character (by its place in `chars`; separators included, unused)."""
    pair = _unique((char << shift) | doc)
    owner = pair >> shift
    starts = np.searchsorted(owner, np.arange(nchars + 1)).astype(np.int64)
    return starts, (pair & ((1 << shift) - 1)).astype(np.int32)


def _unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (by sorting: numpy 2's hashing `np.unique` takes minutes on these)."""
    ordered = np.sort(values)
    return ordered[_firsts(ordered)]


def _firsts(ordered: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array starts."""
    if not len(ordered):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
