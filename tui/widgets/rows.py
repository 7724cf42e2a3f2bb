"""One visual row of a soft-wrapped TextArea, built from that row's characters only.

Textual 8.2 (pinned) renders each visual row by styling the whole logical line and dividing it
at every wrap offset, then keeping one piece: a paragraph of 3,000 characters (real reports keep
a section in one) costs a full division for each of its 40 rows, on every keystroke.  Here the
row's slice is styled with the same spans, in the same order, clipped to the slice — the same
strip for a fraction of the work.  A row is a pure function of its characters and the styles
painted on it, so finished rows are kept by exactly that (typing changes the rows from the cursor
on; the others are not drawn again).  Anything this does not cover (tabs, line numbers, syntax
highlighting, an inline suggestion, no soft wrap) returns None, and Textual renders the row.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict

from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widgets import TextArea

Span = tuple[int, int, str]  # (start, end, style) in the logical line
Paint = tuple[str | Style, int, int]  # (style, start, end) in the row
CACHED_ROWS = 512


class RowCache(OrderedDict):
    """Finished rows by (characters, paints, width, styles): least recently used go first."""

    def fetch(self, key: tuple, build) -> Strip:  # noqa: ANN001
        strip = self.get(key)
        if strip is None:
            strip = self[key] = build()
            if len(self) > CACHED_ROWS:
                self.popitem(last=False)
        else:
            self.move_to_end(key)
        return strip


def row_strip(area: TextArea, y: int, marks: dict[int, list[Span]], cache: RowCache) -> Strip | None:
    """The strip of row `y` of `area` (relative to its scroll), or None to let Textual draw it;
    `marks` are the editor's number colours by logical line, sorted by start."""
    theme = area._theme
    if theme is None or not area.soft_wrap or area.show_line_numbers or area._highlights or area.suggestion:
        return None
    base_style = theme.base_style if theme.base_style is not None else area.rich_style
    info = _line_info(area, y)
    if info is None:
        return Strip.blank(area.size.width, base_style)
    line_index, section = info
    string = area.document.get_line(line_index)
    if "\t" in string:
        return None
    bounds = [0, *area.wrapped_document.get_offsets(line_index), len(string) + 1]
    start, end = bounds[section], bounds[section + 1]
    chars = string[start:end] + (" " if end > len(string) else "")
    paints = _mark_paints(marks.get(line_index, ()), start, len(chars))
    blank = _state_paints(area, paints, line_index, len(string), start, len(chars))
    width = area.scrollable_content_region.size.width - area.gutter_width
    key = ("▌" if blank else chars, tuple(paints), width, _line_style(area, line_index), base_style)
    return cache.fetch(key, lambda: _build(area, *key))


def _line_info(area: TextArea, y: int) -> tuple[int, int] | None:
    wrapped = area.wrapped_document
    y_offset = y + area.scroll_offset.y
    if y_offset >= wrapped.height:
        return None
    try:
        return wrapped._offset_to_line_info[y_offset]
    except IndexError:
        return None


def _clip(style: str | Style, a: int, b: int | None, start: int, length: int) -> Paint | None:
    """[a, b) of the logical line as far as it falls in this row (which starts at `start`)."""
    a = max(a - start, 0)
    b = length if b is None else min(b - start, length)
    return (style, a, b) if a < b else None


def _mark_paints(marks: list[Span] | tuple, start: int, length: int) -> list[Paint]:
    """The marks that fall in this row: found by bisection, a paragraph holds many numbers."""
    first = max(0, bisect_right(marks, (start, start, "")) - 1)
    out = []
    for a, b, style in marks[first:]:
        if a >= start + length:
            break
        if (paint := _clip(style, a, b, start, length)) is not None:
            out.append(paint)
    return out


def _state_paints(area: TextArea, paints: list[Paint], line_index: int, line_length: int, start: int,
                  length: int) -> bool:
    """Cursor line, selection, brackets and cursor, appended in `TextArea._render_line`'s order.
    True when the row is an empty line inside the selection (drawn as «▌»)."""
    theme = area._theme
    selection = area.selection
    cursor_row, cursor_column = selection.end
    has_cursor = area._has_cursor

    def paint(style: str | Style | None, a: int, b: int | None) -> None:
        if style and (clipped := _clip(style, a, b, start, length)) is not None:
            paints.append(clipped)

    if has_cursor and area.highlight_cursor_line and cursor_row == line_index:
        paint(theme.cursor_line_style, 0, None)
    blank = _selection_paints(area, paint, line_index, line_length)
    bracket = area._matching_bracket_location
    brackets = has_cursor and area.match_cursor_bracket and bracket is not None and selection.start == selection.end
    if cursor_row == line_index:
        if brackets:
            paint(theme.bracket_matching_style, cursor_column, cursor_column + 1)
        if area._draw_cursor:
            paint(theme.cursor_style, cursor_column, cursor_column + 1)
    if brackets and bracket[0] == line_index:
        paint(theme.bracket_matching_style, bracket[1], bracket[1] + 1)
    return blank


def _selection_paints(area: TextArea, paint, line_index: int, length: int) -> bool:  # noqa: ANN001
    selection = area.selection
    style = area._theme.selection_style
    (top_row, top_column), (bottom_row, bottom_column) = sorted(selection)
    if selection.start == selection.end or not top_row <= line_index <= bottom_row or not style:
        return False
    if length == 0 and line_index != selection.end[0]:
        paint(Style(color=style.bgcolor), 0, None)  # an empty line inside the selection: «▌»
        return True
    paint(style, top_column if line_index == top_row else 0, bottom_column if line_index == bottom_row else length)
    return False


def _line_style(area: TextArea, line_index: int) -> Style | None:
    """What fills the row after its text: the cursor line's colour on the cursor's line."""
    theme = area._theme
    if area.selection.end[0] == line_index and area.highlight_cursor_line:
        return theme.cursor_line_style if area._has_cursor else None
    return theme.base_style


def _build(area: TextArea, chars: str, paints: tuple[Paint, ...], width: int, line_style: Style | None,
           base_style: Style) -> Strip:
    text = Text(chars, end="", no_wrap=True)
    for style, a, b in paints:
        text.stylize(style, a, b)
    strip = Strip(text.render(area.app.console), cell_length=text.cell_len)
    return strip.extend_cell_length(width, line_style).apply_style(base_style)


def install_plain_sections() -> None:
    """Textual's `WrappedDocument.get_sections` (which the cursor's screen position is computed
    from, twice per keystroke) builds a rich Text of the whole line to divide it; slicing the
    string at the same offsets gives the same pieces."""
    from textual.document._wrapped_document import WrappedDocument

    def get_sections(self: WrappedDocument, line_index: int) -> list[str]:
        line = self.document[line_index]
        cuts = [0, *self._wrap_offsets[line_index], len(line)]
        return [line[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]

    WrappedDocument.get_sections = get_sections  # type: ignore[method-assign]
