"""The vocabulary of labels: normalised for comparison, too general to name one item, naming an
execution rate, or naming a cell of the 附表."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from .outline import Profile

_YEAR_PREFIX = re.compile(r"^(?:19|20)\d{2}\s*年度?")


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(resources.files("extract").joinpath("data", "labels.toml").read_text(encoding="utf-8"))


@cache
def normalise(label: str) -> str:
    """A label stripped of what does not change the item it names (year, 本年度, 项目 …)."""
    text = "".join(label.split())
    text = _YEAR_PREFIX.sub("", text)
    changed = True
    while changed:
        changed = False
        for word in _data()["normalise"]["leading"]:
            if text.startswith(word) and len(text) > len(word) + 1:
                text = text[len(word):]
                changed = True
    return text


@cache
def canonical(label: str) -> str:
    """One name for a label and its synonyms («在职人员», «实有在职» → «在职»), from the data's
    `[synonyms]`; other labels are returned as they are."""
    for head, words in _data().get("synonyms", {}).items():
        if label == head or label in words:
            return head
    return label


@cache
def is_generic(label: str) -> bool:
    return not label or normalise(label) in set(_data()["generic"]["labels"])


def is_rate(label: str) -> bool:
    text = normalise(label)
    return any(text.endswith(word) or text == word for word in _data()["rate"]["labels"])


@cache
def is_adjustment(label: str) -> bool:
    """«调减», «年中追加»: the amount changes another one; it is not a part of a sum."""
    return any(word in label for word in _data()["adjustment"]["words"])


def table_cell_for(label: str, profile: Profile) -> tuple[str, str] | None:
    """The (row, column) of the 附表 that a text label names, if any."""
    text = normalise(label)
    rows = {spec["key"] for spec in profile.budget["rows"]}
    for key, words in _data()["cells"].items():
        if text in words or label in words:
            _, row, column = key.split(".")
            if row not in rows:
                row = _data()["fallback"].get(row, row)
            if row in rows:
                return row, column
    return None
