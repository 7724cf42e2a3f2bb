"""Chinese line breaking (禁则, as Word and browsers do it) for the editor and the panels.

Terminal widgets fold CJK text at any character when a line is full.  That breaks a number
from its unit or inside itself («4.» / «6万人次» split over two lines) and starts lines with
「，。、；」».  `kinsoku_offsets` fills each line to its width and then moves the break back (a few characters
at most) until the character after it may start a line and the two either side of it need not
stay together; the next line is measured from where the break ended up.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from rich.cells import get_character_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

# May not start a line: closing punctuation, pause and stop marks, and the like.
NO_START = set("、，。．,.；;：:！!？?）)」』”’》〉】〕］]}…—～%％‰·'\"")
# May not end a line: opening brackets and quotes.
NO_END = set("（(「『“‘《〈【〔［[{")
DIGITS = set("0123456789０１２３４５６７８９")
POINTS = set(".．")
# Characters of a unit written after a number («万元», «万人次», «平方米»): they stay with it.
UNIT = set("万亿千百元人次场个名项件册套期户所家台辆米吨亩公顷平方立年月日号分秒倍条节份%％‰")
UNIT_LENGTH = 4
MAX_BACK = 8  # characters a break may move back; past that, the line is broken where it was


def _punctuation_bound(text: str, i: int, floor: int = 0) -> bool:
    return text[i] in NO_START or text[i - 1] in NO_END


def _together(text: str, i: int, floor: int = 0) -> bool:
    """Must text[i-1] and text[i] stay on one line?  (`floor`: where this line starts.)"""
    before, after = text[i - 1], text[i]
    if _punctuation_bound(text, i):
        return True
    if after in DIGITS or after in POINTS:
        return before in DIGITS or before in POINTS  # inside a number («95.63», «4.»)
    if after not in UNIT:
        return False
    j = i - 1
    while j >= floor and i - j <= UNIT_LENGTH and text[j] in UNIT:
        j -= 1
    return j >= floor and text[j] in DIGITS  # «4.3万人次»: the unit stays with its number


def _adjust(text: str, b: int, start: int) -> int:
    """Break `b` of the line from `start` moved back (not to `start` or before) to where every
    rule holds, else where at least no line starts with a stop or ends with an opening bracket,
    else left where it was."""
    for bound in (_together, _punctuation_bound):
        moved = _back(text, b, start, bound)
        if moved is not None:
            return moved
    return b


def _back(text: str, b: int, start: int, bound: Callable[[str, int, int], bool]) -> int | None:
    moved = b
    while moved - start > 1 and b - moved < MAX_BACK and bound(text, moved, start):
        moved -= 1
    return None if bound(text, moved, start) else moved


_cell = lru_cache(maxsize=4096)(get_character_cell_size)


def kinsoku_offsets(text: str, width: int) -> list[int]:
    """Where to break `text` into lines of at most `width` cells, respecting 禁则.

    Linear in the text: the cells are summed once (in C), each line's natural end is found by
    bisection, and only the few characters a break moves back over are looked at in Python —
    the editor recomputes a paragraph's breaks on every keystroke, and a paragraph of a real
    report runs to thousands of characters."""
    if width <= 0:
        return []
    ends = list(accumulate(map(_cell, text)))  # ends[i]: cells up to and including text[i]
    breaks: list[int] = []
    start, base = 0, 0
    while True:
        i = max(bisect_right(ends, base + width, lo=start), start + 1)
        if i >= len(text):
            return breaks
        moved = _adjust(text, i, start)
        breaks.append(moved)
        start, base = moved, ends[moved - 1]


class Wrapped:
    """A Rich Text that wraps with 禁则 at whatever width it is given (the panels' prompts)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.text.split("\n", allow_blank=True):
            for part in line.divide(kinsoku_offsets(line.plain, options.max_width)):
                yield from part.render(console)
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions):  # noqa: ANN204
        return self.text.__rich_measure__(console, options)


def has_cjk(text: str) -> bool:
    return any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


def install_in_text_areas() -> None:
    """Make every TextArea of the app break Chinese lines with 禁则 (Textual 8.2, which is
    pinned, computes a wrapped document's break points in this one function); other text is
    wrapped by Textual as before."""
    from textual.document import _wrapped_document

    original = _wrapped_document.compute_wrap_offsets
    if getattr(original, "kinsoku", False):
        return

    def wrap(text: str, width: int, tab_size: int, fold: bool = True,
             precomputed_tab_sections: list[tuple[str, int]] | None = None) -> list[int]:
        if "\t" in text or not has_cjk(text):
            return original(text, width, tab_size, fold, precomputed_tab_sections)
        return kinsoku_offsets(text, width)

    wrap.kinsoku = True  # type: ignore[attr-defined]
    _wrapped_document.compute_wrap_offsets = wrap
