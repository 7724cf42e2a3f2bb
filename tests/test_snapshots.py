"""Snapshots of the main screens (pytest-textual-snapshot; `--snapshot-update` to accept changes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui.app import ZipinApp
from tui.screens.lookup import LookupScreen
from tui.screens.table import TableScreen
from tui.screens.walk import WalkScreen

from .test_tui import new_draft, sample_db, until  # noqa: F401 - the fixture is used by name


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursor in a snapshot."""
    monkeypatch.setattr(TextArea, "cursor_blink", False)
    monkeypatch.setattr(Input, "cursor_blink", False)


def test_home(snap_compare, sample_db: Path) -> None:  # noqa: ANN001, F811
    app = ZipinApp(sample_db)

    async def loaded(pilot: Pilot) -> None:
        await until(pilot, lambda: app.screen.query_one("#reports").row_count == 6)

    assert snap_compare(app, terminal_size=(120, 32), run_before=loaded)


def test_walk(snap_compare, sample_db: Path) -> None:  # noqa: ANN001, F811
    draft = new_draft(sample_db, title="全民阅读推广专项经费", source="全民阅读推广专项经费@2025")
    app = ZipinApp(sample_db, draft, "2.2")

    async def loaded(pilot: Pilot) -> None:
        await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "2.2")
        await until(pilot, lambda: bool(getattr(app.screen.query_one("#suggestions"), "suggestions", [])))
        await until(pilot, lambda: bool(getattr(app.screen.query_one("#findings"), "findings", [])))
        await until(pilot, lambda: bool(app.screen.editor.marks))
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=(160, 48), run_before=loaded)


def test_table(snap_compare, sample_db: Path) -> None:  # noqa: ANN001, F811
    draft = new_draft(sample_db, title="全民阅读推广专项经费", source="全民阅读推广专项经费@2025")
    app = ZipinApp(sample_db, draft, "6")

    async def loaded(pilot: Pilot) -> None:
        await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "6")
        await pilot.press("f9")
        await until(pilot, lambda: isinstance(app.screen, TableScreen) and bool(app.screen.query(".amount")))
        app.screen.query_one("#cell-total-budget", Input).value = "92"
        app.screen.query_one("#cell-total-spent", Input).value = "88.1"
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=(120, 40), run_before=loaded)


def test_lookup(snap_compare, sample_db: Path) -> None:  # noqa: ANN001, F811
    draft = new_draft(sample_db)
    app = ZipinApp(sample_db, draft, "2.3")

    async def loaded(pilot: Pilot) -> None:
        await until(pilot, lambda: isinstance(app.screen, WalkScreen) and app.screen.key == "2.3")
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, LookupScreen))
        await pilot.press(*"专款专用")
        await until(pilot, lambda: bool(app.screen.hits) and "专款专用" in app.screen.hits[0].text)
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=(120, 32), run_before=loaded)
