"""What the rules read: the report, its numbers located in its sections, its 附表, and what the
store knows (other units' names, the report a draft was started from).

Built from a stored report (numbers come from the facts table: no re-parsing) or from a report in
memory (numbers are extracted on the spot).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from extract import extract_numbers
from extract.document import Report, Section
from extract.mention import Mention
from extract.outline import Outline, Profile, get_profile, outline_of

from .finding import Evidence
from .intervals import Interval
from .name_matcher import NameMatcher


@dataclass(frozen=True)
class Located:
    """A number in the text, and where it is."""

    m: Mention
    section: str
    paragraph: int
    offset: int  # where the paragraph starts in the section's text
    provenance: str = ""  # a draft's number: store/provenance.py ("inherited": still last year's)

    @property
    def start(self) -> int:
        return self.offset + self.m.start

    @property
    def end(self) -> int:
        return self.offset + self.m.end

    def evidence(self) -> Evidence:
        return Evidence("text", self.m.surface, self.section, self.paragraph, self.start, self.end)

    def interval(self) -> Interval:
        assert isinstance(self.m.value, Decimal)
        return Interval.written(self.m.value, self.m.precision)

    @property
    def approximate(self) -> bool:
        return self.m.approx or self.m.cmp in ("≥", "≤", ">", "<", "≈") or self.m.low is not None


@dataclass(eq=False)
class NameIndex:
    """Units and projects the store knows, with the abbreviations their reports define.

    What the names check works out from them is kept here (built on first use), and the index is
    kept across checks while the store's names do not change: fill it before the first check."""

    units: dict[str, str] = field(default_factory=dict)  # name or abbreviation → full unit name
    titles: set[str] = field(default_factory=set)

    @cached_property
    def known(self) -> frozenset[str]:
        return frozenset(self.units) | frozenset(self.titles)

    @cached_property
    def matcher(self) -> NameMatcher:
        return NameMatcher(self.known)


@dataclass
class CheckInput:
    report: Report
    located: list[Located]
    report_id: int | None = None
    names: NameIndex | None = None
    source: Report | None = None  # the report a draft was started from
    source_located: list[Located] = field(default_factory=list)
    this_year: Any = None  # a draft's facts of this year (store.suggest.facts.ThisYear), for the stale check
    paragraph_provenance: dict[tuple[str, int], str] = field(default_factory=dict)  # a draft's paragraphs
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False)  # what a rule works out once a check
    _paragraph_offsets: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        table = self.report.table
        if table is not None and not table.section:
            table.section = self.table_key  # a table made in code: where its outline keeps it

    @cached_property
    def profile(self) -> Profile:
        return get_profile(self.report.profile or (self.report.table.profile if self.report.table else ""))

    @cached_property
    def outline(self) -> Outline:
        """The report's outline: which section is which (`outline.key_for("deviation_reasons")` …)."""
        return outline_of(self.report)

    @property
    def table_key(self) -> str:
        """The key of the section that holds the 附表 in this report's outline."""
        return self.outline.table_section or ""

    def keys_for(self, *roles: str) -> tuple[str, ...]:
        return self.outline.keys_for(*roles)

    def text_for(self, *roles: str) -> str:
        """The text of the sections with any of `roles`, joined."""
        return "\n".join(self.text_of(key) for key in self.keys_for(*roles))

    @cached_property
    def sections(self) -> dict[str, Section]:
        return {s.key: s for s in self.report.sections}

    def section(self, key: str) -> Section | None:
        return self.sections.get(key)

    def paragraph(self, loc: Located) -> str:
        section = self.sections.get(loc.section)
        return section.paragraphs[loc.paragraph] if section else ""

    @cached_property
    def by_paragraph(self) -> dict[tuple[str, int], list[Located]]:
        out: dict[tuple[str, int], list[Located]] = {}
        for loc in self.located:
            out.setdefault((loc.section, loc.paragraph), []).append(loc)
        return out

    @cached_property
    def by_section(self) -> dict[str, list[Located]]:
        out: dict[str, list[Located]] = {}
        for loc in self.located:
            out.setdefault(loc.section, []).append(loc)
        return out

    def text_of(self, key: str) -> str:
        section = self.sections.get(key)
        return section.text if section else ""

    def role_keys(self, role: str) -> tuple[str, ...]:
        """The keys of the sections the report's outline gives this role («deviation_reasons», «plans»)."""
        return self.outline.keys_with_role(role)

    def role_text(self, role: str) -> str:
        return self.text_for(role)

    def text_sections(self) -> list[Section]:
        """The sections that hold text (every one but the 附表)."""
        return [s for s in self.report.sections if s.key != self.table_key]

    def paragraph_span(self, key: str, index: int) -> tuple[int, int]:
        section = self.sections.get(key)
        if section is None:
            return 0, 0
        start = self._offsets(key)[index]
        return start, start + len(section.paragraphs[index])

    def _offsets(self, key: str) -> list[int]:
        """Where each paragraph of a section starts in its text (worked out once per section)."""
        offsets = self._paragraph_offsets.get(key)
        if offsets is None:
            offsets, start = [], 0
            for paragraph in self.sections[key].paragraphs:
                offsets.append(start)
                start += len(paragraph) + 1
            self._paragraph_offsets[key] = offsets
        return offsets

    def quantities(self) -> list[Located]:
        return [loc for loc in self.located if loc.m.is_quantity]

    @property
    def year(self) -> int | None:
        return self.report.year


def locate(sections: list[Section], extract: bool = True,
           facts: dict[tuple[str, int], list[Mention]] | None = None,
           provenance: dict[tuple[str, int, int], str] | None = None) -> list[Located]:
    """Every number of every section, with its place; from `facts` when given, with the
    `provenance` of each (keyed by section, paragraph and start) when given."""
    out: list[Located] = []
    marks = provenance or {}
    for section in sections:
        offset = 0
        for index, paragraph in enumerate(section.paragraphs):
            if facts is not None:
                mentions = facts.get((section.key, index), [])
            else:
                mentions = extract_numbers(paragraph) if extract else []
            out.extend(Located(m, section.key, index, offset, marks.get((section.key, index, m.start), ""))
                       for m in mentions)
            offset += len(paragraph) + 1
    return out


def from_report(report: Report, *, names: NameIndex | None = None, source: Report | None = None,
                report_id: int | None = None) -> CheckInput:
    """Check input for a report in memory: its numbers are extracted now.  With a `source`, the
    report is taken as a draft copied from it: whatever still stands as there is last year's."""
    if source is None:
        return CheckInput(report=report, located=locate(report.sections), report_id=report_id, names=names)
    from store.provenance import OLD, SOURCE, classify, origin_of
    from store.this_year import assemble

    provenance: dict[tuple[str, int, int], str] = {}
    paragraphs: dict[tuple[str, int], str] = {}
    for section in report.sections:
        old = source.section(section.key)
        origins = [origin_of(p, extract_numbers(p), SOURCE) for p in (old.paragraphs if old else [])]
        for index, paragraph in enumerate(section.paragraphs):
            mentions = extract_numbers(paragraph)
            found = classify(paragraph, mentions, origins, set())
            paragraphs[(section.key, index)] = found.paragraph
            provenance.update({(section.key, index, m.start): p for m, p in zip(mentions, found.numbers, strict=True)})
    located = locate(report.sections, provenance=provenance)
    fresh = [(loc.section, loc.m) for loc in located if loc.provenance != OLD]
    return CheckInput(report=report, located=located, report_id=report_id, names=names, source=source,
                      source_located=locate(source.sections), this_year=assemble(report, [], fresh),
                      paragraph_provenance=paragraphs)
