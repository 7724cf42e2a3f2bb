"""click's usage errors, said in Chinese."""

from __future__ import annotations

import re

import click

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"No such option: (\S+)"), "没有这个选项：{0}"),
    (re.compile(r"No such command '?([^'.]+)'?"), "没有这个命令：{0}"),
    (re.compile(r"Missing argument '([^']+)'"), "缺少参数 {0}"),
    (re.compile(r"Missing option '([^']+)'"), "缺少选项 {0}"),
    (re.compile(r"Option '([^']+)' requires an argument"), "选项 {0} 需要一个值"),
    (re.compile(r"Invalid value for '([^']+)': '([^']*)' is not a valid integer"), "{0} 需要一个整数，收到「{1}」"),
    (re.compile(r"Invalid value for '([^']+)': '([^']*)' is not one of (.+)\."), "{0} 的值「{1}」无效，可选：{2}"),
    (re.compile(r"Invalid value for '([^']+)': (.+)"), "{0} 的值无效：{1}"),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), "多余的参数：{0}"),
]


def translate_usage_error(exc: click.exceptions.ClickException) -> str:
    text = exc.format_message()
    for pattern, template in _PATTERNS:
        m = pattern.search(text)
        if m:
            text = template.format(*m.groups())
            break
    if isinstance(exc, click.exceptions.UsageError):
        return f"{text}（运行 zipin --help 查看用法）"
    return text
