"""Quick lookup of last year's wording: a search box over all past paragraphs, with the filters
of `zipin search`; the match is highlighted; Enter copies the paragraph into the current section."""

from __future__ import annotations

from rapidfuzz import fuzz
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..session import Session
from ..wrap import Wrapped
from .base import ZipinScreen


def highlighted(text: str, query: str) -> Text:
    """The paragraph with the part that best matches the query in reverse video."""
    out = Text(text)
    if query.strip():
        align = fuzz.partial_ratio_alignment(query.strip(), text)
        if align is not None and align.score >= 60:
            out.stylize("reverse bold", align.dest_start, align.dest_end)
    return out


class LookupScreen(ZipinScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "返回"), Binding("f6", "cancel", "返回", show=False)]

    def __init__(self, session: Session, section: str | None = None, query: str = "") -> None:
        super().__init__()
        self.session = session
        self.section = section
        self.initial = query
        self.hits: list = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(self.initial, placeholder="输入要找的表述，数字不同也能找到", id="query")
        with Horizontal(id="filters"):
            yield Input(self.section or "", placeholder="节，如 2.1", id="f-section")
            yield Input(placeholder="年度", id="f-year", restrict=r"\d{0,4}")
            yield Input(placeholder="单位（包含）", id="f-unit")
            yield Input(placeholder="项目（包含）", id="f-title")
        yield OptionList(id="hits")
        yield Static(id="lookup-status", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "查找往年表述（Enter 复制到当前一节）"
        self.query_one("#query", Input).focus()
        self.run_search()

    @on(Input.Changed)
    def changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.25, self.run_search)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.query_one("#hits", OptionList).focus()

    def run_search(self) -> None:
        value = {name: self.query_one(f"#{name}", Input).value.strip()
                 for name in ("query", "f-section", "f-year", "f-unit", "f-title")}
        self.search(value)

    @work(thread=True, exclusive=True, group="lookup", exit_on_error=False)
    def search(self, value: dict[str, str]) -> None:
        from store.search import Filters, search

        filters = Filters(section=value["f-section"] or None, year=int(value["f-year"]) if value["f-year"] else None,
                          unit=value["f-unit"] or None, title=value["f-title"] or None, kind="past")
        hits, elapsed = search(self.session.store(), value["query"], filters, limit=30)
        self.app.call_from_thread(self.show, value["query"], hits, elapsed)

    def show(self, query: str, hits: list, elapsed: float) -> None:
        self.hits = hits
        options = self.query_one("#hits", OptionList)
        options.clear_options()
        for i, hit in enumerate(hits):
            note = f" · {hit.shared_note()}" if hit.shared else ""
            head = Text(f"{hit.score:.0f} · {hit.year} {hit.title} §{hit.section}（{hit.unit}）{note}\n", style="bold")
            options.add_option(Option(Wrapped(head + highlighted(hit.text, query)), id=str(i)))
        self.query_one("#lookup-status", Static).update(self._status(len(hits)))

    def _status(self, count: int) -> str:
        if count:
            return f"{count} 条结果（Enter 复制到当前一节）"
        narrowed = [label for name, label in (("f-section", "节"), ("f-year", "年度"), ("f-unit", "单位"),
                                              ("f-title", "项目")) if self.query_one(f"#{name}", Input).value.strip()]
        if narrowed:
            return f"0 条结果：只查了筛选的{'、'.join(narrowed)}，清空筛选框可查全部往年报告。"
        return "0 条结果"

    @on(OptionList.OptionSelected, "#hits")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        self.dismiss(hit.text)

    def action_cancel(self) -> None:
        self.dismiss(None)
