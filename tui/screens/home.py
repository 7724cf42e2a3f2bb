"""Home: drafts and past reports, filtered as you type; a new draft, or one started from a past
report of the same project."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input, Static

from ..dialogs import DraftSpec, NewDraftDialog
from ..session import Session
from .base import ZipinScreen


class HomeScreen(ZipinScreen[None]):
    BINDINGS = [
        Binding("n", "new", "新建草稿"),
        Binding("f6", "lookup", "查找往年"),
        Binding("ctrl+r", "reload", "刷新", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[dict] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="筛选：项目名称、单位或年度", id="filter")
        yield DataTable(id="reports", cursor_type="row", zebra_stripes=True)
        yield Static(id="home-status", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.session.db_path.name
        table = self.query_one("#reports", DataTable)
        table.add_columns("类型", "年度", "项目名称", "单位")
        self.action_reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="home", exit_on_error=False)
    def load(self) -> None:
        from store.reports import list_reports

        rows = list_reports(self.session.store())
        self.app.call_from_thread(self.show, rows)

    def show(self, rows: list[dict]) -> None:
        self.rows = rows
        self.apply_filter()
        status = self.query_one("#home-status", Static)
        if not rows:
            status.update("库中还没有报告。用 zipin import 导入往年报告，或运行 zipin demo 体验示例数据；按 n 新建草稿。")
        else:
            drafts = sum(1 for r in rows if r["kind"] == "draft")
            status.update(f"草稿 {drafts} 份，往年报告 {len(rows) - drafts} 份。Enter 打开（往年报告：以它为起点新建草稿）。")

    @on(Input.Changed, "#filter")
    def apply_filter(self) -> None:
        words = self.query_one("#filter", Input).value.split()
        table = self.query_one("#reports", DataTable)
        table.clear()
        for r in self.rows:
            haystack = f"{r['title']} {r['unit']} {r['year'] or ''} {'草稿' if r['kind'] == 'draft' else '往年'}"
            if all(w in haystack for w in words):
                table.add_row("草稿" if r["kind"] == "draft" else "往年", str(r["year"] or ""), r["title"], r["unit"],
                              key=str(r["id"]))

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one("#reports", DataTable).focus()

    @on(DataTable.RowSelected, "#reports")
    def open_row(self, event: DataTable.RowSelected) -> None:
        report_id = int(event.row_key.value or 0)
        row = next(r for r in self.rows if r["id"] == report_id)
        if row["kind"] == "draft":
            self.open_draft(report_id)
        else:
            self.new_from(row)

    def open_draft(self, draft_id: int, start: str | None = None) -> None:
        from .walk import WalkScreen

        self.app.push_screen(WalkScreen(self.session, draft_id, start))

    def action_new(self) -> None:
        self.ask(DraftSpec("", "", "", None, "mof2020", None))

    def new_from(self, row: dict) -> None:
        self.ask(DraftSpec(row["title"], row["unit"], "", (row["year"] or 0) + 1 or None, "", row["id"]))

    def ask(self, defaults: DraftSpec) -> None:
        sources = [(f"{r['year']} {r['title']}（{r['unit']}）", r["id"]) for r in self.rows if r["kind"] == "past"]
        self.app.push_screen(NewDraftDialog(defaults, sources), self.create)

    def create(self, spec: DraftSpec | None) -> None:
        if spec is not None:
            self.create_draft(spec)

    @work(thread=True, group="create", exit_on_error=False)
    def create_draft(self, spec: DraftSpec) -> None:
        from store.drafts import NewDraft, create_draft
        from store.reports import load_report

        store = self.session.store()
        profile = spec.profile
        if spec.from_report and not profile:
            profile = load_report(store, spec.from_report).profile
        draft = create_draft(store, NewDraft(spec.title, spec.unit, spec.dept, spec.year, profile, spec.from_report))
        self.app.call_from_thread(self.open_draft, draft)

    def action_lookup(self) -> None:
        from .lookup import LookupScreen

        self.app.push_screen(LookupScreen(self.session))
