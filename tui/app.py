"""The Textual app: home, the walk, the 附表, lookup and review screens over one store.

Errors from workers end up in one place (`on_worker_state_changed`): zipin's own errors as a
modal with their Chinese message, anything else as a modal that says where the details are.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from .session import Session


class ZipinApp(App[None]):
    TITLE = "zipin 自评"
    CSS_PATH = Path(__file__).parent / "zipin.tcss"  # absolute: subclasses may live anywhere
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "退出", show=False, priority=True),
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True),
    ]

    def __init__(self, db_path: Path, draft_id: int | None = None, start: str | None = None) -> None:
        from .widgets.rows import install_plain_sections
        from .wrap import install_in_text_areas

        install_in_text_areas()  # 禁则 in every editor of the app
        install_plain_sections()
        super().__init__()
        self.session = Session(db_path)
        self.draft_id = draft_id
        self.start = start
        self.farewell: list[str] = []  # messages for the terminal once the app has closed

    def on_mount(self) -> None:
        if self.draft_id is not None:
            from .screens.walk import WalkScreen

            self.push_screen(WalkScreen(self.session, self.draft_id, self.start))
        else:
            from .screens.home import HomeScreen

            self.push_screen(HomeScreen(self.session))

    def on_ready(self) -> None:
        """After the first frame: only now load jieba, so it does not delay the first paint."""
        self.warm_up()

    def warm_up(self) -> None:
        """jieba's dictionary loads in a worker, not on the UI thread at start-up."""

        def load() -> None:
            from extract.segment import tokenizer

            tokenizer()

        self.run_worker(load, thread=True, group="warm-up", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.show_error(event.worker.error)

    def show_error(self, error: BaseException) -> None:
        """zipin's own errors as their Chinese message; anything else with where the details went."""
        from store.errors import USER_ERRORS

        from .dialogs import ErrorDialog

        if isinstance(error, USER_ERRORS):
            self.push_screen(ErrorDialog(getattr(error, "title", "出错了"), error.message))  # type: ignore[attr-defined]
        else:
            from .cli import _log_crash_text

            where = _log_crash_text(error)
            self.push_screen(ErrorDialog("程序内部错误", f"{type(error).__name__}：{error}\n详情已写入 {where}"))

    def action_command_palette(self) -> None:
        """The palette in Chinese (Textual's own says «Search for commands…»)."""
        from .palette import ZipinPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(ZipinPalette())

    async def action_quit(self) -> None:
        """Quit once the focused widget has taken the keys sent before Ctrl+Q: Ctrl+Q is handled
        by the app at once, while the words typed just before it still wait in the editor's
        queue, and quitting then would lose them."""
        focused = self.focused
        if focused is None:
            self.exit()
        else:
            focused.call_later(self.exit)

    def action_help_quit(self) -> None:
        """Ctrl+C: Textual's own notice is in English."""
        self.notify("按 Ctrl+Q 退出 zipin（已输入的文字会自动保存）。", title="要退出吗？")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .screens.walk import WalkScreen

        if isinstance(screen, WalkScreen):
            for step in screen.steps:
                yield SystemCommand(f"跳到 {step.key if step.is_section else ''} {step.title}".replace("  ", " "),
                                    "转到这一节", lambda key=step.key: screen.go(key))
            yield SystemCommand("查找往年表述", "在往年报告中查找相似的段落", screen.action_lookup)
            yield SystemCommand("运行检查", "重新检查整份草稿的一致性和完整性", screen.action_check)
            yield SystemCommand("审阅并导出", "列出全部问题，导出 Word", screen.action_review)
            yield SystemCommand("附表", "编辑预算执行、年度目标和绩效指标", screen.action_table)
            yield SystemCommand("确认去年的数字", "光标所在段中沿用去年的数字今年不变（Ctrl+O）",
                                screen.action_confirm_numbers)
            yield SystemCommand("按键一览", "列出本页的全部按键（F1）", screen.action_help)
        yield SystemCommand("切换草稿", "回到首页选择其他草稿或往年报告", self.go_home)
        yield SystemCommand("截图", "把当前画面保存为 SVG 文件", lambda: self.set_timer(0.1, self.deliver_screenshot))
        yield SystemCommand("退出", "退出 zipin（已输入的文字会自动保存）", self.action_quit)

    def go_home(self) -> None:
        from .screens.home import HomeScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if not isinstance(self.screen, HomeScreen):
            self.switch_screen(HomeScreen(self.session))

    def on_unmount(self) -> None:
        self.session.close()


def run_app(db_path: Path, draft_id: int | None = None, start: str | None = None) -> None:
    app = ZipinApp(db_path, draft_id, start)
    app.run()
    for message in app.farewell:
        print(f"注意：{message}", file=sys.stderr)
