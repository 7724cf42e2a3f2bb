"""Home: drafts first (last edited, progress), then past reports, filtered as you type; a new
draft, or this year's draft of a past report's project (opened when it exists, else started
from that report); drafts renamed and deleted."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Key
from textual.widgets import DataTable, Footer, Header, Input, Static

from store.draft_spec import NewDraft, defaults_from

from ..dialogs import ConfirmDialog, NewDraftDialog, TextDialog
from ..session import Session
from .base import ZipinScreen


def edited_at(stamp: str | None) -> str:
    """«2026-12-01T21:31:57+00:00» → «12-01 21:31» in local time."""
    if not stamp:
        return ""
    from datetime import datetime

    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%m-%d %H:%M")
    except ValueError:
        return ""


class HomeScreen(ZipinScreen[None]):
    BINDINGS = [
        Binding("ctrl+n", "new", "新建草稿"),
        Binding("f2", "rename", "改名"),
        Binding("delete", "delete", "删除草稿"),
        Binding("f6", "lookup", "查找往年"),
        Binding("f1", "help", "帮助"),
        Binding("ctrl+r", "reload", "刷新", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[dict] = []
        self.progress: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="直接输入即可筛选：项目名称、单位或年度", id="filter")
        yield DataTable(id="reports", cursor_type="row", zebra_stripes=True)
        yield Static(id="home-status", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.session.db_path.name
        table = self.query_one("#reports", DataTable)
        table.add_columns("类型", "年度", "项目名称", "单位", "进度", "最后编辑")
        self.action_reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="home", exit_on_error=False)
    def load(self) -> None:
        from store.drafting import all_progress
        from store.reports import list_reports

        store = self.session.store()
        rows = list_reports(store)
        progress = {k: p.line().split(" · 基本数据")[0] for k, p in all_progress(store).items()}
        self.app.call_from_thread(self.show, rows, progress)

    def show(self, rows: list[dict], progress: dict[int, str]) -> None:
        self.rows, self.progress = rows, progress
        self.apply_filter()
        status = self.query_one("#home-status", Static)
        if not rows:
            status.update("库中还没有报告。用 zipin import 导入往年报告，或运行 zipin demo 体验示例数据；按 Ctrl+N 新建草稿。")
        else:
            drafts = sum(1 for r in rows if r["kind"] == "draft")
            status.update(f"草稿 {drafts} 份，往年报告 {len(rows) - drafts} 份。Enter 打开（往年报告：打开或新建今年的草稿）。")

    # ----- filtering as you type

    def on_key(self, event: Key) -> None:
        """A printable key typed anywhere on the list goes to the filter."""
        table = self.query_one("#reports", DataTable)
        if self.focused is table and event.is_printable and event.character:
            event.stop()
            field = self.query_one("#filter", Input)
            field.focus()
            field.insert_text_at_cursor(event.character)

    @on(Input.Changed, "#filter")
    def apply_filter(self) -> None:
        words = self.query_one("#filter", Input).value.split()
        table = self.query_one("#reports", DataTable)
        table.clear()
        shown = [self._cells(r) for r in self.rows if all(w in self._haystack(r) for w in words)]
        for r, cells in shown:
            table.add_row(*cells, key=str(r["id"]))
        self._fit_columns(table, [cells for _, cells in shown])

    @staticmethod
    def _haystack(r: dict) -> str:
        return f"{r['title']} {r['unit']} {r['year'] or ''} {'草稿' if r['kind'] == 'draft' else '往年'}"

    def _cells(self, r: dict) -> tuple[dict, list[str]]:
        draft = r["kind"] == "draft"
        return r, ["草稿" if draft else "往年", str(r["year"] or ""), r["title"], r["unit"],
                   self.progress.get(r["id"], "") if draft else "", edited_at(r["updated_at"]) if draft else ""]

    @staticmethod
    def _fit_columns(table: DataTable, rows: list[list[str]]) -> None:
        """Each column as wide as its widest cell, set here: the table's own measuring after a
        clear() can leave the columns at their labels' width (names cut to «全民阅读»)."""
        from rich.cells import cell_len

        for index, column in enumerate(table.columns.values()):
            column.auto_width = False
            column.width = max([cell_len(column.label.plain), *(cell_len(row[index]) for row in rows)])
        table.refresh()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        """Enter after typing a filter opens the highlighted row (the first that matches), as the
        status line promises; the list takes the focus either way."""
        table = self.query_one("#reports", DataTable)
        table.focus()
        if table.row_count:
            table.action_select_cursor()

    def _row(self) -> dict | None:
        table = self.query_one("#reports", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((r for r in self.rows if str(r["id"]) == key), None)

    # ----- opening

    @on(DataTable.RowSelected, "#reports")
    def open_row(self, event: DataTable.RowSelected) -> None:
        report_id = int(event.row_key.value or 0)
        row = next(r for r in self.rows if r["id"] == report_id)
        if row["kind"] == "draft":
            self.open_draft(report_id)
        else:
            self.from_past(row)

    def open_draft(self, draft_id: int, start: str | None = None) -> None:
        from .walk import WalkScreen

        self.app.push_screen(WalkScreen(self.session, draft_id, start))

    def from_past(self, row: dict) -> None:
        """This year's draft of the project if there is one, else a new one from this report."""
        spec = defaults_from(row)
        existing = next((r for r in self.rows if r["kind"] == "draft" and r["title"] == spec.title
                         and r["year"] == spec.year), None)
        if existing is not None:
            self.notify(f"「{spec.title}」{spec.year} 年度已有草稿，已为您打开它。", title="打开已有草稿")
            self.open_draft(existing["id"])
        else:
            self.ask(spec)

    def action_new(self) -> None:
        self.ask(NewDraft(""))

    def ask(self, defaults: NewDraft) -> None:
        sources = [r for r in self.rows if r["kind"] == "past"]
        self.app.push_screen(NewDraftDialog(defaults, sources), self.create)

    def create(self, spec: NewDraft | None) -> None:
        if spec is not None:
            self.create_draft(spec)

    @work(thread=True, group="create", exit_on_error=False)
    def create_draft(self, spec: NewDraft) -> None:
        from store.drafts import open_or_create

        draft, created = open_or_create(self.session.store(), spec)
        if not created:
            self.app.call_from_thread(self.notify, f"「{spec.title}」{spec.year or ''} 年度已有草稿，已为您打开它。",
                                      title="打开已有草稿")
        self.app.call_from_thread(self.open_draft, draft)

    # ----- renaming and deleting drafts

    def _draft_row(self) -> dict | None:
        row = self._row()
        if row is None or row["kind"] != "draft":
            self.notify("请先选中一份草稿（往年报告不能改名或删除）。", severity="warning")
            return None
        return row

    def action_rename(self) -> None:
        row = self._draft_row()
        if row is not None:
            self.app.push_screen(TextDialog("草稿改名", row["title"], "新的项目名称"),
                                 lambda title: title and self.rename(row["id"], title))

    @work(thread=True, group="edit", exit_on_error=False)
    def rename(self, draft_id: int, title: str) -> None:
        from store.drafts import rename_draft

        with self.session.save_lock:
            rename_draft(self.session.store(), draft_id, title)
        self.app.call_from_thread(self.action_reload)

    def action_delete(self) -> None:
        row = self._draft_row()
        if row is not None:
            message = f"删除草稿「{row['title']}」（{row['year'] or '年度未填'}）？草稿中已写的内容将无法恢复。"
            self.app.push_screen(ConfirmDialog("删除草稿", message, "删除"),
                                 lambda yes: yes and self.delete(row["id"]))

    @work(thread=True, group="edit", exit_on_error=False)
    def delete(self, draft_id: int) -> None:
        from store.drafts import delete_draft

        with self.session.save_lock:
            title = delete_draft(self.session.store(), draft_id)
        self.app.call_from_thread(self.notify, f"已删除草稿「{title}」。", title="已删除")
        self.app.call_from_thread(self.action_reload)

    def action_lookup(self) -> None:
        from .lookup import LookupScreen

        self.app.push_screen(LookupScreen(self.session))

    def action_help(self) -> None:
        from .help import HOME_KEYS, HelpScreen

        self.app.push_screen(HelpScreen(self, HOME_KEYS))
