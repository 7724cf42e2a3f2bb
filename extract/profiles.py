"""The 自评表 (附表) layouts, one TOML file each in `extract/data/profiles/`.

A new provincial table layout is a new file there, not new code.  A profile says which labels
name the budget rows and columns, the goals and the indicator columns, the unit its amounts are
written in, how its 执行率 is computed (`scoring.rate_denominator`) and how it scores.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Profile:
    key: str
    name: str
    title: str
    data: dict[str, Any] = field(hash=False, compare=False)

    @property
    def signature(self) -> list[str]:
        return list(self.data.get("signature", []))

    @property
    def scored(self) -> bool:
        return bool(self.data.get("scored"))

    @property
    def amount_unit(self) -> str:
        """The unit of a bare amount in the form (万元 or 元); amounts are kept in 万元."""
        return str(self.data.get("amount_unit", "万元"))

    @property
    def budget(self) -> dict[str, Any]:
        return self.data["budget"]

    @property
    def goals(self) -> dict[str, Any]:
        return self.data["goals"]

    @property
    def indicator_columns(self) -> list[dict[str, Any]]:
        return self.data["indicators"]["columns"]

    @property
    def header(self) -> dict[str, list[str]]:
        return self.data.get("header", {})

    @property
    def level1(self) -> list[dict[str, Any]]:
        return self.data.get("level1", [])

    @property
    def scoring(self) -> dict[str, Any]:
        return self.data.get("scoring", {})

    @property
    def rate_denominator(self) -> str:
        """The budget column 执行率 is taken over (全年预算数, 调整后预算数, (A) …): `budget.rate`."""
        return str(self.budget.get("rate", {}).get("denominator", "budget"))

    @property
    def rate_numerator(self) -> str:
        return str(self.budget.get("rate", {}).get("numerator", "spent"))

    @property
    def rate_weight(self) -> Any:
        return self.scoring.get("rate_weight")

    def money_columns(self) -> list[str]:
        cols = [c["key"] for c in self.budget["columns"]]
        return list(self.budget.get("money_columns", cols))

    def canonical_level1(self, name: str) -> str | None:
        """The profile's 一级 name for `name` or one of its aliases (None when unknown)."""
        plain = _plain(name)
        for entry in self.level1:
            if plain in {_plain(n) for n in (entry["name"], *entry.get("aliases", []))}:
                return entry["name"]
        return None


def _plain(text: str) -> str:
    return "".join(text.split())


@cache
def load_profiles() -> dict[str, Profile]:
    """Every profile, the default one first."""
    folder = resources.files("extract").joinpath("data", "profiles")
    raws = [tomllib.loads(item.read_text(encoding="utf-8"))
            for item in sorted(folder.iterdir(), key=lambda p: p.name) if item.name.endswith(".toml")]
    raws.sort(key=lambda raw: not raw.get("default"))
    return {raw["key"]: Profile(raw["key"], raw["name"], raw["title"], raw) for raw in raws}


def default_profile() -> Profile:
    """The profile marked `default = true` (the layout of a new draft when none is chosen)."""
    return next(iter(load_profiles().values()))


def get_profile(key: str) -> Profile:
    return load_profiles().get(key) or default_profile()
