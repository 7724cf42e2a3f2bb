"""The bugs a new user hit in the walk, home and the 附表 (issue «What ships works»), each driven
through the app with Pilot.  (Pilot drops CJK punctuation when it types, so texts with
punctuation are set on the widgets; the journeys type them through a real terminal.)"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input, Select

from checks.finding import Evidence, Finding
from store.db import open_store
from store.drafts import NewDraft, create_draft, find_draft, open_or_create
from store.reports import load_report, resolve_report
from tui.app import ZipinApp
from tui.dialogs import IndicatorDialog, NewDraftDialog
from tui.screens.home import HomeScreen
from tui.screens.lookup import LookupScreen
from tui.screens.table import TableScreen
from tui.screens.walk import WalkScreen
from tui.widgets.panels import FindingList

from .test_tui import SIZE, new_draft, open_from_walk, sample_db, stored_text, until  # noqa: F401 - the fixture is used by name

READING = "全民阅读推广专项经费"


def _answers(db: Path, draft: int) -> dict[str, int]:
    with open_store(db) as store:
        return {r["key"]: r["confirmed"] for r in store.query("SELECT key, confirmed FROM answers WHERE report_id = ?",
                                                              [draft])}


def test_the_findings_panel_takes_two_findings_with_the_same_fingerprint(sample_db: Path) -> None:
    same = Finding("two_values", "error", "本年度实际支出两个数值", "6",
                   evidence=[Evidence("text", "90.84万元", "6", 0, 3, 10)])

    async def run() -> None:
        app = ZipinApp(sample_db, new_draft(sample_db), "2.1")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "2.1")
            panel = app.screen.query_one("#findings", FindingList)
            panel.show([same, same])
            panel.show([same, same, same])
            assert panel.option_count == 3 and panel.chosen() is same

    asyncio.run(run())


async def _answer_twice(app: ZipinApp, pilot, key: str, text: str) -> Input:  # noqa: ANN001
    """Type an answer into 基本数据 and press Enter twice (read back, then confirm)."""
    answer = app.screen.query_one(f"#answer-{key}", Input)
    answer.value = text
    answer.focus()
    await pilot.press("enter", "enter")
    return answer


def test_key_facts_can_be_entered_again_and_keep_their_confirmation(sample_db: Path) -> None:
    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "facts")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "facts")
            await _answer_twice(app, pilot, "budget", "全年预算92万元，其中财政拨款86万元、上年结转6万元")
            await until(pilot, lambda: _answers(sample_db, draft).get("budget") == 1)
            for _ in range(3):  # F8, F7 — and through the outline
                await pilot.press("f8")
                await until(pilot, lambda: app.screen.key == "1.1")
                await pilot.press("f7")
                await until(pilot, lambda: app.screen.key == "facts")
            app.screen.go("2.2")
            app.screen.go("facts")
            await pilot.pause(0.5)
            assert "已确认" in str(app.screen.query_one("#echo-budget").content)
            assert len(app.screen.query("#answer-budget")) == 1
        assert _answers(sample_db, draft) == {"budget": 1}

    asyncio.run(run())


def test_an_answer_without_what_the_question_asks_is_not_confirmed(sample_db: Path) -> None:
    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "facts")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "facts")
            answer = await _answer_twice(app, pilot, "people", "实际支出88.5万元")
            await pilot.pause(0.5)
            assert "没有找到人数" in str(app.screen.query_one("#echo-people").content)
            assert app.screen.focused is answer  # it stays on the question

    asyncio.run(run())
    assert _answers(sample_db, draft).get("people") != 1


def test_going_back_to_a_filled_field_adds_to_it(sample_db: Path) -> None:
    """Focusing a filled answer or cover field and typing adds to it; it used to select the
    field on focus, so the first key replaced a confirmed answer or the 项目负责人."""
    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "facts")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "facts")
            answer = app.screen.query_one("#answer-budget", Input)
            answer.value = "全年预算92万元"
            app.screen.go("cover")
            await until(pilot, lambda: app.screen.key == "cover")
            fields = [f for f in app.screen.query(Input) if (f.id or "").startswith("cover-") and f.display]
            fields[0].value = "林晓岚"
            fields[1].focus()
            fields[0].focus()
            await pilot.press("end", "X")
            assert fields[0].value == "林晓岚X"
            app.screen.go("facts")
            await until(pilot, lambda: app.screen.key == "facts")
            answer = app.screen.query_one("#answer-budget", Input)
            answer.focus()
            await pilot.press("end", "X")
            assert answer.value == "全年预算92万元X"

    asyncio.run(run())


def test_the_draft_reopens_past_its_confirmed_key_facts(sample_db: Path) -> None:
    draft = new_draft(sample_db)
    with open_store(sample_db) as store:
        from store.drafts import save_answer

        save_answer(store, draft, "budget", "全年预算92万元", confirmed=True)

    async def run() -> None:
        app = ZipinApp(sample_db, draft)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key not in ("", "cover"))
            assert app.screen.key == "1.1"  # the first empty section, not 基本数据 again

    asyncio.run(run())


def test_f3_replaces_only_the_paragraph_under_the_cursor_and_undo_restores_it(sample_db: Path) -> None:
    draft = new_draft(sample_db, title=READING)
    typed = "第一段保留。\n第二段由建议替换。\n第三段保留。"

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "2.2")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: bool(getattr(app.screen.query_one("#suggestions"), "suggestions", [])))
            editor = app.screen.editor
            editor.text = typed
            editor.move_cursor((1, 2))
            chosen = app.screen.query_one("#suggestions").chosen()
            await pilot.press("f3")
            assert editor.text.split("\n") == ["第一段保留。", chosen.text, "第三段保留。"]
            await pilot.press("ctrl+z")
            assert editor.text == typed

    asyncio.run(run())


def test_f2_and_lookup_insert_a_paragraph_of_their_own(sample_db: Path) -> None:
    draft = new_draft(sample_db, title=READING)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "2.3")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: bool(getattr(app.screen.query_one("#suggestions"), "suggestions", [])))
            editor = app.screen.editor
            editor.text = "已写的一段。"
            editor.move_cursor((0, 0))  # the cursor at the start must not split or glue anything
            chosen = app.screen.query_one("#suggestions").chosen()
            await pilot.press("f2")
            assert editor.text == f"已写的一段。\n{chosen.text}"
            await pilot.press("ctrl+z")
            assert editor.text == "已写的一段。"
            await pilot.press("f6")
            await until(pilot, lambda: isinstance(app.screen, LookupScreen))
            await pilot.press(*"专款专用")
            await until(pilot, lambda: bool(app.screen.hits))
            hit = app.screen.hits[0].text
            hits = app.screen.query_one("#hits")
            hits.focus()
            hits.highlighted = 0
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, WalkScreen))
            assert editor.text == f"已写的一段。\n{hit}"

    asyncio.run(run())


def test_a_lookup_that_finds_nothing_in_its_filters_says_so(sample_db: Path) -> None:
    draft = new_draft(sample_db, title=READING)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "2.3")
        async with app.run_test(size=SIZE) as pilot:
            await open_from_walk(pilot, app, "2.3", "f6", LookupScreen)
            app.screen.query_one("#f-section", Input).value = "9.9"
            app.screen.query_one("#query", Input).value = "满意度"
            await until(pilot, lambda: "清空筛选框" in str(app.screen.query_one("#lookup-status").content))
            assert "节" in str(app.screen.query_one("#lookup-status").content)

    asyncio.run(run())


def test_a_section_opens_with_the_cursor_at_the_end_of_its_text(sample_db: Path) -> None:
    draft = new_draft(sample_db, title=READING, source=f"{READING}@2025")

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "2.2")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "2.2")
            await pilot.pause(0.2)
            editor = app.screen.editor
            assert editor.text and editor.cursor_location == editor.document.end

    asyncio.run(run())


def test_editing_an_indicator_keeps_its_level1_and_level2(sample_db: Path) -> None:
    draft = new_draft(sample_db, title=READING, source=f"{READING}@2025")
    with open_store(sample_db) as store:
        rows = load_report(store, draft).table.indicators
    index = next(i for i, ind in enumerate(rows) if ind.level2 != "数量指标")

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "6")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "6")
            await pilot.press("f9")
            await until(pilot, lambda: isinstance(app.screen, TableScreen) and app.screen.table is not None)
            await pilot.press("f4")
            app.screen.query_one("#indicators").move_cursor(row=index)
            await pilot.press("f3")
            await until(pilot, lambda: isinstance(app.screen, IndicatorDialog))
            await pilot.pause(0.2)
            assert app.screen.query_one("#level2", Select).value == rows[index].level2
            app.screen.query_one("#level3", Input).focus()
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, TableScreen))
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, WalkScreen))
        with open_store(sample_db) as store:
            saved = load_report(store, draft).table.indicators[index]
        assert (saved.level1, saved.level2) == (rows[index].level1, rows[index].level2)
        assert not saved.inherited  # saved through the dialog: confirmed for this year

    asyncio.run(run())


def test_a_past_report_whose_project_has_this_years_draft_opens_that_draft(sample_db: Path) -> None:
    draft = new_draft(sample_db, title=READING, source=f"{READING}@2025")

    async def run() -> None:
        app = ZipinApp(sample_db)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.rows))
            row = next(r for r in app.screen.rows if r["kind"] == "past" and r["title"] == READING and r["year"] == 2025)
            app.screen.from_past(row)
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key != "")
            assert app.screen.draft_id == draft
        with open_store(sample_db) as store:
            assert len(store.query("SELECT id FROM reports WHERE kind = 'draft'")) == 1
            assert open_or_create(store, NewDraft(READING, year=2026))[0] == draft

    asyncio.run(run())


def test_the_new_draft_dialog_takes_layout_unit_and_dept_from_the_source(sample_db: Path, seed_path: Path) -> None:
    from store.importer import import_paths

    with open_store(sample_db) as store:
        import_paths(store, [seed_path])

    async def run() -> None:
        app = ZipinApp(sample_db)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.rows))
            row = next(r for r in app.screen.rows if r["title"] == "专项业务费")
            app.screen.from_past(row)
            await until(pilot, lambda: isinstance(app.screen, NewDraftDialog))
            await pilot.pause(0.2)
            assert app.screen.query_one("#profile", Select).value == "xj2018"
            assert app.screen.query_one("#dept", Input).value == row["dept"] != ""
            assert app.screen.query_one("#year", Input).value == "2019"

    asyncio.run(run())


def test_drafts_are_renamed_and_deleted_with_a_confirmation(sample_db: Path) -> None:
    from tui.dialogs import ConfirmDialog, TextDialog

    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.rows))
            app.screen.query_one("#reports").focus()
            await pilot.press("f2")
            await until(pilot, lambda: isinstance(app.screen, TextDialog))
            app.screen.query_one("#value", Input).value = "社区阅读推广二期"
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, HomeScreen)
                        and any(r["title"] == "社区阅读推广二期" for r in app.screen.rows))
            await pilot.press("delete")
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.press("escape")  # «no»: nothing is deleted
            await until(pilot, lambda: isinstance(app.screen, HomeScreen))
            with open_store(sample_db) as store:
                assert find_draft(store, "社区阅读推广二期", 2026) == draft
            await pilot.press("delete")
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.click("#yes")
            await until(pilot, lambda: isinstance(app.screen, HomeScreen)
                        and not any(r["kind"] == "draft" for r in app.screen.rows))

    asyncio.run(run())


def test_a_cover_edit_reruns_the_checks(sample_db: Path) -> None:
    draft = new_draft(sample_db)

    def missing_date(app: ZipinApp) -> bool:
        return any("填报时间" in f.message for f in getattr(app.screen.query_one("#findings"), "findings", []))

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "cover")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and missing_date(app))
            app.screen.query_one("#cover-filed", Input).value = "2027年1月10日"
            await until(pilot, lambda: not missing_date(app))

    asyncio.run(run())


def test_the_exported_table_carries_every_figure_the_screen_shows(sample_db: Path, tmp_path: Path) -> None:
    import docx

    from checks.review import export
    from store.drafts import save_answer, save_draft_table
    from store.scoring import scores

    with open_store(sample_db) as store:
        draft = create_draft(store, NewDraft(READING, year=2026, from_report=resolve_report(store, f"{READING}@2025")))
        save_answer(store, draft, "budget", "全年预算92万元", confirmed=True)
        save_answer(store, draft, "spent", "实际支出88.1万元", confirmed=True)
        table = load_report(store, draft).table
        for ind in table.indicators:
            ind.actual, ind.score = ind.expected.lstrip("≥≤"), ind.weight
        save_draft_table(store, draft, table)
        shown = scores(load_report(store, draft).table)
        path, _ = export(store, draft, tmp_path / "r.docx", force=True)
    word = docx.Document(str(path)).tables[-1]
    texts = [[c.text for c in row.cells] for row in word.rows]
    total_row = next(r for r in texts if r[1] == "年度资金总额")
    assert "10" in total_row and "95.76%" in total_row and f"{shown.rate_score:.2f}" in total_row
    last = texts[-1]
    assert f"{shown.total:.2f}" in last and f"评价等级：{shown.grade}" in last
    rows = word._tbl.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr")
    props = [r.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}trPr") for r in rows]
    assert all(p is not None and p.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit")
               is not None for p in props)
    assert props[0].find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
