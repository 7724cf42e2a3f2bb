"""The answer editor: a TextArea that wraps CJK text and colours its numbers by how they stand —
this year's by kind, last year's that agree with this year (dim green), last year's that differ
(red), and last year's nobody has checked yet (yellow) — from marks computed in a worker.

Text from a suggestion or a lookup goes in as a paragraph of its own, and a suggestion replaces
only the paragraph under the cursor: both are ordinary edits, undone with Ctrl+Z.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from .rows import RowCache, row_strip

KIND_STYLES = {
    "money": "bold green",
    "percent": "bold cyan",
    "count": "bold magenta",
    "date": "bold blue",
    "number": "underline",
}
# last year's numbers, by how they stand against this year (store.drafting)
STATUS_STYLES = {"matched": "green", "differs": "bold white on red", "unchecked": "bold black on yellow"}

Mark = tuple[int, int, str, str]  # (start, end, kind, status) in the section's text


class AnswerEditor(TextArea):
    BINDINGS = [
        Binding("ctrl+a", "select_all", "全选", show=False),
        Binding("home", "line_home", "行首", show=False),
        Binding("end", "line_end", "行尾", show=False),
        Binding("shift+home", "line_home(True)", show=False),
        Binding("shift+end", "line_end(True)", show=False),
    ]

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        super().__init__(*args, **kwargs)
        self._marks: dict[int, list[tuple[int, int, str]]] = {}
        self._rows = RowCache()

    # ----- loading and editing

    def open_text(self, text: str) -> None:
        """Show a section's text with the cursor at its end, ready to go on writing."""
        self.load_text(text)
        self.clear_marks()
        self.move_cursor(self.document.end)

    def paragraph_span(self) -> tuple[int, int]:
        """(start, end) offsets of the paragraph (line) under the cursor."""
        row, _ = self.cursor_location
        start = self.offset_of((row, 0))
        return start, start + len(self.document.get_line(row))

    def insert_paragraph(self, text: str) -> None:
        """`text` as a new paragraph after the one under the cursor (or into it when it is blank)."""
        row, _ = self.cursor_location
        line = self.document.get_line(row)
        if line.strip():
            self.insert("\n" + text, (row, len(line)), maintain_selection_offset=False)
        else:
            self.replace(text, (row, 0), (row, len(line)), maintain_selection_offset=False)

    def replace_paragraph(self, text: str) -> None:
        """Put `text` in place of the paragraph under the cursor, and nothing else."""
        row, _ = self.cursor_location
        self.replace(text, (row, 0), (row, len(self.document.get_line(row))), maintain_selection_offset=False)

    def action_line_home(self, select: bool = False) -> None:
        row, _ = self.cursor_location
        self.move_cursor((row, 0), select=select)

    def action_line_end(self, select: bool = False) -> None:
        row, _ = self.cursor_location
        self.move_cursor((row, len(self.document.get_line(row))), select=select)

    # ----- number colours

    def set_marks(self, text: str, marks: list[Mark]) -> None:
        """Colour these numbers, if they were found in the text now shown."""
        if text != self.text:
            return
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        starts = _line_starts(text)
        for start, end, kind, status in marks:
            row = _row_of(starts, start)
            if _row_of(starts, end) == row:
                style = STATUS_STYLES.get(status) or KIND_STYLES.get(kind, "underline")
                by_line.setdefault(row, []).append((start - starts[row], end - starts[row], style))
        self._marks = {row: sorted(spans) for row, spans in by_line.items()}
        self._line_cache.clear()  # TextArea caches rendered lines; our colours are not in its key
        self.refresh()

    @property
    def marks(self) -> dict[int, list[tuple[int, int, str]]]:
        return self._marks

    def clear_marks(self) -> None:
        self._marks = {}
        self._line_cache.clear()

    def _render_line(self, y: int) -> Strip:
        """A row from its own characters (`rows`): typing in a long paragraph stays fast."""
        row = row_strip(self, y, self._marks, self._rows)
        return row if row is not None else super()._render_line(y)

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end, style in self._marks.get(line_index, []):
            line.stylize(style, start, end)
        return line

    # ----- offsets

    def location_of(self, offset: int) -> tuple[int, int]:
        """(row, column) of a character offset into the text."""
        starts = _line_starts(self.text)
        row = _row_of(starts, offset)
        return row, offset - starts[row]

    def offset_of(self, location: tuple[int, int]) -> int:
        row, col = location
        return sum(len(self.document.get_line(r)) + 1 for r in range(row)) + col

    def select_span(self, start: int, end: int) -> None:
        self.selection = Selection(self.location_of(start), self.location_of(end))
        self.scroll_cursor_visible(center=True)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _row_of(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return max(0, bisect_right(starts, offset) - 1)
