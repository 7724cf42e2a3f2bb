"""Check input for a stored report: numbers from the facts table, names from the names index."""

from __future__ import annotations

import threading
from functools import lru_cache

from extract.mention import Mention
from store.db import Store
from store.facts import mention_of
from store.generation import generation
from store.reports import load_report

from .context import CheckInput, NameIndex, locate

KEPT_INDEXES = 4  # name indexes kept, by store generation (a session may switch stores)
_indexes: dict[int, NameIndex] = {}
_taught: set[int] = set()
_lock = threading.Lock()

# What a Mention needs, and no more: the checks reload every fact after each pause in typing.
_MENTION_FIELDS = ("start", "end", "surface", "kind", "value", "unit", "scale", "precision", "cmp", "low", "high", "label")
_COLUMNS = ", ".join(f"f.[{c}]" for c in ("section_key", *_MENTION_FIELDS, "provenance"))
_START = 0  # the mention's start, in a row of `_MENTION_FIELDS`


def stored_facts(store: Store, report_id: int,
                 provenance: dict[tuple[str, int, int], str] | None = None) -> dict[tuple[str, int], list[Mention]]:
    """The report's numbers by (section, paragraph); each one's provenance into `provenance`."""
    rows = store.rows(
        f"""SELECT {_COLUMNS}, p.ord AS paragraph_index FROM facts f JOIN paragraphs p ON p.id = f.paragraph_id
            WHERE f.report_id = ? ORDER BY f.section_key, p.ord, f.start""",
        [report_id],
    )
    out: dict[tuple[str, int], list[Mention]] = {}
    for row in rows:
        section, values, mark, paragraph = row[0], row[1:-2], row[-2], row[-1]
        out.setdefault((section, paragraph), []).append(_mention(values))
        if provenance is not None and mark:
            provenance[(section, paragraph, values[_START])] = mark
    return out


@lru_cache(maxsize=65536)
def _mention(values: tuple) -> Mention:
    """A stored fact as a Mention, made once per distinct fact: a check reloads every fact of the
    report, and between two checks all but a section's are as they were (a Mention is frozen)."""
    return mention_of(dict(zip(_MENTION_FIELDS, values, strict=True)))


def name_index(store: Store) -> NameIndex:
    """The store's names, read once per generation of them (store/generation.py): a long-lived
    session checks again and again, and the store's names rarely change in between."""
    gen = generation(store)
    with _lock:
        kept = _indexes.get(gen) if gen is not None else None
    if kept is not None:
        return kept
    index = _read_names(store)
    with _lock:
        # The same names under a new generation (a draft's cover saved): keep the index and all
        # that was worked out from it.
        same = next((old for old in _indexes.values() if old.units == index.units and old.titles == index.titles), None)
        index = same or index
        if gen is not None:
            _indexes[gen] = index
            while len(_indexes) > KEPT_INDEXES:
                _indexes.pop(next(iter(_indexes)))
    return index


def _read_names(store: Store) -> NameIndex:
    index = NameIndex()
    for row in store.query("SELECT DISTINCT name, full, kind FROM names"):
        if row["kind"] == "title":
            index.titles.add(row["name"])
        else:
            index.units[row["name"]] = row["full"]
    return index


def teach_names_once(store: Store) -> None:
    """`teach_names`, unless the store's names are as they were when it last did."""
    from store.facts import teach_names

    gen = generation(store)
    if gen is not None and gen in _taught:
        return
    teach_names(store)  # as the suggestions do: the same words, the same labels, in the CLI and the TUI
    if gen is not None:
        with _lock:
            _taught.add(gen)


def load_input(store: Store, report_id: int, *, names: NameIndex | None = None) -> CheckInput:
    from store.provenance import OLD
    from store.this_year import this_year

    teach_names_once(store)
    report = load_report(store, report_id)
    row = store.one("SELECT from_report FROM reports WHERE id = ?", [report_id])
    source = None
    source_located = []
    if row and row["from_report"]:
        source = load_report(store, row["from_report"])
        source_located = locate(source.sections, facts=stored_facts(store, row["from_report"]))
    provenance: dict[tuple[str, int, int], str] = {}
    facts = stored_facts(store, report_id, provenance)
    # This year's facts are only asked about numbers still as last year's: without one, no need
    # to gather them (a check reruns after every pause in typing).
    judged = report.kind == "draft" and OLD in provenance.values()
    return CheckInput(
        report=report,
        located=locate(report.sections, facts=facts, provenance=provenance),
        report_id=report_id,
        names=names if names is not None else name_index(store),
        source=source,
        source_located=source_located,
        this_year=this_year(store, report_id, report=report) if judged else None,
        paragraph_provenance=_paragraph_provenance(store, report_id),
    )


def _paragraph_provenance(store: Store, report_id: int) -> dict[tuple[str, int], str]:
    rows = store.query("SELECT section_key, ord, provenance FROM paragraphs WHERE report_id = ? AND provenance != ''",
                       [report_id])
    return {(r["section_key"], r["ord"]): r["provenance"] for r in rows}
