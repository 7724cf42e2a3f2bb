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
        tests.append(index.section == _code(index.sections, filters.section))
    if filters.year is not None:
        tests.append(index.year == filters.year)
    if filters.unit:
        tests.append(np.isin(index.unit, _holding(index.units, filters.unit)))
    if filters.title:
        tests.append(np.isin(index.title, _holding(index.titles, filters.title)))
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
    unit = _code(index.units, near.unit) if near and near.unit else -2
    title = _code(index.titles, near.title) if near and near.title else -2
    out = []
    for w in wording_ids:
        start, end = int(index.member_starts[w]), int(index.member_starts[w + 1])
        sel = np.arange(start, end) if mask is None else start + np.flatnonzero(mask[start:end])
        if not len(sel):
            continue
        order = np.lexsort((index.paragraph[sel], index.title[sel] == title, index.unit[sel] == unit, index.year[sel]))
        best = sel[order[-1]]
        out.append((int(w), int(index.paragraph[best]), len(np.unique(index.report[sel])) - 1, int(index.year[best]),
                    index.units[index.unit[best]], index.titles[index.title[best]]))
    return out


def _code(values: list[str], value: str) -> int:
    try:
        return values.index(value)
    except ValueError:
        return -1


def _holding(values: list[str], needle: str) -> list[int]:
    """Codes of the values holding `needle` (as SQL's LIKE '%needle%': ASCII case ignored)."""
    needle = needle.lower()
    return [i for i, v in enumerate(values) if needle in v.lower()]
