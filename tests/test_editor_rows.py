"""The editor draws each wrapped row from its own characters (tui.widgets.rows); the rows must
be exactly what Textual's own rendering gives, in every state a user can put the editor in."""

from __future__ import annotations

import asyncio
import re

from textual.app import App, ComposeResult
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from tui.widgets.editor import AnswerEditor

PARAGRAPH = ("本年度完成图书采购12.5万元，覆盖全市26个乡镇文化站，其中：线上借阅、线下活动同步开展；"
             "读者满意度达到96.5%。（详见附表）") * 6
TEXT = "\n".join([PARAGRAPH, "", "短段落：共3场。", PARAGRAPH[:170], "结束"])


class Harness(App[None]):
    def compose(self) -> ComposeResult:
        yield AnswerEditor(id="editor")


def _marks() -> list[tuple[int, int, str, str]]:
    """A mark on every number, of every colour, given out of order (as the worker may)."""
    kinds = [("money", "this_year"), ("percent", "differs"), ("count", "unchecked"), ("number", "matched")]
    found = [(m.start(), m.end(), *kinds[i % 4]) for i, m in enumerate(re.finditer(r"\d+(?:\.\d+)?[万%]?", TEXT))]
    return found[::-1]


def _states(editor: AnswerEditor) -> list[tuple[str, Selection]]:
    long = len(PARAGRAPH)
    return [
        ("cursor at the start", Selection.cursor((0, 0))),
        ("cursor inside a long paragraph", Selection.cursor((0, long // 2))),
        ("cursor at a paragraph's end", Selection.cursor((0, long))),
        ("cursor on a blank line", Selection.cursor((1, 0))),
        ("selection inside one paragraph", Selection((0, 30), (0, 240))),
        ("selection across paragraphs", Selection((0, long - 50), (3, 20))),
        ("selection upwards", Selection((3, 20), (0, 10))),
        ("all selected", Selection((0, 0), (4, 2))),
    ]


def _rows(editor: AnswerEditor, own: bool) -> list[list]:
    height = editor.scrollable_content_region.height
    render = editor._render_line if own else lambda y: TextArea._render_line(editor, y)
    return [list(render(y)) for y in range(height)]


def test_every_row_is_drawn_as_textual_draws_it() -> None:
    async def run() -> None:
        app = Harness()
        async with app.run_test(size=(60, 40)) as pilot:
            editor = app.query_one(AnswerEditor)
            editor.load_text(TEXT)
            editor.set_marks(TEXT, _marks())
            editor.focus()
            await pilot.pause()
            checked = 0
            for scroll in (0, 7):
                for name, selection in _states(editor):
                    editor.selection = selection
                    editor.scroll_to(y=scroll, animate=False)
                    await pilot.pause()
                    for blink in (True, False):
                        editor._cursor_visible = blink
                        mine, textual = _rows(editor, True), _rows(editor, False)
                        assert mine == textual, f"{name}, scrolled {scroll}, cursor shown {blink}"
                        checked += len(mine)
            assert checked > 500  # the rows were really compared, scrolled and not

    asyncio.run(run())


def test_rows_textual_must_draw_itself_are_left_to_it() -> None:
    async def run() -> None:
        app = Harness()
        async with app.run_test(size=(60, 20)) as pilot:
            editor = app.query_one(AnswerEditor)
            editor.load_text("甲\t乙\n丙丁")
            await pilot.pause()
            assert editor._render_line(0) == TextArea._render_line(editor, 0)
            editor.show_line_numbers = True
            await pilot.pause()
            assert list(editor._render_line(1)) == list(TextArea._render_line(editor, 1))

    asyncio.run(run())
