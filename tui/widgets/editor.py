"""The answer editor: a TextArea that wraps CJK text and colours the numbers found in it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

NUMBER_STYLES = {
    "money": "bold green",
    "percent": "bold cyan",
    "count": "bold magenta",
    "date": "bold blue",
    "number": "underline",
}


class AnswerEditor(TextArea):
    """Numbers are highlighted from spans computed in a worker (`set_numbers`)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        super().__init__(*args, **kwargs)
        self._numbers: dict[int, list[tuple[int, int, str]]] = {}

    def set_numbers(self, text: str, spans: list[tuple[int, int, str]]) -> None:
        """Colour these (start, end, kind) spans, if they were found in the current text."""
        if text != self.text:
            return
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for start, end, kind in spans:
            row, col = self.location_of(start)
            row_end, col_end = self.location_of(end)
            if row == row_end:
                by_line.setdefault(row, []).append((col, col_end, kind))
        self._numbers = by_line
        self._line_cache.clear()  # TextArea caches rendered lines; our colours are not in its key
        self.refresh()

    @property
    def numbers(self) -> dict[int, list[tuple[int, int, str]]]:
        return self._numbers

    def location_of(self, offset: int) -> tuple[int, int]:
        """(row, column) of a character offset into the text."""
        before = self.text[:offset]
        row = before.count("\n")
        return row, offset - (before.rfind("\n") + 1)

    def offset_of(self, location: tuple[int, int]) -> int:
        row, col = location
        lines = self.text.split("\n")
        return sum(len(line) + 1 for line in lines[:row]) + col

    def select_span(self, start: int, end: int) -> None:
        self.selection = Selection(self.location_of(start), self.location_of(end))
        self.scroll_cursor_visible(center=True)

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end, kind in self._numbers.get(line_index, []):
            line.stylize(NUMBER_STYLES.get(kind, "underline"), start, end)
        return line

    def clear_numbers(self) -> None:
        self._numbers = {}
        self._line_cache.clear()
