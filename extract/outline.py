"""The report outline and the 附表 profiles, loaded from the TOML files in `extract/data`.

A new provincial table layout is a new file in `data/profiles/`, not new code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class OutlineEntry:
    key: str
    title: str
    aliases: tuple[str, ...] = ()
    hint: str = ""
    question: str = ""
    part: str = ""  # for sections: the key of their part; for parts: ""
    numeral: str = ""
    leaf: bool = False  # a part without sections (六、七、)
    table: bool = False
    short: str = ""  # for narrow lists
    role: str = ""  # what the section is for («deviation_reasons», «plans»), as outline.toml says

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)

    @property
    def is_part(self) -> bool:
        return not self.part


@dataclass(frozen=True)
class CoverField:
    key: str
    label: str
    patterns: tuple[str, ...]
    required: bool


@dataclass(frozen=True)
class Outline:
    parts: tuple[OutlineEntry, ...]
    sections: tuple[OutlineEntry, ...]
    cover_fields: tuple[CoverField, ...]

    def entry(self, key: str) -> OutlineEntry | None:
        return self.by_key.get(key)

    @cached_property
    def by_key(self) -> dict[str, OutlineEntry]:
        return {e.key: e for e in (*self.parts, *self.sections)}

    def sections_of(self, part_key: str) -> tuple[OutlineEntry, ...]:
        return tuple(s for s in self.sections if s.part == part_key)

    @cached_property
    def leaves(self) -> tuple[OutlineEntry, ...]:
        """Every entry that holds text, in report order: sections, and parts without sections."""
        out: list[OutlineEntry] = []
        for part in self.parts:
            out.extend(self.sections_of(part.key) or (part,))
        return tuple(out)

    def keys_with_role(self, role: str) -> tuple[str, ...]:
        """The keys of the entries outline.toml gives this role (none when no entry has it)."""
        return tuple(e.key for e in (*self.parts, *self.sections) if e.role == role)

    @cached_property
    def table_key(self) -> str | None:
        """The key of the part that holds the 附表."""
        return next((e.key for e in self.parts if e.table), None)

    def order(self, key: str) -> int:
        keys = [e.key for e in self.leaves]
        if key in keys:
            return keys.index(key)
        part = key.split(".")[0]
        firsts = [i for i, k in enumerate(keys) if k.split(".")[0] == part]
        return firsts[0] if firsts else -1


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


def _data_file(*parts: str) -> str:
    return resources.files("extract").joinpath("data", *parts).read_text(encoding="utf-8")


@cache
def load_outline() -> Outline:
    raw = tomllib.loads(_data_file("outline.toml"))
    parts = tuple(_entry(p, part="") for p in raw["part"])
    sections = tuple(_entry(s, part=s["part"]) for s in raw["section"])
    fields = tuple(
        CoverField(f["key"], f["label"], tuple(f["patterns"]), bool(f.get("required")))
        for f in raw["cover"]["fields"]
    )
    return Outline(parts, sections, fields)


def _entry(raw: dict[str, Any], part: str) -> OutlineEntry:
    return OutlineEntry(
        key=raw["key"],
        title=raw["title"],
        aliases=tuple(raw.get("aliases", ())),
        hint=raw.get("hint", ""),
        question=raw.get("question", ""),
        part=part,
        numeral=raw.get("numeral", ""),
        leaf=bool(raw.get("leaf")),
        table=bool(raw.get("table")),
        short=raw.get("short", raw["title"]),
        role=raw.get("role", ""),
    )


@cache
def load_profiles() -> dict[str, Profile]:
    folder = resources.files("extract").joinpath("data", "profiles")
    out: dict[str, Profile] = {}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            raw = tomllib.loads(item.read_text(encoding="utf-8"))
            out[raw["key"]] = Profile(raw["key"], raw["name"], raw["title"], raw)
    return out


def get_profile(key: str) -> Profile:
    profiles = load_profiles()
    return profiles.get(key) or profiles[DEFAULT_PROFILE]


DEFAULT_PROFILE = "mof2020"
