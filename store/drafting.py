"""The drafting core the CLI and the TUI both call: suggestions for a section, the colours of a
section's numbers, and a draft's progress.  (Drafts themselves: `store.drafts`; this year's
facts: `store.this_year`; checks with dismissals: `checks.check_report`; the export gate:
`checks.review`.)  Neither front end holds SQL or orchestration of its own, so the same draft
gives the same answers in both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from extract import extract_numbers
from extract.mention import Mention
from extract.outline import Outline, is_known, load_outline

from .db import Store
from .draft_text import confirmed_numbers, load_origins
from .drafts import find_draft
from .facts import teach_names
from .provenance import INHERITED, OLD, classify
from .reports import load_report, stored_outline
from .suggest import Request, Suggestion, suggest
from .suggest.facts import Fact, ThisYear, is_target
from .suggest.style import write_like
from .this_year import this_year

# How a number of a draft stands (the editor's colours, the stale check):
FRESH = "this_year"  # written, edited or confirmed this year
MATCHED = "matched"  # still last year's text, but this year's fact has the same value
DIFFERS = "differs"  # still last year's text, and this year's fact says otherwise
UNCHECKED = "unchecked"  # still last year's text, and nothing of this year says either way


def suggestions(store: Store, section: str, *, text: str = "", draft_id: int | None = None, title: str = "",
                unit: str = "", year: int | None = None, facts: Iterable[Fact] = (), from_report: int | None = None,
                limit: int = 5) -> tuple[list[Suggestion], float]:
    """Last year's paragraphs of `section` with this year's numbers, ranked against `text` (what
    is typed), and the time taken (ms).  The draft is the one given, else this year's draft of
    the named project; `facts` (`--fact`) come before the draft's own."""
    teach_names(store)
    if draft_id is None and title:
        draft_id = find_draft(store, title, year)
    if draft_id is not None:
        report = load_report(store, draft_id)
        title, unit, year = title or report.title, unit or report.unit, year or report.year
        known = this_year(store, draft_id, skip_section=section, extra=facts, report=report)
    else:
        known = ThisYear.empty()
        for fact in facts:
            known.add(fact)
    return suggest(store, Request(section, text, year, unit, title, known, from_report, draft_id, limit))


def judge(m: Mention, facts: ThisYear, year: int | None) -> tuple[str, Fact | None]:
    """Whether a number still as in last year's text agrees with this year's facts:
    MATCHED, DIFFERS (with the fact) or UNCHECKED."""
    if m.kind == "date":
        written = str(m.value)[:4]
        return (MATCHED if year and written == str(year) else UNCHECKED), None
    if not m.is_quantity or not isinstance(m.value, Decimal):
        return UNCHECKED, None
    find = facts.find_target if is_target(m) else facts.value_for
    fact = find(m.label, m.kind, m.unit)
    if fact is None:
        return UNCHECKED, None
    tolerance = Decimal(5) * Decimal(10) ** ((m.precision or 0) - 1)
    return (MATCHED if abs(fact.value - m.value) <= tolerance else DIFFERS), fact


def fact_text(m: Mention, fact: Fact) -> str:
    """This year's value written as the number `m` is («88.1万元»), and where it comes from."""
    return f"{write_like(m, fact.value, fact.precision, keep_decimals=fact.precision is None)}（{fact.source}）"


@dataclass(frozen=True)
class Mark:
    start: int  # offsets in the section's text
    end: int
    kind: str  # money | percent | count | date | number
    status: str  # FRESH | MATCHED | DIFFERS | UNCHECKED
    note: str = ""  # for DIFFERS: this year's value


def number_marks(store: Store, draft_id: int, key: str, text: str) -> list[Mark]:
    """Every number of a section's text as typed now, with how it stands against this year."""
    origins = load_origins(store, draft_id, key)
    confirmed = confirmed_numbers(store, draft_id, key)
    facts: ThisYear | None = None
    year = None
    marks: list[Mark] = []
    offset = 0
    for line in text.split("\n"):
        mentions = extract_numbers(line) if line.strip() else []
        numbers = classify(line, mentions, origins, confirmed).numbers if mentions else ()
        for m, provenance in zip(mentions, numbers, strict=True):
            status, note = FRESH, ""
            if provenance == OLD:
                if facts is None:
                    report = load_report(store, draft_id)
                    facts, year = this_year(store, draft_id, skip_section=key, report=report), report.year
                status, fact = judge(m, facts, year)
                note = f"今年为 {fact_text(m, fact)}" if fact is not None and status == DIFFERS else ""
            marks.append(Mark(offset + m.start, offset + m.end, m.kind, status, note))
        offset += len(line) + 1
    return marks


def old_numbers_at(store: Store, draft_id: int, key: str, text: str, start: int, end: int) -> list[tuple[str, str]]:
    """The numbers still as in last year's text between `start` and `end` of the section's text
    (a paragraph, or the number under the cursor), as (surface, label) to confirm."""
    origins = load_origins(store, draft_id, key)
    confirmed = confirmed_numbers(store, draft_id, key)
    out = []
    offset = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        if line.strip() and offset <= end and line_end >= start:
            mentions = extract_numbers(line)
            found = classify(line, mentions, origins, confirmed).numbers
            for m, provenance in zip(mentions, found, strict=True):
                if provenance == OLD and offset + m.end >= start and offset + m.start <= end:
                    out.append((m.surface, m.label))
        offset = line_end + 1
    return out


# ----- progress

EMPTY, UNCHANGED, DRAFTED = "empty", "unchanged", "drafted"


@dataclass
class Progress:
    states: dict[str, str]  # section key → EMPTY | UNCHANGED (沿用去年，未修改) | DRAFTED
    confirmed_answers: int
    answers: int

    @property
    def drafted(self) -> int:
        return sum(1 for s in self.states.values() if s == DRAFTED)

    @property
    def unchanged(self) -> int:
        return sum(1 for s in self.states.values() if s == UNCHANGED)

    @property
    def total(self) -> int:
        return len(self.states)

    def line(self) -> str:
        tail = f" · ◌ 沿用去年未改 {self.unchanged} 节" if self.unchanged else ""
        return f"已写 {self.drafted}/{self.total} 节{tail} · 基本数据 {self.confirmed_answers} 项"


def _states(kinds: dict[str, set[str]], outline: Outline) -> dict[str, str]:
    """Each text section of the draft's outline: empty, still last year's word for word, or written."""
    states = {}
    for entry in outline.leaves:
        if entry.table:
            continue
        found = kinds.get(entry.key)
        states[entry.key] = EMPTY if not found else UNCHANGED if found == {INHERITED} else DRAFTED
    return states


def progress(store: Store, draft_id: int) -> Progress:
    return all_progress(store, [draft_id])[draft_id]


def all_progress(store: Store, draft_ids: list[int] | None = None) -> dict[int, Progress]:
    """The progress of several drafts (all of them by default) in two queries, for the home screen."""
    where, params = "r.kind = 'draft'", []
    if draft_ids is not None:
        where += f" AND r.id IN ({','.join('?' * len(draft_ids))})"
        params = list(draft_ids)
    kinds: dict[int, dict[str, set[str]]] = {}
    outlines: dict[int, Outline] = {}
    for r in store.query(f"SELECT r.id, r.outline FROM reports r WHERE {where}", params):
        kinds[r["id"]] = {}
        outlines[r["id"]] = load_outline(r["outline"]) if is_known(r["outline"] or "") else stored_outline(store, r["id"])
    for r in store.query(f"""SELECT p.report_id, p.section_key, p.provenance FROM paragraphs p
                             JOIN reports r ON r.id = p.report_id WHERE {where}""", params):
        kinds[r["report_id"]].setdefault(r["section_key"], set()).add(r["provenance"])
    counts = {r["report_id"]: (r["given"], r["confirmed"]) for r in store.query(
        f"""SELECT a.report_id, COUNT(*) AS given, SUM(a.confirmed) AS confirmed FROM answers a
            JOIN reports r ON r.id = a.report_id WHERE {where} GROUP BY a.report_id""", params)}
    return {draft: Progress(_states(found, outlines[draft]), int(counts.get(draft, (0, 0))[1] or 0), int(counts.get(draft, (0, 0))[0]))
            for draft, found in kinds.items()}


__all__ = ["DIFFERS", "FRESH", "MATCHED", "UNCHECKED", "Mark", "Progress", "all_progress", "judge", "number_marks", "old_numbers_at", "progress", "suggestions"]
