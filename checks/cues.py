"""The word lists of `checks/data/cues.toml`."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def cues() -> dict[str, Any]:
    return tomllib.loads(resources.files("checks").joinpath("data", "cues.toml").read_text(encoding="utf-8"))


def words(section: str, name: str) -> tuple[str, ...]:
    return tuple(cues()[section][name])


def is_sample(paragraph: str, start: int) -> bool:
    """Is the count starting at `start` a sample or a part of the things counted («抽查了6个»,
    «对其中18场活动»)?  Then it is not their number."""
    before = paragraph[max(0, start - 6):start]
    return any(word in before for word in words("two_values", "sample"))
