"""Modal dialogs, each returning a typed result through `dismiss`."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from extract.document import Indicator
from extract.outline import DEFAULT_PROFILE, Profile, is_known, list_outlines, load_profiles
from store.draft_spec import NewDraft, defaults_from


class ErrorDialog(ModalScreen[None]):
    BINDINGS = [("escape", "close", "关闭"), ("enter", "close", "关闭")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.message)
            yield Button("知道了", variant="primary", id="ok")

    @on(Button.Pressed)
    def action_close(self) -> None:
        self.dismiss(None)


class ReasonDialog(ModalScreen[str | None]):
    """Asks why a finding is dismissed; the reason is stored with it."""

    BINDINGS = [("escape", "cancel", "取消")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("忽略这条检查结果", classes="dialog-title")
            yield Static(self.message, classes="dim")
            yield Input(placeholder="理由（必填），如：文化馆是合作单位", id="reason")
            with Horizontal(classes="buttons"):
                yield Button("忽略", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def confirm(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            self.notify("请写明理由", severity="warning")
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class NewDraftDialog(ModalScreen[NewDraft | None]):
    """项目名称, 实施单位, 主管部门, 年度, 附表样式, and optionally a past report to start from; choosing
    a past report fills in its unit, 主管部门 and 附表 layout."""

    BINDINGS = [("escape", "cancel", "取消")]

    def __init__(self, defaults: NewDraft, sources: list[dict]) -> None:
        super().__init__()
        self.defaults = defaults
        self.sources = {row["id"]: row for row in sources}

    def compose(self) -> ComposeResult:
        d = self.defaults
        profiles = [(p.name, p.key) for p in load_profiles().values()]
        outlines = [(_fit(o.name or o.key), o.key) for o in list_outlines()]
        choices = [(f"{r['year'] or ''} {r['title']}（{r['unit']}）", r["id"]) for r in self.sources.values()]
        with Vertical(classes="dialog wide"):
            yield Label("新建草稿", classes="dialog-title")
            with Grid(classes="form"):
                yield Label("项目名称")
                yield Input(d.title, id="title")
                yield Label("实施单位")
                yield Input(d.unit, id="unit")
                yield Label("主管部门")
                yield Input(d.dept, id="dept")
                yield Label("年度")
                yield Input(str(d.year or ""), id="year", restrict=r"\d{0,4}")
                yield Label("附表样式")
                yield Select(profiles, value=d.profile or DEFAULT_PROFILE, allow_blank=False, id="profile")
                yield Label("正文提纲")
                yield Select(outlines, value=d.outline if is_known(d.outline) else outlines[0][1], allow_blank=False,
                             id="body-outline")
                yield Label("起点报告")
                yield Select(choices, value=d.from_report if d.from_report in self.sources else Select.NULL,
                             prompt="不使用（空白草稿）", id="source")
            with Horizontal(classes="buttons"):
                yield Button("新建", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    @on(Select.Changed, "#source")
    def source_changed(self, event: Select.Changed) -> None:
        """A past report chosen as the start: take its unit, 主管部门 and layout (the user may still edit)."""
        row = self.sources.get(event.value) if isinstance(event.value, int) else None
        outline = self.query_one("#body-outline", Select)
        outline.disabled = row is not None  # a draft from a report follows that report's outline
        if row is None:
            return
        chosen = defaults_from(row)
        if is_known(chosen.outline):
            outline.value = chosen.outline
        self.query_one("#unit", Input).value = chosen.unit
        self.query_one("#dept", Input).value = chosen.dept
        self.query_one("#profile", Select).value = chosen.profile
        if not self.query_one("#title", Input).value.strip():
            self.query_one("#title", Input).value = chosen.title

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def confirm(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        if not title:
            self.notify("请填写项目名称", severity="warning")
            return
        year_text = self.query_one("#year", Input).value.strip()
        source = self.query_one("#source", Select).value
        self.dismiss(NewDraft(
            title=title,
            unit=self.query_one("#unit", Input).value.strip(),
            dept=self.query_one("#dept", Input).value.strip(),
            year=int(year_text) if year_text else None,
            profile=str(self.query_one("#profile", Select).value),
            from_report=source if isinstance(source, int) else None,
            outline=str(self.query_one("#body-outline", Select).value),
        ))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class TextDialog(ModalScreen[str | None]):
    """One line to type (a draft's new name)."""

    BINDINGS = [("escape", "cancel", "取消")]

    def __init__(self, title: str, value: str, placeholder: str = "") -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder = title, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="value")
            with Horizontal(classes="buttons"):
                yield Button("确定", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def confirm(self) -> None:
        value = self.query_one("#value", Input).value.strip()
        if value:
            self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A question answered 是/否 (deleting a draft)."""

    BINDINGS = [("escape", "no", "取消")]

    def __init__(self, title: str, message: str, yes: str = "确定") -> None:
        super().__init__()
        self.title_text, self.message, self.yes = title, message, yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.message)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button("取消", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)


class IndicatorDialog(ModalScreen[Indicator | None]):
    """One indicator row: 一级/二级 chosen from the profile, the rest typed."""

    BINDINGS = [("escape", "cancel", "取消")]

    def __init__(self, profile: Profile, indicator: Indicator | None = None) -> None:
        super().__init__()
        self.profile = profile
        self.indicator = indicator or Indicator()

    def compose(self) -> ComposeResult:
        ind = self.indicator
        level1 = [(e["name"], e["name"]) for e in self.profile.level1]
        chosen1 = self.profile.canonical_level1(ind.level1) or ind.level1.strip() or (level1[0][1] if level1 else "")
        if chosen1 and chosen1 not in [v for _, v in level1]:
            level1.append((chosen1, chosen1))  # the row's own 一级, as imported, is never changed by opening it
        self._level1 = chosen1
        self._level2_options = self._level2(chosen1, ind.level2)
        with Vertical(classes="dialog wide"):
            yield Label("绩效指标", classes="dialog-title")
            with Grid(classes="form"):
                yield Label("一级指标")
                yield Select(level1, value=chosen1, allow_blank=False, id="level1")
                yield Label("二级指标")
                yield Select(self._level2_options, value=ind.level2.strip() or self._first(self._level2_options),
                             allow_blank=not self._level2_options, id="level2")
                yield Label("三级指标")
                yield Input(ind.level3, id="level3")
                yield Label("年度指标值")
                yield Input(ind.expected, placeholder="如 ≥90%、≥100场", id="expected")
                yield Label("实际完成值")
                yield Input(ind.actual, placeholder="如 95%、108场", id="actual")
                if self.profile.scored:
                    yield Label("分值")
                    yield Input(ind.weight, id="weight")
                    yield Label("得分")
                    yield Input(ind.score, id="score")
                yield Label("偏差原因")
                yield Input(ind.reason, id="reason")
            with Horizontal(classes="buttons"):
                yield Button("保存", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    def _level2(self, level1: str, own: str = "") -> list[tuple[str, str]]:
        """The profile's 二级 under `level1`, and the row's own when the profile lacks it."""
        entry = next((e for e in self.profile.level1 if e["name"] == level1), None)
        names = list(entry["level2"] if entry else [])
        if own.strip() and own.strip() not in names:
            names.append(own.strip())
        return [(x, x) for x in names]

    @staticmethod
    def _first(options: list[tuple[str, str]]) -> str:
        return options[0][1] if options else ""

    @on(Select.Changed, "#level1")
    def level1_changed(self, event: Select.Changed) -> None:
        """Another 一级 offers its own 二级; the row's 二级 stays when the new 一级 has it (the
        Changed event of the dialog's own opening must not move it)."""
        if event.value == self._level1:
            return
        self._level1 = str(event.value)
        level2 = self.query_one("#level2", Select)
        current = level2.value
        options = self._level2(self._level1)
        level2.set_options(options)
        values = [v for _, v in options]
        if values:
            level2.value = current if current in values else values[0]

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def confirm(self) -> None:
        def value(widget_id: str) -> str:
            found = self.query(f"#{widget_id}")
            return found.first(Input).value.strip() if found else ""

        if not value("level3"):
            self.notify("请填写三级指标", severity="warning")
            return
        self.dismiss(Indicator(
            level1=str(self.query_one("#level1", Select).value), level2=_chosen(self.query_one("#level2", Select)),
            level3=value("level3"), expected=value("expected"), actual=value("actual"), weight=value("weight"),
            score=value("score"), reason=value("reason"),
        ))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _fit(text: str, cells: int = 50) -> str:
    """A Select's label on one line: longer texts end in «…»."""
    from rich.cells import cell_len

    if cell_len(text) <= cells:
        return text
    while cell_len(text) > cells - 1:
        text = text[:-1]
    return text + "…"


def _chosen(select: Select) -> str:
    return "" if select.value is Select.NULL else str(select.value)


@dataclass
class ExportSpec:
    path: str
    fmt: str
    force: bool
    overwrite: bool
    comments: bool


class ExportDialog(ModalScreen[ExportSpec | None]):
    """Where and how to export; the review's counts are shown above."""

    BINDINGS = [("escape", "cancel", "取消")]

    def __init__(self, default_path: str, summary: str, has_errors: bool) -> None:
        super().__init__()
        self.default_path = default_path
        self.summary = summary
        self.has_errors = has_errors

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("导出报告", classes="dialog-title")
            yield Static(self.summary, classes="dim")
            with Grid(classes="form"):
                yield Label("文件")
                yield Input(self.default_path, id="path")
                yield Label("格式")
                yield Select([("Word（.docx）", "docx"), ("Markdown（.md）", "md"), ("纯文本（.txt）", "txt")],
                             value="docx", allow_blank=False, id="format")
            yield Checkbox("把未处理的检查结果作为批注写入 Word", value=True, id="comments")
            yield Checkbox("文件已存在时覆盖", id="overwrite")
            if self.has_errors:
                yield Checkbox("仍有错误也导出", id="force")
            with Horizontal(classes="buttons"):
                yield Button("导出", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    @on(Select.Changed, "#format")
    def format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#path", Input)
        stem, dot, _ = path.value.rpartition(".")
        path.value = f"{stem or path.value}.{event.value}" if dot else f"{path.value}.{event.value}"

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def confirm(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self.notify("请填写文件名", severity="warning")
            return
        force = self.query("#force")
        self.dismiss(ExportSpec(
            path=path, fmt=str(self.query_one("#format", Select).value),
            force=bool(force and force.first(Checkbox).value),
            overwrite=self.query_one("#overwrite", Checkbox).value,
            comments=self.query_one("#comments", Checkbox).value,
        ))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
