"""Review before export: every open finding grouped by section, counts per severity, what is
still missing, and a jump to each."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from checks.review import summary
from extract.outline import Outline, outline_of

from ..dialogs import ExportSpec
from ..session import Session
from ..widgets.panels import SEVERITY_CN, finding_prompt
from ..wrap import Wrapped
from .base import ZipinScreen


def grouped(findings: list[Any], outline: Outline) -> list[tuple[str | None, list[Any]]]:
    """Findings by section in the report's order (the cover first)."""
    order = outline.order
    groups: dict[str | None, list[Any]] = {}
    for f in findings:
        groups.setdefault(f.section, []).append(f)
    return sorted(groups.items(), key=lambda kv: -10 if kv[0] is None else order(kv[0]))


class ReviewScreen(ZipinScreen[str | None]):
    BINDINGS = [Binding("escape", "back", "返回"), Binding("f5", "reload", "重新检查"), Binding("x", "export", "导出")]

    def __init__(self, session: Session, draft_id: int) -> None:
        super().__init__()
        self.session = session
        self.draft_id = draft_id
        self.findings: list[Any] | None = None  # None while the checks run

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-summary")
        yield OptionList(id="review-list")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "审阅：导出前的完整性检查"
        self.action_reload()

    def action_reload(self) -> None:
        self.findings = None
        self.query_one("#review-summary", Static).update(Text("正在检查…", style="dim"))
        self.load()

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def load(self) -> None:
        from checks import check_report
        from store.reports import load_report

        store = self.session.store()
        findings = check_report(store, self.draft_id)
        report = load_report(store, self.draft_id)
        outline = outline_of(report)
        self.report_name = f"{report.title}{report.year or ''}年度{outline.document}"
        self.app.call_from_thread(self.show, findings, outline)

    def show(self, findings: list[Any], outline: Outline) -> None:
        self.findings = findings
        self.query_one("#review-summary", Static).update(Text(summary(findings), style="bold"))
        options = self.query_one("#review-list", OptionList)
        options.clear_options()
        self._targets: list[Any] = []  # the option ids index this: two findings may share a fingerprint
        for section, items in grouped(findings, outline):
            entry = outline.entry(section) if section else None
            title = "封面" if section is None else f"{section} {entry.title if entry else ''}"
            counts = Counter(f.severity for f in items)
            head = Text(f"{title}：", style="bold underline")
            head.append("，".join(f"{SEVERITY_CN[s]} {n}" for s, n in counts.items()))
            options.add_option(Option(head, disabled=True))
            for f in items:
                options.add_option(Option(Wrapped(finding_prompt(f)), id=str(len(self._targets))))
                self._targets.append(f)
        if not findings:
            options.add_option(Option(Text("没有发现问题，可以导出。", style="green"), disabled=True))
        options.focus()

    @on(OptionList.OptionSelected, "#review-list")
    def jump(self, event: OptionList.OptionSelected) -> None:
        finding = self._targets[int(event.option.id)] if event.option.id is not None else None
        if finding is not None:
            self.dismiss(finding.section or "cover")

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        from ..dialogs import ExportDialog

        if self.findings is None:  # the dialog offers «仍有错误也导出» only once the errors are known
            self.notify("正在检查，检查完成后即可导出。", title="请稍候")
            return
        has_errors = any(f.severity == "error" for f in self.findings)
        self.app.push_screen(ExportDialog(self._default_path(), summary(self.findings), has_errors), self._chosen)

    def _default_path(self) -> str:
        from pathlib import Path

        title = self.sub_title or "报告"
        name = getattr(self, "report_name", "") or title
        return str(Path.cwd() / f"{name}.docx")

    def _chosen(self, spec: ExportSpec | None) -> None:
        if spec is not None:
            self.export(spec)

    @work(thread=True, group="export", exit_on_error=False)
    def export(self, spec: ExportSpec) -> None:
        from pathlib import Path

        from checks.review import export

        path, _ = export(self.session.store(), self.draft_id, Path(spec.path).expanduser(), spec.fmt,
                         force=spec.force, overwrite=spec.overwrite, comments=spec.comments)
        self.app.call_from_thread(self.notify, f"已导出：{path}", title="导出完成")
