"""The 附表: budget block with 执行率 computed live, the year's goals, and the indicator rows
(add, edit, delete, reorder; 一级/二级 from the profile), with scores and grade where the profile
has them.  Every change is saved (in a worker) a moment after it is made."""

from __future__ import annotations

import copy
from decimal import Decimal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Label, Static, TextArea

from checks.indicator_values import outcome
from extract.amounts import parse_amount
from extract.document import Cell, Indicator, ReportTable
from extract.outline import Profile, get_profile

from ..dialogs import IndicatorDialog
from ..session import Session
from ..unsaved import Unsaved
from .base import ZipinScreen

STATE_CN = {"met": ("完成", "green"), "missed": ("未完成", "red"), "exceeded": ("超额30%以上", "yellow"),
            "unknown": ("—", "dim")}
INHERITED_CN = ("沿用去年，待确认（Enter 编辑）", "yellow")


def rate_text(budget: Decimal | None, spent: Decimal | None) -> Text:
    if not budget or budget <= 0 or spent is None:
        return Text("执行率：填入预算数和执行数后自动计算", style="dim")
    rate = spent / budget * 100
    style = "bold red" if rate > 100 or rate < 90 else "bold green"
    out = Text("执行率 = 执行数 ÷ 预算数 = ")
    out.append(f"{spent:f} ÷ {budget:f} = {rate:.2f}%", style=style)
    if rate > 100:
        out.append("（执行数超过预算数）", style="red")
    return out


class TableScreen(ZipinScreen[None]):
    BINDINGS = [
        # Function keys, not letters: most of this page is inputs, where letters are typed.
        Binding("f2", "add", "添加指标", priority=True),
        Binding("f3", "edit", "编辑指标", priority=True),
        Binding("f4", "focus_indicators", "指标表", priority=True),
        Binding("delete", "delete", "删除指标"),
        Binding("shift+up", "move(-1)", "上移"),
        Binding("shift+down", "move(1)", "下移"),
        Binding("escape", "back", "返回"),
    ]

    def __init__(self, session: Session, draft_id: int) -> None:
        super().__init__()
        self.session = session
        self.draft_id = draft_id
        self.table: ReportTable | None = None
        self.profile: Profile = get_profile("")
        self._save_timer: Timer | None = None
        self._unsaved: Unsaved[str, ReportTable] = Unsaved(session.save_lock)  # snapshots, under "table"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="table-page"):
            yield Label("预算执行情况（万元）", classes="panel-title")
            yield Grid(id="budget-grid")
            yield Static(id="rate")
            yield Label("年度目标", classes="panel-title")
            with Horizontal(id="goals"):
                # taking no typing until the 附表 is read: loading it would replace what was typed
                yield TextArea(id="goal-expected", soft_wrap=True, disabled=True)
                yield TextArea(id="goal-actual", soft_wrap=True, disabled=True)
            yield Label("绩效指标", classes="panel-title")
            yield DataTable(id="indicators", cursor_type="row", zebra_stripes=True)
            yield Static(id="scores")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, group="load", exit_on_error=False)
    def load(self) -> None:
        from store.reports import load_report

        report = load_report(self.session.store(), self.draft_id)
        table = report.table or ReportTable(report.profile, year=report.year)
        self.app.call_from_thread(self._loaded, table, report.title)

    def _loaded(self, table: ReportTable, title: str) -> None:
        self.table = table
        self.profile = get_profile(table.profile)
        self.sub_title = f"{title} · 附表（{self.profile.name}）"
        grid = self.query_one("#budget-grid", Grid)
        columns = [c for c in self.profile.budget["columns"] if c["key"] in self.profile.money_columns()]
        grid.styles.grid_size_columns = len(columns) + 1
        grid.mount(Label(""))
        grid.mount_all(Label(c["label"], classes="column-label") for c in columns)
        for row in self.profile.budget["rows"]:
            grid.mount(Label(row["label"]))
            for column in columns:
                cell = table.budget.get(row["key"], {}).get(column["key"])
                grid.mount(Input(cell.text if cell else "", id=f"cell-{row['key']}-{column['key']}",
                                 classes="amount", placeholder="万元"))
        for which, text in (("expected", table.goals_expected), ("actual", table.goals_actual)):
            area = self.query_one(f"#goal-{which}", TextArea)
            area.load_text(text)
            area.disabled = False
            area.border_title = "预期目标" if which == "expected" else "实际完成情况"
        indicators = self.query_one("#indicators", DataTable)
        headers = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"]
        if self.profile.scored:
            headers += ["分值", "得分"]
        indicators.add_columns(*headers, "完成情况")
        self.show_indicators()
        self.update_rate()
        self.refresh_bindings()  # the footer's keys, hidden while loading, work now

    # ----- budget and goals

    @on(Input.Changed, ".amount")
    def amount_changed(self, event: Input.Changed) -> None:
        assert self.table is not None
        _, row, column = (event.input.id or "").split("-", 2)
        text = event.value.strip()
        value = parse_amount(text) if text else None
        if text and value is None:
            event.input.add_class("invalid")
        else:
            event.input.remove_class("invalid")
        self.table.budget.setdefault(row, {})[column] = Cell(text, value)
        self.update_rate()
        self.schedule_save()

    @on(TextArea.Changed, "#goals TextArea")
    def goals_changed(self, event: TextArea.Changed) -> None:
        assert self.table is not None
        if event.text_area.id == "goal-expected":
            self.table.goals_expected = event.text_area.text
        else:
            self.table.goals_actual = event.text_area.text
        self.schedule_save()

    def update_rate(self) -> None:
        assert self.table is not None
        self.query_one("#rate", Static).update(
            rate_text(self.table.amount("total", "budget"), self.table.amount("total", "spent")))
        self.update_scores()

    # ----- indicators

    def show_indicators(self) -> None:
        assert self.table is not None
        grid = self.query_one("#indicators", DataTable)
        cursor = grid.cursor_row
        grid.clear()
        for ind in self.table.indicators:
            state, style = STATE_CN[outcome(ind).state] if not ind.inherited else INHERITED_CN
            row = [ind.level1, ind.level2, ind.level3, ind.expected, ind.actual]
            if self.profile.scored:
                row += [ind.weight, ind.score]
            grid.add_row(*row, Text(state, style=style))
        if self.table.indicators:
            grid.move_cursor(row=min(cursor, len(self.table.indicators) - 1))
        self.update_scores()

    def update_scores(self) -> None:
        from store.scoring import scores

        assert self.table is not None
        self.query_one("#scores", Static).update(Text(scores(self.table, self.profile).line(), style="bold"))

    def action_focus_indicators(self) -> None:
        self.query_one("#indicators", DataTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Until the 附表 is read, only going back works (the footer dims the rest): F3 pressed
        at once found no table."""
        return self.table is not None or action == "back"

    def _selected(self) -> int | None:
        assert self.table is not None
        grid = self.query_one("#indicators", DataTable)
        return grid.cursor_row if self.table.indicators and grid.cursor_row is not None else None

    def action_add(self) -> None:
        def added(indicator: Indicator | None) -> None:
            if indicator is not None and self.table is not None:
                self.table.indicators.append(indicator)
                self.show_indicators()
                self.query_one("#indicators", DataTable).move_cursor(row=len(self.table.indicators) - 1)
                self.schedule_save()

        self.app.push_screen(IndicatorDialog(self.profile), added)

    @on(DataTable.RowSelected, "#indicators")
    def action_edit(self) -> None:
        index = self._selected()
        if index is None or self.table is None:
            return

        def edited(indicator: Indicator | None) -> None:
            if indicator is not None and self.table is not None:
                self.table.indicators[index] = indicator
                self.show_indicators()
                self.schedule_save()

        self.app.push_screen(IndicatorDialog(self.profile, copy.copy(self.table.indicators[index])), edited)

    def action_delete(self) -> None:
        index = self._selected()
        if index is None or self.table is None:
            return
        del self.table.indicators[index]
        self.show_indicators()
        self.schedule_save()

    def action_move(self, delta: int) -> None:
        index = self._selected()
        if index is None or self.table is None:
            return
        target = index + delta
        if 0 <= target < len(self.table.indicators):
            rows = self.table.indicators
            rows[index], rows[target] = rows[target], rows[index]
            self.show_indicators()
            self.query_one("#indicators", DataTable).move_cursor(row=target)
            self.schedule_save()

    # ----- saving

    def schedule_save(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(0.4, self.flush)

    def flush(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.table is not None:
            self._unsaved.put("table", copy.deepcopy(self.table))
            self.save()

    @work(thread=True, group="save", exit_on_error=False)
    def save(self) -> None:
        self._write()

    def _write(self) -> None:
        from store.drafts import save_draft_table

        store = self.session.store()
        self._unsaved.flush(lambda _, table: save_draft_table(store, self.draft_id, table))

    def action_back(self) -> None:
        self.flush()
        self.dismiss(None)

    def on_unmount(self) -> None:
        if self._save_timer is not None and self.table is not None:
            self._save_timer.stop()
            self._unsaved.put("table", self.table)
        if self._unsaved:  # also a snapshot whose worker has not run yet
            self._write()
