"""The drafting TUI driven by Pilot: every test works on a store holding the bundled sample."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from store.db import open_store
from store.drafts import NewDraft, create_draft, find_draft, section_text
from store.importer import import_paths
from tui.app import ZipinApp
from tui.dialogs import NewDraftDialog, ReasonDialog
from tui.screens.lookup import LookupScreen
from tui.screens.table import TableScreen
from tui.screens.walk import WalkScreen

from .conftest import SAMPLE

SIZE = (160, 48)


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    path = tmp_path / "tui.db"
    with open_store(path) as store:
        import_paths(store, [SAMPLE])
    return path


def new_draft(path: Path, title: str = "社区阅读推广项目", year: int = 2026, source: str | None = None) -> int:
    with open_store(path) as store:
        from_report = None
        if source:
            from store.reports import resolve_report

            from_report = resolve_report(store, source)
        return create_draft(store, NewDraft(title, "青川市图书馆", "青川市文化广电旅游局", year, "mof2020", from_report))


async def until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 8.0) -> None:
    """Let the app run until `condition` holds (workers finish at their own pace)."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not reach the expected state in time")


async def open_from_walk(pilot: Pilot, app: ZipinApp, key: str, press: str, screen: type) -> None:
    """Wait for the walk to open at section `key`, press `press`, and wait for `screen`."""
    await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == key)
    await pilot.press(press)
    await until(pilot, lambda: isinstance(app.screen, screen))


async def typing_into(pilot: Pilot, app: ZipinApp, key: str) -> None:
    """Wait for the walk to open at section `key`, then put the cursor in its editor."""
    await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == key)
    app.screen.editor.focus()


def still_loading(monkeypatch: pytest.MonkeyPatch, screen: type, loader: str) -> Callable[..., None]:
    """Keep `screen` from reading its data (its `loader` worker does nothing) until the test
    calls the original, which is returned."""
    original = getattr(screen, loader)
    monkeypatch.setattr(screen, loader, lambda self: None)
    return original


def findings_of(app: ZipinApp) -> list:
    return getattr(app.screen.query_one("#findings"), "findings", [])


def stored_text(path: Path, draft: int, key: str) -> str:
    with open_store(path) as store:
        return section_text(store, draft, key)


def test_create_a_draft_from_home(sample_db: Path) -> None:
    async def run() -> None:
        app = ZipinApp(sample_db)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.screen.query_one("#reports").row_count == 6)
            await pilot.press("ctrl+n")
            await until(pilot, lambda: isinstance(app.screen, NewDraftDialog))
            app.screen.query_one("#title", Input).value = "社区阅读推广项目"
            app.screen.query_one("#unit", Input).value = "青川市图书馆"
            app.screen.query_one("#year", Input).value = "2026"
            await pilot.click("#ok")
            # The walk opens at the first unfinished step: the cover is filled, the key facts are not.
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "facts")
        with open_store(sample_db) as store:
            assert find_draft(store, "社区阅读推广项目", 2026) is not None

    asyncio.run(run())


def test_walk_every_section(sample_db: Path) -> None:
    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "cover")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "cover")
            visited = [app.screen.key]
            for _ in range(16):
                await pilot.press("f8")
                await until(pilot, lambda: isinstance(app.screen, TableScreen) or app.screen.key != visited[-1])
                if isinstance(app.screen, TableScreen):
                    break
                visited.append(app.screen.key)
            assert visited == ["cover", "facts", "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2",
                               "5.1", "5.2", "5.3", "6"]
            assert isinstance(app.screen, TableScreen)  # 七、附表 opens the table screen

    asyncio.run(run())


def test_accept_a_suggestion_and_see_its_slots(sample_db: Path) -> None:
    draft = new_draft(sample_db, title="全民阅读推广专项经费")

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "2.2")
        async with app.run_test(size=SIZE) as pilot:
            panel = app.screen.query_one("#suggestions")
            await until(pilot, lambda: bool(getattr(panel, "suggestions", [])))
            chosen = panel.chosen()
            assert chosen.title == "全民阅读推广专项经费" and chosen.year == 2025
            assert {s.status for s in chosen.slots} >= {"filled", "stale"}  # 2025年 → 2026年; amounts still old
            await pilot.press("f3")
            editor = app.screen.editor
            assert editor.text == chosen.text and editor.text.startswith("2026年项目实际支出")
            await until(pilot, lambda: stored_text(sample_db, draft, "2.2") == chosen.text)

    asyncio.run(run())


def test_an_inconsistent_number_raises_a_finding_that_goes_when_fixed(sample_db: Path) -> None:
    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "2.1")
        async with app.run_test(size=SIZE) as pilot:
            await typing_into(pilot, app, "2.1")
            await pilot.press(*"项目总投入100万元，其中：财政拨款90万元，上年结转资金20万元。")
            await until(pilot, lambda: any(f.rule == "text_totals" for f in findings_of(app)))
            editor = app.screen.editor
            editor.text = editor.text.replace("20万元", "10万元")
            await until(pilot, lambda: not any(f.rule == "text_totals" for f in findings_of(app)))

    asyncio.run(run())


def test_a_dismissed_finding_stays_dismissed_after_restart(sample_db: Path) -> None:
    draft = new_draft(sample_db, title="全民阅读推广专项经费", source="全民阅读推广专项经费@2025")

    async def run() -> str:
        app = ZipinApp(sample_db, draft, "1.1")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: any(f.rule == "names" for f in findings_of(app)))
            panel = app.screen.query_one("#findings", OptionList)
            target = next(i for i, f in enumerate(panel.findings) if f.rule == "names" and "文化馆" in f.message)
            fingerprint = panel.findings[target].fingerprint
            panel.highlighted = target
            panel.focus()
            await pilot.press("ctrl+d")
            await until(pilot, lambda: isinstance(app.screen, ReasonDialog))
            section = panel.findings[target].section
            assert app.screen.message.startswith(f"§{section} ")  # which section is being dismissed
            await pilot.press(*"文化馆是合作单位", "enter")
            await until(pilot, lambda: fingerprint not in {f.fingerprint for f in findings_of(app)})
        return fingerprint

    fingerprint = asyncio.run(run())

    async def again() -> None:
        app = ZipinApp(sample_db, draft, "1.1")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: bool(findings_of(app)))
            assert fingerprint not in {f.fingerprint for f in findings_of(app)}

    asyncio.run(again())


def test_edit_the_table_and_see_the_rate(sample_db: Path) -> None:
    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "6")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "6")
            await pilot.press("f9")
            await until(pilot, lambda: isinstance(app.screen, TableScreen) and bool(app.screen.query(".amount")))
            app.screen.query_one("#cell-total-budget", Input).value = "80"
            app.screen.query_one("#cell-total-spent", Input).value = "76.4"
            await pilot.pause(0.1)
            rate = str(app.screen.query_one("#rate", Static).content)
            assert "76.4 ÷ 80 = 95.50%" in rate
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, WalkScreen))
        with open_store(sample_db) as store:
            cells = {(r["row"], r["col"]): r["value"] for r in store.query(
                "SELECT row, col, value FROM budget_cells WHERE report_id = ?", [draft])}
        assert cells[("total", "budget")] == "80" and cells[("total", "spent")] == "76.4"

    asyncio.run(run())


def test_keys_on_the_table_before_it_is_read_do_nothing(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F3 pressed before the 附表 was read crashed with a traceback; the goals took typing that
    the load then replaced."""
    draft = new_draft(sample_db, title="全民阅读推广专项经费", source="全民阅读推广专项经费@2025")
    load = still_loading(monkeypatch, TableScreen, "load")

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "6")
        async with app.run_test(size=SIZE) as pilot:
            await open_from_walk(pilot, app, "6", "f9", TableScreen)
            screen = app.screen
            await pilot.press("f3", "f2", "f4", "delete", "shift+down", "tab", "x")
            assert app.screen is screen and app.return_code is None
            assert all(area.disabled for area in screen.query("#goals TextArea"))
            load(screen)
            await until(pilot, lambda: bool(screen.query(".amount")))
            assert not any(area.disabled for area in screen.query("#goals TextArea"))
            await pilot.press("f4", "f3")
            await until(pilot, lambda: app.screen is not screen)  # the row's dialog opens now

    asyncio.run(run())


def test_look_up_and_copy(sample_db: Path) -> None:
    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "2.3")
        async with app.run_test(size=SIZE) as pilot:
            await open_from_walk(pilot, app, "2.3", "f6", LookupScreen)
            await pilot.press(*"专款专用")
            hits = app.screen.query_one("#hits", OptionList)
            await until(pilot, lambda: hits.option_count > 0 and "专款专用" in app.screen.hits[0].text)
            expected = app.screen.hits[0].text
            hits.focus()
            hits.highlighted = 0
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, WalkScreen))
            assert app.screen.editor.text == expected

    asyncio.run(run())


def test_text_is_kept_without_an_explicit_save(sample_db: Path) -> None:
    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "3.1")
        async with app.run_test(size=SIZE) as pilot:
            await typing_into(pilot, app, "3.1")
            await pilot.press(*"由阅读推广部负责组织实施")
        # the app has exited straight after typing: nothing was saved by hand

    asyncio.run(run())
    assert stored_text(sample_db, draft, "3.1") == "由阅读推广部负责组织实施"


def test_a_store_that_refuses_the_save_loses_no_typing(sample_db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from store import autosave
    from store.errors import StoreError

    draft = new_draft(sample_db)
    monkeypatch.setenv("ZIPIN_RESCUE", str(tmp_path / "rescue"))

    def disk_full(*args: object, **kwargs: object) -> None:
        raise StoreError("磁盘已满，无法写入数据库。")

    monkeypatch.setattr(autosave, "write_words", disk_full)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "3.1")
        async with app.run_test(size=SIZE) as pilot:
            await typing_into(pilot, app, "3.1")
            await pilot.press(*"由阅读推广部负责")
            await until(pilot, lambda: len(app._notifications) == 1)
            (notice,) = list(app._notifications)
            assert notice.severity == "error" and "另存到" in notice.message
            await pilot.press(*"组织")
            await pilot.pause(0.6)
            assert len(app._notifications) == 1  # told once, not at every save
            assert "未能保存" in str(app.screen.query_one("#status", Static).content)
            await pilot.press(*"实施")
        # quitting straight after typing: the last words are rescued too, and the terminal is told
        assert app.farewell and "另存到" in app.farewell[0]

    asyncio.run(run())
    newest = max((tmp_path / "rescue").iterdir(), key=lambda f: f.stat().st_mtime_ns)
    assert newest.read_text(encoding="utf-8") == "由阅读推广部负责组织实施"
    assert stored_text(sample_db, draft, "3.1") == ""


def test_a_busy_store_journals_then_saves_when_free(sample_db: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from store.journal import journal_dir

    from .test_journal import import_running

    draft = new_draft(sample_db)
    monkeypatch.setenv("ZIPIN_RESCUE", str(tmp_path / "rescue"))
    status = ""

    async def run() -> None:
        nonlocal status
        app = ZipinApp(sample_db, draft, "3.1")
        async with app.run_test(size=SIZE) as pilot:
            await typing_into(pilot, app, "3.1")
            with import_running(sample_db):
                await pilot.press(*"由阅读推广部负责")
                await until(pilot, lambda: "暂存" in str(app.screen.query_one("#status", Static).content))
                assert list(journal_dir(sample_db).glob("*.txt"))
                assert stored_text(sample_db, draft, "3.1") == ""
            # the import is over: the retry writes the newest words and clears the journal
            await until(pilot, lambda: stored_text(sample_db, draft, "3.1") == "由阅读推广部负责", timeout=5)
            await until(pilot, lambda: not list(journal_dir(sample_db).glob("*.txt")))
            # the worker's «saved» message reaches the screen a moment after its write
            await until(pilot, lambda: "暂存" not in str(app.screen.query_one("#status", Static).content),
                        timeout=5)
            status = str(app.screen.query_one("#status", Static).content)

    asyncio.run(run())
    assert status == "已保存"


def test_key_facts_are_read_back_and_fill_the_table(sample_db: Path) -> None:
    draft = new_draft(sample_db)

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "facts")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: bool(app.screen.query("#answer-budget")))
            answer = app.screen.query_one("#answer-budget", Input)
            answer.focus()
            await pilot.press(*"财政拨款80万，上年结转6万", "enter")
            echo = app.screen.query_one("#echo-budget", Static)
            assert "86 万元（由分项相加）" in str(echo.content) and "按 Enter 确认" in str(echo.content)
            await pilot.press("enter")
            assert "已确认" in str(echo.content)
            await pilot.pause(0.5)
        with open_store(sample_db) as store:
            cells = {(r["row"], r["col"]): r["value"] for r in store.query(
                "SELECT row, col, value FROM budget_cells WHERE report_id = ?", [draft])}
        assert cells[("fiscal", "budget")] == "80" and cells[("total", "budget")] == "86"

    asyncio.run(run())


def test_usable_at_80_by_24(sample_db: Path) -> None:
    draft = new_draft(sample_db, title="全民阅读推广专项经费")

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "2.2")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "2.2")
            assert app.screen.has_class("-narrow")
            editor = app.screen.editor
            assert editor.region.width >= 38 and editor.region.height >= 10
            assert app.screen.query_one("#suggestions").region.width > 0

    asyncio.run(run())


def test_review_lists_findings_jumps_and_exports(sample_db: Path, tmp_path: Path) -> None:
    from textual.widgets import Checkbox

    from tui.dialogs import ExportDialog
    from tui.screens.review import ReviewScreen

    draft = new_draft(sample_db, title="全民阅读推广专项经费", source="全民阅读推广专项经费@2025")
    target = tmp_path / "out" / "reading.docx"
    target.parent.mkdir()

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "1.1")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "1.1")
            await pilot.press("f10")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and bool(app.screen.findings))
            summary = str(app.screen.query_one("#review-summary", Static).content)
            assert summary.startswith(f"共 {len(app.screen.findings)} 条：错误 ")
            await pilot.press("x")
            await until(pilot, lambda: isinstance(app.screen, ExportDialog))
            app.screen.query_one("#path", Input).value = str(target)
            if app.screen.query("#force"):
                app.screen.query_one("#force", Checkbox).value = True
            await pilot.click("#ok")
            await until(pilot, lambda: target.exists())
            assert isinstance(app.screen, ReviewScreen)
            options = app.screen.query_one("#review-list", OptionList)
            names = next(i for i in range(options.option_count)
                         if options.get_option_at_index(i).id and "文化馆" in str(options.get_option_at_index(i).prompt))
            options.focus()
            options.highlighted = names
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "5.3")

    asyncio.run(run())


def test_export_waits_for_the_review_checks(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """x pressed while the review still checked opened a dialog without «仍有错误也导出»,
    built as if the draft had no errors; now it says to wait."""
    from tui.dialogs import ExportDialog
    from tui.screens.review import ReviewScreen

    draft = new_draft(sample_db, title="全民阅读推广专项经费", source="全民阅读推广专项经费@2025")
    load = still_loading(monkeypatch, ReviewScreen, "load")  # the checks are still running

    async def run() -> None:
        app = ZipinApp(sample_db, draft, "1.1")
        async with app.run_test(size=SIZE) as pilot:
            await open_from_walk(pilot, app, "1.1", "f10", ReviewScreen)
            review = app.screen
            assert "正在检查" in str(review.query_one("#review-summary", Static).content)
            await pilot.press("x")
            await pilot.pause(0.2)
            assert app.screen is review
            load(review)
            await until(pilot, lambda: review.findings is not None)
            await pilot.press("x")
            await until(pilot, lambda: isinstance(app.screen, ExportDialog))
            assert app.screen.query("#force")  # the sample draft has errors

    asyncio.run(run())


def test_walk_keys_before_the_draft_is_read_do_nothing(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F7 pressed at once crashed (no steps yet); every walk key waits for the draft but help."""
    from tui.screens.help import HelpScreen

    draft = new_draft(sample_db, title="全民阅读推广专项经费", source="全民阅读推广专项经费@2025")
    load = still_loading(monkeypatch, WalkScreen, "load_draft")

    async def run() -> None:
        app = ZipinApp(sample_db, draft, None)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, WalkScreen))
            walk = app.screen
            await pilot.press("f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "ctrl+o", "ctrl+l")
            await pilot.pause(0.2)
            assert app.screen is walk and app.return_code is None
            await pilot.press("f1")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen))
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is walk)
            load(walk)
            await until(pilot, lambda: bool(walk.key))
            await pilot.press("f8")
            await until(pilot, lambda: walk.key != "facts")

    asyncio.run(run())
