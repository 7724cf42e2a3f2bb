"""Chinese line breaking (禁则) in the editor and the panels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from tui.wrap import NO_END, NO_START, Wrapped, kinsoku_offsets

TEXT = "全年开展阅读推广活动141场，参与读者4.3万人次，新增馆藏图书9400册，读者满意度为96.5%。第4.项目「重点」工作。"


def lines(text: str, width: int) -> list[str]:
    cuts = [0, *kinsoku_offsets(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


@pytest.mark.parametrize("width", range(8, 41))
def test_no_line_starts_with_a_stop_and_numbers_stay_whole(width: int) -> None:
    got = lines(TEXT, width)
    assert "".join(got) == TEXT
    assert all(cell_len(line) <= width for line in got)
    assert not any(line[0] in NO_START for line in got[1:])
    assert not any(line[-1] in NO_END for line in got[:-1])
    joins = {(a[-1], b[0]) for a, b in zip(got, got[1:], strict=False)}
    for inside in ("14", "41", "4.", ".3", "00", "96", ".5", "5%", "1场"):
        assert (inside[0], inside[1]) not in joins, (width, got)


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("参与读者4.3万人次，新增", 14, ["参与读者", "4.3万人次，新", "增"]),
    ("参与读者4.3万人次，新增", 10, ["参与读者", "4.3万人", "次，新增"]),  # no room: at least no line starts with ，
    ("第4.项目", 4, ["第4.", "项目"]),
])
def test_examples(text: str, width: int, expected: list[str]) -> None:
    assert lines(text, width) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="年度资金万元，。、；（）「」0123456789.%场人次", max_size=200), st.integers(2, 60))
def test_every_line_fits_and_nothing_is_lost(text: str, width: int) -> None:
    got = lines(text, width)
    assert "".join(got) == text
    assert all(cell_len(line) <= width for line in got)


def test_panels_wrap_with_the_same_rules() -> None:
    console = Console(width=12, record=True)
    console.print(Wrapped(Text(TEXT)))
    shown = [line for line in console.export_text().split("\n") if line]
    assert not any(line.lstrip()[0] in NO_START for line in shown[1:])
    assert "".join(line.strip() for line in shown) == TEXT
