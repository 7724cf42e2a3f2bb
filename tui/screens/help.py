"""F1: every key of the screen it is opened from, and the editor's and panels' own keys — so
that at 80×24, where the footer cannot show them all, each one is still reachable."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

HOME_KEYS = [
    ("直接输入", "筛选项目名称、单位或年度"),
    ("Enter", "打开草稿；往年报告：打开今年的草稿，没有就以它为起点新建"),
    ("Ctrl+P", "命令面板"),
    ("Ctrl+Q", "退出"),
]
EDITING_KEYS = [
    ("Ctrl+Z / Ctrl+Y", "撤销 / 重做（插入和替换建议也可撤销）"),
    ("Ctrl+A", "全选"),
    ("Home / End", "到本段开头 / 结尾"),
    ("Ctrl+X / Ctrl+C / Ctrl+V", "剪切 / 复制 / 粘贴"),
    ("Ctrl+L", "转到一致性检查面板：↑↓ 选择，Enter 跳到原文，D 忽略（需写理由）"),
    ("Tab / Shift+Tab", "在面板之间切换"),
    ("Ctrl+P", "命令面板：跳到任一节、检查、查找、附表、审阅导出、切换草稿"),
    ("Ctrl+Q", "退出（已输入的文字会自动保存）"),
]


def key_name(binding: Binding) -> str:
    """«ctrl+o» → «Ctrl+O», «f1» → «F1», «escape» → «Esc»: the first key of a binding."""
    key = binding.key.split(",")[0]
    names = {"escape": "Esc", "delete": "Delete", "enter": "Enter"}
    return "+".join(names.get(part, part.capitalize() if len(part) > 1 else part.upper()) for part in key.split("+"))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [("escape,f1,q", "close", "关闭")]

    def __init__(self, screen: Screen, extra: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.keys = [(key_name(b), b.description) for b in screen.BINDINGS if isinstance(b, Binding) and b.description]
        self.extra = EDITING_KEYS if extra is None else extra

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for key, text in [*self.keys, *self.extra]:
            table.add_row(key, text)
        with VerticalScroll(classes="dialog wide"):
            yield Label("按键一览（Esc 关闭）", classes="dialog-title")
            yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)
