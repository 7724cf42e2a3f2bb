"""The Textual app (a first screen; the drafting walk comes with the TUI issue)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class ZipinApp(App[None]):
    TITLE = "zipin 自评"
    BINDINGS = [("ctrl+q", "quit", "退出")]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="reports")
        yield Footer()

    def on_mount(self) -> None:
        from store.db import open_store
        from store.reports import list_reports

        table = self.query_one(DataTable)
        table.add_columns("编号", "类型", "年度", "项目名称", "单位")
        with open_store(self.db_path) as store:
            for r in list_reports(store):
                table.add_row(str(r["id"]), "草稿" if r["kind"] == "draft" else "往年", str(r["year"] or ""),
                              r["title"], r["unit"])


def run_app(db_path: Path) -> None:
    ZipinApp(db_path).run()
