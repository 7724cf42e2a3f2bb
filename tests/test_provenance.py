"""This year's numbers are this year's: what a draft copied from last year supplies nothing until
the user changes or confirms it; progress counts work, not text; the CLI and the walk agree."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path

from store.db import Store, open_store
from store.draft_text import confirm_numbers, save_text, section_text
from store.drafting import FRESH, UNCHECKED, number_marks, progress, suggestions
from store.drafts import NewDraft, create_draft, save_answer, save_draft_table
from store.importer import import_paths
from store.reports import load_report, resolve_report
from store.suggest.facts import parse_fact
from store.this_year import this_year

from .conftest import SAMPLE

READING = "全民阅读推广专项经费"
LIBRARY = "青川市图书馆"


def _from_last_year(store: Store) -> int:
    import_paths(store, [SAMPLE])
    return create_draft(store, NewDraft(READING, LIBRARY, year=2026, from_report=resolve_report(store, f"{READING}@2025")))


def _sections(store: Store, draft: int) -> list[str]:
    return [s.key for s in load_report(store, draft).sections if s.paragraphs]


def test_a_draft_from_last_year_supplies_no_fact_of_this_year(store: Store) -> None:
    draft = _from_last_year(store)
    facts = this_year(store, draft)
    assert not facts.by_label and not facts.by_cell and not facts.targets
    seen = 0
    for key in _sections(store, draft):
        text = section_text(store, draft, key)
        quantities = [m for m in number_marks(store, draft, key, text) if m.kind in ("money", "percent", "count")]
        assert all(m.status == UNCHECKED for m in quantities), key
        seen += len(quantities)
        found, _ = suggestions(store, key, draft_id=draft)
        for s in found:
            filled = [slot for slot in s.slots if slot.status in ("filled", "derived") and slot.old.kind != "date"]
            assert not filled, (key, [(x.old.surface, x.new, x.provenance) for x in filled])
    assert seen > 20


def test_only_this_years_answers_and_table_fill_suggestions(store: Store) -> None:
    draft = _from_last_year(store)
    save_answer(store, draft, "budget", "全年预算92万元，其中财政拨款86万元、上年结转6万元", confirmed=True)
    save_answer(store, draft, "spent", "实际支出88.1万元", confirmed=True)
    save_answer(store, draft, "people", "核定编制42名，实有在职40人", confirmed=True)
    (top, *_), _ = suggestions(store, "2.2", draft_id=draft)
    slots = {slot.old.surface: slot for slot in top.slots}
    assert slots["79.5万元"].new == "88.1万元" and slots["79.5万元"].provenance.startswith("基本数据")
    assert slots["96.55%"].new == "95.76%"
    assert slots["33.6万元"].status == "stale"  # a part nobody gave this year: not derived, not filled
    (staff, *_), _ = suggestions(store, "1.1", draft_id=draft)
    assert "实有在职人员40人" in staff.text  # the answer «在职40人» fills «在职人员41人»


def test_targets_are_filled_from_this_years_targets_never_from_actuals(store: Store) -> None:
    draft = _from_last_year(store)
    save_text(store, draft, "4.1", "全年开展阅读推广活动152场，参与读者4.6万人次。")  # this year's actuals
    table = load_report(store, draft).table
    for ind in table.indicators:
        if "活动" in ind.level3:
            ind.expected, ind.inherited = "≥135场", False
    save_draft_table(store, draft, table)
    (top, *_), _ = suggestions(store, "1.2", draft_id=draft)
    slots = {slot.old.surface: slot for slot in top.slots}
    assert slots["130场"].new == "135场" and "附表" in slots["130场"].provenance
    assert slots["4万人次"].status == "stale"  # its target row is still last year's: not taken from 4.6万 actuals


def test_an_edited_paragraph_keeps_its_unchanged_numbers_last_years_until_confirmed(store: Store) -> None:
    draft = _from_last_year(store)
    old = section_text(store, draft, "1.1")
    save_text(store, draft, "1.1", old.replace("41人", "40人"))
    marks = {old_text: m.status for m in number_marks(store, draft, "1.1", section_text(store, draft, "1.1"))
             for old_text in [section_text(store, draft, "1.1")[m.start:m.end]]}
    assert marks["40人"] == FRESH and marks["42名"] == UNCHECKED
    facts = this_year(store, draft)
    assert facts.find("在职人员", "count").value == Decimal(40) and facts.find("事业编制", "count") is None
    confirm_numbers(store, draft, "1.1", [("42名", "事业编制")])
    assert this_year(store, draft).find("事业编制", "count").value == Decimal(42)
    assert progress(store, draft).states["1.1"] == "drafted"


def test_progress_counts_work_not_text(store: Store) -> None:
    from checks import check_report

    draft = _from_last_year(store)
    start = progress(store, draft)
    assert start.drafted == 0 and start.unchanged == start.total == 13
    assert "已写 0/13 节" in start.line() and "沿用去年未改 13 节" in start.line()
    unchanged = {f.section for f in check_report(store, draft) if f.rule == "unchanged"}
    assert unchanged == set(start.states)
    save_text(store, draft, "3.1", "由阅读推广部负责组织实施，全年开展阅读活动。")
    assert progress(store, draft).drafted == 1
    assert "3.1" not in {f.section for f in check_report(store, draft) if f.rule == "unchanged"}


def test_a_fact_named_like_the_budget_is_used(store: Store) -> None:
    import_paths(store, [SAMPLE])
    (top, *_), _ = suggestions(store, "2.1", title=READING, unit=LIBRARY, year=2026,
                               facts=[parse_fact("预算资金=92万元")])
    assert any(slot.new == "92万元" for slot in top.slots)


def test_chinese_numerals_in_running_text_stay_as_written(store: Store) -> None:
    from store.suggest import render
    from store.suggest.facts import ThisYear
    from store.suggest.fill import Context, fill

    from extract import extract_numbers

    text = "我单位设一个党组，全年召开党组会议12次。"
    facts = ThisYear.empty()
    facts.add(parse_fact("党组=1个"))
    slots = fill(text, extract_numbers(text), Context(text, facts, 2025, 2026))
    assert render(text, slots, []).startswith("我单位设一个党组")


def test_a_rate_is_derived_from_the_paragraphs_own_amounts_when_it_held_there() -> None:
    from extract import extract_numbers
    from store.suggest.facts import ThisYear
    from store.suggest.fill import Context, fill

    text = "项目预算100万元，实际支出95万元，执行率95%。"
    facts = ThisYear.empty()
    facts.add(parse_fact("项目预算=120万元"))
    facts.add(parse_fact("实际支出=108万元"))
    slots = {s.old.surface: s for s in fill(text, extract_numbers(text), Context(text, facts, 2025, 2026))}
    assert slots["95%"].status == "derived" and slots["95%"].new == "90%"
    stale_part = ThisYear.empty()
    stale_part.add(parse_fact("实际支出=108万元"))  # the budget is unknown this year
    slots = {s.old.surface: s for s in fill(text, extract_numbers(text), Context(text, stale_part, 2025, 2026))}
    assert slots["95%"].status == "stale"  # never derived from a number still last year's


def test_the_cli_and_the_walk_give_the_same_findings_and_suggestions(cli, db_path: Path) -> None:  # noqa: ANN001
    from tui.app import ZipinApp
    from tui.screens.walk import WalkScreen

    from .test_tui import until

    with open_store(db_path) as store:
        draft = _from_last_year(store)
        save_answer(store, draft, "budget", "全年预算92万元", confirmed=True)
        typed = section_text(store, draft, "2.2").split("\n")[-1]  # the walk matches the paragraph at the cursor
    checked = cli("check", f"{READING}@2026", "--json").json()
    suggested = cli("suggest", "--section", "2.2", "--title", READING, "--year", "2026", "--text", typed,
                    "--json").json()
    seen: dict[str, list] = {}

    async def run() -> None:
        app = ZipinApp(db_path, draft, "2.2")
        async with app.run_test(size=(160, 48)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and bool(
                getattr(app.screen.query_one("#findings"), "findings", []))
                and bool(getattr(app.screen.query_one("#suggestions"), "suggestions", [])))
            seen["findings"] = [f.fingerprint for f in app.screen.query_one("#findings").findings]
            seen["suggestions"] = [s.text for s in app.screen.query_one("#suggestions").suggestions]

    asyncio.run(run())
    assert seen["findings"] == [f["fingerprint"] for f in checked]
    assert seen["suggestions"] == [s["text"] for s in suggested]
