"""Issue 14: what the checks keep between runs (the name automaton per store generation, each
section's findings) changes how fast they are, never what they find."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import check_report, section_cache
from checks.load import name_index
from checks.name_matcher import NameMatcher
from store.db import Store, open_store
from store.draft_spec import NewDraft
from store.draft_text import save_text
from store.drafts import create_draft, save_cover
from store.generation import generation
from store.importer import import_paths
from store.reports import insert_report, load_report

from .conftest import SAMPLE, SEED
from .findings_corpus import corpora, digest, fill, findings_of

BEFORE = json.loads((Path(__file__).parent / "data" / "findings_before_14c.json").read_text(encoding="utf-8"))
CORPORA = corpora(SAMPLE, SEED)


@pytest.fixture(params=sorted(CORPORA))
def filled(request: pytest.FixtureRequest) -> tuple[str, Store, list[int]]:
    with open_store(None) as store:
        yield request.param, store, fill(store, CORPORA[request.param])


def full_findings(store: Store, report_id: int) -> list[dict]:
    """A check with nothing kept from an earlier one."""
    section_cache.enabled = False
    try:
        return [f.as_json() for f in check_report(store, report_id)]
    finally:
        section_cache.enabled = True


def test_findings_are_those_of_the_code_before(filled: tuple[str, Store, list[int]]) -> None:
    name, store, ids = filled
    now = digest(findings_of(store, ids))
    assert now == BEFORE[name], [report for report in now if now[report] != BEFORE[name].get(report)]
    assert digest(findings_of(store, ids)) == now  # and again, from what the first run kept


EDITS = [
    lambda text: text + "\n另据青川市文化馆统计，本年新增支出12.5万元。",  # another unit's name, a number
    lambda text: text.replace("图书馆", "图书管", 1),  # a near-miss of one's own name
    lambda text: "\n".join(text.split("\n")[1:]),  # a paragraph gone
    lambda text: text.replace("万元", "元", 1) + "\n本项目预算267万元，实际支出277.7万元，执行率104.01%。",
    lambda text: "",  # the section emptied
]


def _drafts(store: Store) -> list[int]:
    ids = [r["id"] for r in store.query("SELECT id FROM reports WHERE kind = 'draft' ORDER BY id")]
    largest = max((load_report(store, r["id"]) for r in store.query("SELECT id FROM reports WHERE kind = 'past'")),
                  key=lambda r: sum(len(s.text) for s in r.sections))
    with store.write() as db:
        ids.append(insert_report(db, largest, kind="draft"))  # the largest report, as a draft one types in
    return ids


def test_an_incremental_check_finds_what_a_full_one_does(filled: tuple[str, Store, list[int]]) -> None:
    _, store, _ = filled
    section_cache.clear()
    for draft in _drafts(store):
        sections = store.query("SELECT key, text FROM sections WHERE report_id = ? AND text != '' ORDER BY ord",
                               [draft])
        check_report(store, draft)  # what a session has kept before the edit
        for i, edit in enumerate(EDITS):
            section = sections[i % len(sections)]
            save_text(store, draft, section["key"], edit(section["text"]))
            incremental = [f.as_json() for f in check_report(store, draft)]
            assert incremental == full_findings(store, draft), (draft, section["key"], i)


def test_the_name_index_is_kept_until_the_names_change(store: Store) -> None:
    import_paths(store, [SAMPLE])
    first = name_index(store)
    assert name_index(store) is first
    report_id = store.one("SELECT id FROM reports ORDER BY id LIMIT 1")["id"]
    check_report(store, report_id)
    assert name_index(store) is first  # a check changes nothing

    before = generation(store)
    report = load_report(store, report_id)
    report.unit, report.title = "云岭县文化馆", "云岭县文化活动经费"
    with store.write() as db:
        insert_report(db, report)
    assert generation(store) != before
    again = name_index(store)
    assert again is not first and "云岭县文化馆" in again.units and "云岭县文化活动经费" in again.titles


def test_a_cover_saved_changes_the_generation(store: Store) -> None:
    import_paths(store, [SAMPLE])
    draft = create_draft(store, NewDraft("某某专项经费", "青川市图书馆", "", 2026))
    before = generation(store)
    view = load_report(store, draft)
    save_cover(store, draft, {**view.cover, "title": "某某专项经费（调整）", "unit": "青川市图书馆"}, 2026)
    assert generation(store) != before


def test_a_store_without_generations_is_checked_uncached(store: Store) -> None:
    import_paths(store, [SAMPLE])
    report_id = store.one("SELECT id FROM reports ORDER BY id LIMIT 1")["id"]
    expected = full_findings(store, report_id)
    with store.write() as db:
        db.execute("DROP TABLE generations")
    assert generation(store) is None
    assert [f.as_json() for f in check_report(store, report_id)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("甲乙丙丁", min_size=3, max_size=6), max_size=8), st.text("甲乙丙丁戊", max_size=40))
def test_the_automaton_finds_what_the_regex_alternation_did(names: list[str], text: str) -> None:
    """The names check once ran a regex alternation of the names, longest first; the automaton
    must find the same names at the same places."""
    wanted = sorted(set(names), key=len, reverse=True)
    expected = ([(m.start(), m.end(), m.group(0)) for m in re.finditer("|".join(map(re.escape, wanted)), text)]
                if wanted else [])
    assert NameMatcher(names).leftmost_longest(text, lambda n: True) == expected
    every = {(m.start(), m.start() + len(n), n) for n in set(names)
             for m in re.finditer(f"(?=({re.escape(n)}))", text)}
    assert set(NameMatcher(names).occurrences(text)) == every
