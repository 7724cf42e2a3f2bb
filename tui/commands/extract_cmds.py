"""extract: the numbers in a piece of text."""

from __future__ import annotations

import sys

import click

from ..output import emit_json, fail, say
from .common import json_option


@click.command("extract")
@click.argument("text", required=False, metavar="[文字]")
@json_option
def extract_cmd(text: str | None, as_json: bool) -> None:
    """找出一段文字中的数字（金额、百分比、数量、日期）及其所指。文字为 - 时从标准输入读取。"""
    from extract import extract_numbers

    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            fail("请给出要分析的文字，或用 - 从标准输入读取", 2)
        text = _stdin_text()
    mentions = extract_numbers(text)
    if as_json:
        emit_json([m.as_json() for m in mentions])
        return
    if not mentions:
        say("没有找到数字。")
    kinds = {"money": "金额", "percent": "百分比", "count": "数量", "date": "日期", "number": "数字"}
    for m in mentions:
        cmp = f"{m.cmp} " if m.cmp else ""
        value = m.value if isinstance(m.value, str) else format(m.value, "f")
        say(f"{m.surface}\t{kinds[m.kind]}\t{cmp}{value}{m.unit if m.kind != 'percent' else '%'}\t{m.label or '—'}")


def _stdin_text() -> str:
    """Standard input decoded as a file is (UTF-8, GB18030, UTF-16…); nothing at all is no text."""
    from extract.decode import decode_bytes
    from extract.errors import InputError

    data = sys.stdin.buffer.read()
    try:
        return decode_bytes(data)
    except InputError:
        if data.strip():
            raise
        return ""


COMMANDS = [extract_cmd]
