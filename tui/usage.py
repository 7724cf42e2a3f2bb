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
_QUOTED = re.compile(r"'(-[^']*)'")  # click's «'--year'» and «'-o' / '--output'»


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


def translate_usage_error(exc: click.exceptions.ClickException, argv: list[str] | None = None) -> str:
    """One Chinese line for a click error, with the hint that fits it; `argv` (the command
    line) lets a file name that starts with a dash be named whole («-l.txt», not «-l»)."""
    text = " ".join(_QUOTED.sub(r"\1", exc.format_message()).split())
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

