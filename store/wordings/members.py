"""The paragraphs behind a wording: which pass the search's filters, which one stands for the
wording (newest year, then the user's own unit, then the same project), and in how many other
reports the same wording stands."""

from __future__ import annotations

from typing import Any

import numpy as np

from .build import Wordings


def passing(index: Wordings, filters: Any) -> np.ndarray | None:  # noqa: ANN401 - store.search.Filters
    """Per paragraph (index order): whether it passes the filters; None when nothing filters."""
    tests: list[np.ndarray] = []
    if filters.section:
        tests.append(index.section == index.code("sections", filters.section))
    if filters.year is not None:
        tests.append(index.year == filters.year)
    if filters.unit:
        tests.append(np.isin(index.unit, index.holding("units", filters.unit)))
    if filters.title:
        tests.append(np.isin(index.title, index.holding("titles", filters.title)))
    if filters.exclude_report is not None:
        tests.append(index.report != filters.exclude_report)
    if not tests:
        return None
    return np.logical_and.reduce(tests)


def filtered(index: Wordings, filters: Any) -> tuple[np.ndarray | None, np.ndarray | None]:  # noqa: ANN401
    """`passing` and `allowed_wordings` for these filters, kept on the index (which never changes
    once built): a draft asks with the same filters at every pause in typing, and at 300,000
    paragraphs the two cost a millisecond and more."""
    key = tuple(vars(filters).values())
    kept = index.__dict__.setdefault("_filtered", {})
    if key not in kept:
        mask = passing(index, filters)
        allowed = allowed_wordings(index, mask)
        for array in (mask, allowed):
            if array is not None:
                array.flags.writeable = False
        if len(kept) >= 16:
            kept.pop(next(iter(kept)))
        kept[key] = (mask, allowed)
    return kept[key]


def allowed_wordings(index: Wordings, mask: np.ndarray | None) -> np.ndarray | None:
    if mask is None:
        return None
    allowed = np.zeros(len(index), dtype=bool)
    allowed[index.wording[mask]] = True
    return allowed


def representatives(index: Wordings, wording_ids: list[int], mask: np.ndarray | None,
                    near: Any) -> list[tuple[int, int, int, int, str, str]]:  # noqa: ANN401 - search.Near
    """(wording, paragraph id, other reports sharing the wording, year, unit, project) for each
    wording with a paragraph passing `mask`: the one paragraph that stands for it (the newest
    year, then the user's own unit, then the same project, then the latest id)."""
    unit = index.code("units", near.unit) if near and near.unit else -2
    title = index.code("titles", near.title) if near and near.title else -2
    ws = np.asarray(wording_ids, dtype=np.int64)
    if mask is None and unit == -2 and title == -2:  # the newest paragraph, counted at build time
        best, shared, kept = index.top[ws], index.spread[ws] - 1, ws
    else:
        best, shared, kept = _best_members(index, ws, mask, unit, title)
    return [(int(w), int(index.paragraph[b]), int(n), int(index.year[b]), index.units[index.unit[b]],
             index.titles[index.title[b]]) for w, b, n in zip(kept, best, shared, strict=True)]


_ID_BITS = 40  # paragraph ids stay below 2**40 (a trillion): the rest of an int64 holds the ranking


def _best_members(index: Wordings, ws: np.ndarray, mask: np.ndarray | None, unit: int,
                  title: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the wordings `ws` with a member passing `mask`: the place of the member that stands
    for each, how many other reports share it, and those wordings — in one pass over all their
    members (a wording's members are contiguous in index order) rather than one per wording."""
    starts, ends = index.member_starts[ws], index.member_starts[ws + 1]
    lengths = ends - starts
    group = np.repeat(np.arange(len(ws)), lengths)
    place = np.arange(int(lengths.sum())) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    if mask is not None:
        keep = mask[place]
        group, place = group[keep], place[keep]
    if not len(place):
        return place, place, ws[:0]
    rank = (index.year[place].astype(np.int64) * 4 + (index.unit[place] == unit) * 2
            + (index.title[place] == title)) << _ID_BITS | index.paragraph[place]
    firsts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    top = np.maximum.reduceat(rank, firsts)
    best = place[np.flatnonzero(rank == np.repeat(top, np.diff(np.r_[firsts, len(group)])))]
    reports = int(index.report.max(initial=0)) + 1
    pairs = np.unique(group * reports + index.report[place])
    shared = np.bincount(pairs // reports, minlength=len(ws))[group[firsts]] - 1
    return best, shared, ws[group[firsts]]


def affine(index: Wordings, mask: np.ndarray | None, near: Any, limit: int) -> list[int]:  # noqa: ANN401
    """Paragraph ids of the draft's own project, then of its unit, passing `mask`: the newest
    paragraph of each of their wordings, the newest `limit` wordings of each."""
    out: list[int] = []
    for names, column, value in (("titles", index.title, near.title), ("units", index.unit, near.unit)):
        code = index.code(names, value) if value else -1
        if code < 0:
            continue
        hit = column == code
        sel = np.flatnonzero(hit if mask is None else hit & mask)
        if not len(sel):
            continue
        order = sel[np.lexsort((index.paragraph[sel], index.year[sel], index.wording[sel]))]
        last = order[np.concatenate([index.wording[order][1:] != index.wording[order][:-1], [True]])]
        newest = last[np.lexsort((index.paragraph[last], index.year[last]))[::-1][:limit]]
        out += [int(index.paragraph[i]) for i in newest]
    return list(dict.fromkeys(out))
