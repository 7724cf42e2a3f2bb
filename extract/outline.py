"""Report outlines, one TOML file each in `extract/data/outlines/`, and the 附表 profiles.

An outline names a report layout's parts (一、…) and sections (（一）…): their keys, titles and
the variants seen in real reports, hint lines, the walk's questions, the cover fields, which
section holds the 自评表, which sections are required and what each is for (`roles`).  A report
records the key of its outline (`Report.outline`); `outline_of(report)` gives it back.  A report
of no known outline has the structural outline: its own headings are its sections.

A new provincial outline is a new file there, not new code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

from .profiles import Profile, default_profile, get_profile, load_profiles

if TYPE_CHECKING:
    from .document import Report, Section

PREAMBLE = "0"
"""The key of the text before a report's first heading (not an outline section)."""

_NUMERALS = "一二三四五六七八九十"


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
    table: bool = False  # holds the 自评表
    short: str = ""  # for narrow lists
    roles: tuple[str, ...] = ()
    required: bool = True  # the completeness check asks for it
    may_be_empty: bool = False  # present without text is fine («如已完成，可不用填写»)
    appendix: bool = False  # a part after which numbering may restart without a new report

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
    written: str = ""  # the label as the export writes it («实施单位（公章）»)


@dataclass(frozen=True)
class Outline:
    parts: tuple[OutlineEntry, ...]
    sections: tuple[OutlineEntry, ...]
    cover_fields: tuple[CoverField, ...]
    key: str = ""
    name: str = ""
    document: str = "项目支出绩效自评报告"  # the document title after «2025年度»
    default: bool = False
    structural: bool = False  # built from a report's own headings

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
        """The keys of the entries the outline gives this role (none when no entry has it)."""
        return tuple(e.key for e in (*self.parts, *self.sections) if role in e.roles)

    @property
    def table_key(self) -> str | None:
        """The key of the section that holds the 附表 (the same as `table_section`)."""
        return self.table_section

    def order(self, key: str) -> int:
        """A section's place in the report (a key the outline lacks goes where its part begins)."""
        found = self._orders.get(key)
        if found is None:
            keys = [e.key for e in self.leaves]
            if key in keys:
                found = keys.index(key)
            else:
                part = key.split(".")[0]
                found = next((i for i, k in enumerate(keys) if k.split(".")[0] == part), -1)
            if len(self._orders) < 4096:  # keys of every report checked: a bound for odd input
                self._orders[key] = found
        return found

    @cached_property
    def _orders(self) -> dict[str, int]:
        """Places already worked out: rules sort findings and sentences by it, thousands a check."""
        return {}

    @cached_property
    def table_entry(self) -> OutlineEntry | None:
        return next((e for e in self.leaves if e.table), None)

    @property
    def table_section(self) -> str | None:
        """The key of the section that holds the 自评表 (None: this layout has none)."""
        return self.table_entry.key if self.table_entry else None

    @cached_property
    def required(self) -> tuple[str, ...]:
        """Keys of the sections a report of this outline must have (the 自评表's included)."""
        return tuple(e.key for e in self.leaves if e.required)

    def keys_for(self, *roles: str) -> tuple[str, ...]:
        """Keys of the leaves with any of `roles`, in report order."""
        return tuple(e.key for e in self.leaves if set(e.roles) & set(roles))

    def key_for(self, role: str) -> str | None:
        """The first leaf with `role` (None when this outline has none)."""
        keys = self.keys_for(role)
        return keys[0] if keys else None

    def title_of(self, key: str) -> str:
        entry = self.entry(key)
        return entry.title if entry else ("前言" if key == PREAMBLE else key)


def _data_file(*parts: str) -> str:
    return resources.files("extract").joinpath("data", *parts).read_text(encoding="utf-8")


@cache
def _outlines() -> dict[str, Outline]:
    """Every outline file, the default first, the structural one last."""
    folder = resources.files("extract").joinpath("data", "outlines")
    outlines = [_outline(tomllib.loads(item.read_text(encoding="utf-8")))
                for item in sorted(folder.iterdir(), key=lambda p: p.name) if item.name.endswith(".toml")]
    outlines.sort(key=lambda o: (not o.default, o.structural))
    return {o.key: o for o in outlines}


def _outline(raw: dict[str, Any]) -> Outline:
    fields = tuple(
        CoverField(f["key"], f["label"], tuple(f["patterns"]), bool(f.get("required")), f.get("written", f["label"]))
        for f in raw["cover"]["fields"]
    )
    return Outline(
        parts=tuple(_entry(p, part="") for p in raw.get("part", [])),
        sections=tuple(_entry(s, part=s["part"]) for s in raw.get("section", [])),
        cover_fields=fields,
        key=raw["key"],
        name=raw.get("name", raw["key"]),
        document=raw.get("document", "项目支出绩效自评报告"),
        default=bool(raw.get("default")),
        structural=bool(raw.get("structural")),
    )


def _entry(raw: dict[str, Any], part: str) -> OutlineEntry:
    roles = raw.get("role", ())
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
        roles=(roles,) if isinstance(roles, str) else tuple(roles),
        required=bool(raw.get("required", True)),
        may_be_empty=bool(raw.get("may_be_empty")),
        appendix=bool(raw.get("appendix")),
    )


def list_outlines() -> list[Outline]:
    """The known outlines a report can follow (the default first; not the structural one)."""
    return [o for o in _outlines().values() if not o.structural]


def default_outline() -> Outline:
    return list_outlines()[0]


def structure_base() -> Outline:
    """The structural outline's shared part: cover fields and the 自评表 section."""
    return next(o for o in _outlines().values() if o.structural)


STRUCTURAL = "structure"
"""`Report.outline` of a report read by its headings' structure (no known outline fitted); the
key of `data/outlines/structure.toml`."""


def load_outline(key: str | None = None) -> Outline:
    """The outline `key` names; the default outline for None, "" or a key no file has."""
    outlines = _outlines()
    if key and key in outlines and not outlines[key].structural:
        return outlines[key]
    return default_outline()


def is_known(key: str) -> bool:
    return key in _outlines() and not _outlines()[key].structural


def structural_outline(sections: list[Section]) -> Outline:
    """An outline made of a report's own sections: "1" and "1.1" keys, titles as written."""
    base = structure_base()
    table = base.table_entry
    parts: list[OutlineEntry] = []
    subs: list[OutlineEntry] = []
    for section in sections:
        if section.key == PREAMBLE or (table is not None and section.key == table.key):
            continue
        part, _, sub = section.key.partition(".")
        entry = OutlineEntry(section.key, section.title or section.heading, part=part if sub else "",
                             numeral=_numeral(sub or part), leaf=not sub, short=section.title, required=False)
        (subs if sub else parts).append(entry)
    for entry in subs:  # a section whose part heading was not written: the part is implied
        if not any(p.key == entry.part for p in parts):
            parts.append(OutlineEntry(entry.part, "", numeral=_numeral(entry.part), required=False))
    parts = [replace(p, leaf=not any(s.part == p.key for s in subs)) for p in parts]
    parts.sort(key=lambda e: _sort_key(e.key))
    subs.sort(key=lambda e: _sort_key(e.key))
    if table is not None:
        parts.append(table)
    return Outline(tuple(parts), tuple(subs), base.cover_fields, key=base.key, name=base.name,
                   document=base.document, structural=True)


def _sort_key(key: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 999 for p in key.split("."))


def _numeral(digits: str) -> str:
    if not digits.isdigit():
        return ""
    n = int(digits)
    if n <= 10:
        return _NUMERALS[n - 1]
    return ("" if n < 20 else _NUMERALS[n // 10 - 1]) + "十" + (_NUMERALS[n % 10 - 1] if n % 10 else "")


def outline_of(report: Report) -> Outline:
    """The outline a report follows: the one it records, the default for a report that records
    none (stored before outlines were recorded), its own headings for a structural report."""
    if report.outline == STRUCTURAL or (report.outline and not is_known(report.outline)):
        return structural_outline(report.sections)
    return load_outline(report.outline)


def __getattr__(name: str) -> Any:
    """`DEFAULT_PROFILE`: the key of the profile marked default in its data file."""
    if name == "DEFAULT_PROFILE":
        return default_profile().key
    raise AttributeError(name)


__all__ = [
    "PREAMBLE", "STRUCTURAL", "CoverField", "Outline", "OutlineEntry", "Profile", "default_outline",
    "default_profile", "get_profile", "is_known", "list_outlines", "load_outline", "load_profiles", "outline_of",
    "structural_outline",
]
