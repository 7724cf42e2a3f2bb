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


def allowed_wordings(index: Wordings, mask: np.ndarray | None) -> np.ndarray | None:
    if mask is None:
        return None
    allowed = np.zeros(len(index), dtype=bool)
    allowed[index.wording[mask]] = True
    return allowed


def representatives(index: Wordings, wording_ids: np.ndarray, mask: np.ndarray | None,
                    near: Any) -> list[tuple[int, int, int, int, str, str]]:  # noqa: ANN401 - search.Near
    """(wording, paragraph id, other reports sharing the wording, year, unit, project) for each
    wording with a paragraph passing `mask`: the one paragraph that stands for it."""
    unit = index.code("units", near.unit) if near and near.unit else -2
    title = index.code("titles", near.title) if near and near.title else -2
    out = []
    for w in wording_ids:
        start, end = int(index.member_starts[w]), int(index.member_starts[w + 1])
        if mask is None and unit == -2 and title == -2:  # the newest paragraph, counted at build time
            best, shared = int(index.top[w]), int(index.spread[w]) - 1
        else:
            sel = np.arange(start, end) if mask is None else start + np.flatnonzero(mask[start:end])
            if not len(sel):
                continue
            order = np.lexsort((index.paragraph[sel], index.title[sel] == title, index.unit[sel] == unit,
                                index.year[sel]))
            best, shared = int(sel[order[-1]]), len(np.unique(index.report[sel])) - 1
        out.append((int(w), int(index.paragraph[best]), shared, int(index.year[best]),
                    index.units[index.unit[best]], index.titles[index.title[best]]))
    return out


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
