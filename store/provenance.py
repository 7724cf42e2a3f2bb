"""Where a draft's words and numbers come from: last year's text, or this year's work.

A draft started from last year's report begins as that report's text (years rolled forward,
names replaced); a suggestion or a lookup inserts more of last year's text later.  Each such
piece is kept as an *origin*: its text and which of its numbers are still last year's.  When a
section is saved, every paragraph is matched against the section's origins:

- identical to a copy of the source report: ``inherited`` (沿用去年，未修改);
- identical to an inserted suggestion or lookup: ``inserted``;
- close to one of them (same wording, numbers masked): ``edited``;
- otherwise ``written`` (typed this year).

A number keeps the provenance ``inherited`` while it stands as it stood in its origin and was
one of the origin's old numbers — in an edited paragraph too — unless the user confirmed it;
every other number of a draft is this year's.  Only this year's numbers become facts of this
year (see `store.drafting.this_year`).  Past reports have no provenance ("").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from extract.mask import mask_numbers
from extract.mention import Mention

PAST = ""
# paragraphs
INHERITED = "inherited"
INSERTED = "inserted"
EDITED = "edited"
WRITTEN = "written"
# numbers
OLD = "inherited"
CONFIRMED = "confirmed"
THIS_YEAR = "this_year"

SOURCE = "source"  # an origin copied from the source report when the draft was made
INSERT = "insert"  # an origin inserted from a suggestion or a lookup
SAME_WORDING = 80  # fuzz.ratio of the number-masked texts: the same paragraph, edited

Key = tuple[str, str]  # (surface, label): a number as it stands in a paragraph


@dataclass(frozen=True)
class Origin:
    text: str
    kind: str  # SOURCE | INSERT
    old: frozenset[Key]

    def old_json(self) -> str:
        return json.dumps(sorted(self.old), ensure_ascii=False)

    @classmethod
    def from_row(cls, row: dict) -> Origin:
        return cls(row["text"], row["kind"], frozenset(tuple(k) for k in json.loads(row["old"] or "[]")))


def number_key(m: Mention) -> Key:
    return m.surface, m.label


def origin_of(text: str, mentions: Iterable[Mention], kind: str, fresh: Iterable[int] = ()) -> Origin:
    """An origin whose numbers are all last year's except those starting at `fresh` offsets
    (slots a suggestion filled with this year's values, years rolled forward, background years)."""
    keep = set(fresh)
    return Origin(text, kind, frozenset(number_key(m) for m in mentions if m.start not in keep))


@dataclass(frozen=True)
class Classified:
    paragraph: str  # INHERITED | INSERTED | EDITED | WRITTEN
    numbers: tuple[str, ...]  # OLD | CONFIRMED | THIS_YEAR, one per mention


def classify(text: str, mentions: list[Mention], origins: list[Origin], confirmed: set[Key]) -> Classified:
    """The provenance of one paragraph of a draft and of each of its numbers."""
    origin = _matching(text, origins)
    if origin is None:
        return Classified(WRITTEN, tuple(THIS_YEAR for _ in mentions))
    if text == origin.text:
        paragraph = INHERITED if origin.kind == SOURCE else INSERTED
    else:
        paragraph = EDITED
    numbers = []
    for m in mentions:
        key = number_key(m)
        if key not in origin.old:
            numbers.append(THIS_YEAR)
        else:
            numbers.append(CONFIRMED if key in confirmed else OLD)
    return Classified(paragraph, tuple(numbers))


def _matching(text: str, origins: list[Origin]) -> Origin | None:
    """The origin this paragraph was made from: the same text, else the closest wording."""
    exact = [o for o in origins if o.text == text]
    if exact:
        return min(exact, key=lambda o: o.kind != SOURCE)  # a copy of the source report first
    masked = mask_numbers(text)
    best, best_score = None, 0.0
    for origin in origins:
        score = fuzz.ratio(masked, mask_numbers(origin.text), score_cutoff=SAME_WORDING)
        if score > best_score:
            best, best_score = origin, score
    return best


def is_this_years(provenance: str) -> bool:
    """A fact that speaks for this year: a past report's own, or a draft's written or confirmed."""
    return provenance != OLD
