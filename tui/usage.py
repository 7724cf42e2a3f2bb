"""click in Chinese: its help lines, its type names and its usage errors.

click passes every message it prints through gettext (`_()` and `ngettext`, bound in each of
its modules).  `install()` rebinds those names to a lookup in `tui/data/click_zh.toml`, so the
help («用法：», «选项», «显示本帮助并退出。») and every usage error click raises («没有这个选项»,
«缺少参数», «「abc」不是有效的整数», «……是一个文件夹») are Chinese where they are made.
`translate_usage_error()` then makes one line of the error, with the hint that fits it.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

import click

# click's modules that format user-facing text, each with its own `_` (and maybe `ngettext`).
_MODULES = ("core", "exceptions", "types", "decorators", "formatting", "parser", "termui", "_termui_impl",
            "shell_completion", "utils")
_QUOTED = re.compile(r"'([^'\s]+)'")  # click's «'--year'», «'-o' / '--output'», «'报告'», «'past', 'draft'»


@lru_cache(maxsize=1)
def catalogue() -> tuple[dict[str, str], dict[str, str]]:
    """click's English messages → Chinese, and click's type classes → their Chinese names."""
    data = tomllib.loads(resources.files("tui").joinpath("data", "click_zh.toml").read_text(encoding="utf-8"))
    return {m["en"]: m["zh"] for m in data["message"]}, dict(data["types"])


def gettext(message: str) -> str:
    return catalogue()[0].get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


_installed = False


def install() -> None:
    """Make click speak Chinese; idempotent.  Must run before commands are declared (a
    `click.Path` takes its name — «文件» — when it is made)."""
    global _installed
    if _installed:
        return
    import importlib

    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        for attr, replacement in (("_", gettext), ("ngettext", ngettext)):
            if hasattr(module, attr):
                setattr(module, attr, replacement)
    for cls, zh in catalogue()[1].items():
        getattr(click.types, cls).name = zh
    _installed = True


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: a Chinese character takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns, broken at spaces where there are some, else anywhere
    (Chinese has no spaces) — but never before a closing mark (、，。；：」）)."""
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width and line and ch not in "、，。；：」）》”":
            cut = line.rfind(" ")
            keep = line[cut + 1:] if cut > len(line) // 2 else ""
            lines.append(line[: len(line) - len(keep)].rstrip())
            line, used = keep, display_width(keep)
        line += ch
        used += w
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ChineseHelpFormatter(click.HelpFormatter):
    """click's help, laid out by display width (a Chinese character is two columns), with
    «用法：» and full-width colons after headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=gettext("Usage:") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:  # noqa: ANN001
        rows = list(rows)
        first = min(max((display_width(a) for a, _ in rows), default=0), col_max)
        indent = " " * self.current_indent
        text_width = max((self.width or 80) - self.current_indent - first - col_spacing, 20)
        for term, definition in rows:
            pad = first - display_width(term)
            lines = _wrap(definition, text_width) if definition else []
            rest = f"{indent}{' ' * (first + col_spacing)}"
            if pad < 0:  # a term wider than the column: its text starts on the next line
                self.write(f"{indent}{term}\n" + "".join(f"{rest}{line}\n" for line in lines))
                continue
            self.write(f"{indent}{term}{' ' * (pad + col_spacing)}{lines[0] if lines else ''}\n")
            self.write("".join(f"{rest}{line}\n" for line in lines[1:]))


class ChineseContext(click.Context):
    formatter_class = ChineseHelpFormatter


def translate_usage_error(exc: click.exceptions.ClickException, argv: list[str] | None = None) -> str:
    """One Chinese line for a click error, with the hint that fits it; `argv` (the command
    line) lets a file name that starts with a dash be named whole («-l.txt», not «-l»)."""
    message = exc.format_message()
    if (isinstance(exc, click.exceptions.BadParameter) and not isinstance(exc, click.exceptions.MissingParameter)
            and isinstance(exc.param, click.Argument)):
        message = exc.message  # an argument's own message says what it is; «报告 的值无效：» adds nothing
    text = " ".join(_QUOTED.sub(r"\1", message).split()).rstrip(".")
    if isinstance(exc, click.exceptions.NoSuchOption):
        text += _dash_hint(exc, argv or [])
    if isinstance(exc, click.exceptions.UsageError):
        return f"{text}（运行 {_command_path(exc)} --help 查看用法）"
    return text


def _dash_hint(exc: click.exceptions.NoSuchOption, argv: list[str]) -> str:
    """«-l.txt» may be a file name: say how to give one that starts with a dash."""
    from pathlib import Path

    name = exc.option_name or ""
    token = next((a for a in argv if a.startswith(name) and a.split("=")[0] != name), name)
    looks_like_file = "." in token or "/" in token or Path(token).exists()
    if exc.possibilities or not looks_like_file:
        return ""
    return f"。如果「{token}」是以 - 开头的文件名，请写在 -- 之后：{_command_path(exc)} -- {token}"


def _command_path(exc: click.exceptions.UsageError) -> str:
    ctx = exc.ctx
    return ctx.command_path if ctx is not None and ctx.command_path else "zipin"

