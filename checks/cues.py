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
