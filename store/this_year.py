"""This year's facts of a draft: the one place that decides which numbers speak for this year.

In order of authority (the first fact for a label wins): `--fact` given on the CLI, the walk's
confirmed answers, the 附表's amounts, its indicator rows entered or confirmed this year, and the
numbers of text the user wrote, edited or confirmed.  Text still as copied from last year
supplies nothing (store/provenance.py).  The suggestions, the stale check and the editor's number
colours all read this, in the CLI and the TUI alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from extract import extract_numbers
from extract.document import Report
from extract.mention import Mention
from extract.outline import get_profile, outline_of

from .answers import read_answer
from .db import Store
from .facts import mention_of
from .provenance import OLD
from .reports import load_report
from .suggest.facts import TEN_THOUSAND, Fact, ThisYear, from_mention, is_target


def this_year(store: Store, draft_id: int, *, skip_section: str | None = None, extra: Iterable[Fact] = (),
              report: Report | None = None) -> ThisYear:
    report = report or load_report(store, draft_id)
    return assemble(report, [*extra, *_answer_facts(store, draft_id, report)], _text_numbers(store, draft_id),
                    skip_section)


def assemble(report: Report, first: Iterable[Fact], numbers: Iterable[tuple[str, Mention]],
             skip_section: str | None = None) -> ThisYear:
    """This year's facts from their parts: `first` (given facts, answers), the report's 附表, and
    `numbers` — (section, mention) of text written or confirmed this year."""
    facts = ThisYear(get_profile(report.profile))
    for fact in first:
        facts.add(fact)
    _add_table(report, facts)
    tables = {outline_of(report).table_section}
    for key, m in numbers:
        if key == skip_section or key in tables or not m.label or m.kind == "date":
            continue
        fact = from_mention(m.label, m, f"第 {key} 节")
        if fact is None:
            continue
        if is_target(m):
            facts.add_target(fact)
        elif not m.cmp:
            facts.add(fact)
    return facts


def _answer_facts(store: Store, draft_id: int, report: Report) -> list[Fact]:
    rows = store.query("SELECT key, text FROM answers WHERE report_id = ? AND confirmed = 1 ORDER BY key", [draft_id])
    out = []
    for row in rows:
        for m in read_answer(row["key"], row["text"], report.profile).mentions:
            fact = from_mention(m.label, m, "基本数据") if m.label else None
            if fact is not None:
                out.append(fact)
    return out


def _add_table(report: Report, facts: ThisYear) -> None:
    table = report.table
    if table is None:
        return
    for spec in facts.profile.budget["rows"]:
        for column in facts.profile.money_columns():
            cell = table.budget.get(spec["key"], {}).get(column)
            if cell is not None and cell.value is not None:
                exponent = cell.value.as_tuple().exponent
                precision = int(exponent) + 4 if isinstance(exponent, int) else 4
                fact = Fact(f"{spec['label']}（{column}）", "money", cell.value * TEN_THOUSAND, precision, "元", "附表")
                facts.by_cell.setdefault((spec["key"], column), fact)
    for ind in table.indicators:
        if ind.inherited or not ind.level3.strip():
            continue
        for text, add in ((ind.expected, facts.add_target), (ind.actual, facts.add_indicator)):
            value = next((m for m in extract_numbers(text) if m.is_quantity), None)
            fact = from_mention(ind.level3, value, "附表指标") if value is not None else None
            if fact is not None:
                add(fact)


def _text_numbers(store: Store, draft_id: int) -> list[tuple[str, Mention]]:
    rows = store.query(
        """SELECT f.* FROM facts f JOIN paragraphs p ON p.id = f.paragraph_id
           WHERE f.report_id = ? AND f.provenance != ? ORDER BY p.section_key, p.ord, f.start""",
        [draft_id, OLD])
    return [(row["section_key"], mention_of(row)) for row in rows]
