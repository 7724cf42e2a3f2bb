"""Drafting follows the outline: a new draft takes the outline of the report it starts from (or
the one chosen), and the walk, the cover form, the checks and the export use that outline."""

from __future__ import annotations

import asyncio
from pathlib import Path

from extract.outline import load_outline, outline_of
from store.db import Store, open_store
from store.drafts import NewDraft, create_draft
from store.importer import import_paths
from store.reports import list_reports, load_report
from tui.app import ZipinApp
from tui.screens.walk import WalkScreen

from .test_tui import until

LAYOUTS = Path(__file__).resolve().parent / "data" / "layouts"


def _import_eval2020(store: Store) -> dict:
    import_paths(store, [LAYOUTS / "t02_eval2020_school.txt"])
    return next(r for r in list_reports(store) if r["outline"] == "eval2020")


def test_a_draft_from_a_report_follows_its_outline(store: Store) -> None:
    past = _import_eval2020(store)
    draft = create_draft(store, NewDraft(past["title"], year=(past["year"] or 2024) + 1, from_report=past["id"]))
    report = load_report(store, draft)
    assert report.outline == "eval2020"
    outline = outline_of(report)
    assert [s.key for s in report.sections] == [e.key for e in outline.leaves]
    assert any(s.paragraphs for s in report.sections)  # last year's text came along, section by section


def test_a_draft_from_nothing_takes_the_outline_chosen(store: Store) -> None:
    draft = create_draft(store, NewDraft("社区矫正经费", year=2026, outline="short_basic"))
    report = load_report(store, draft)
    assert report.outline == "short_basic"
    assert [s.key for s in report.sections] == [e.key for e in load_outline("short_basic").leaves]


def test_the_walk_and_its_cover_form_follow_the_drafts_outline(db_path: Path) -> None:
    with open_store(db_path) as store:
        past = _import_eval2020(store)
        draft = create_draft(store, NewDraft(past["title"], year=2030, from_report=past["id"]))
    outline = load_outline("eval2020")

    async def run() -> None:
        app = ZipinApp(db_path, draft, "cover")
        async with app.run_test(size=(160, 48)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "cover")
            keys = [s.key for s in app.screen.steps if s.is_section]
            assert keys == [e.key for e in outline.leaves if not e.table]
            assert {w.id for w in app.screen.query("#cover Input")} >= {f"cover-{f.key}" for f in outline.cover_fields}
            app.screen.go(keys[-1])
            await pilot.pause(0.2)
            assert outline.entry(keys[-1]).title in str(app.screen.query_one("#question").content)

    asyncio.run(run())


def test_zipin_draft_takes_an_outline(cli) -> None:  # noqa: ANN001
    made = cli("draft", "--title", "村级组织运转经费", "--year", "2026", "--outline", "short_results", "--no-tui")
    assert made.code == 0
    shown = cli("show", made.out.strip(), "--json").json()
    assert shown["outline"] == "short_results"
    assert cli("draft", "--title", "村级组织运转经费", "--year", "2026", "--outline", "无此提纲").code == 2
