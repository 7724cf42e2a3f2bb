"""extract: the numbers in a piece of text."""

from __future__ import annotations

import sys

import click

from ..output import emit_json, fail, say
from .common import json_option


@click.command("extract")
@click.argument("text", required=False)
@json_option
def extract_cmd(text: str | None, as_json: bool) -> None:
    """找出一段文字中的数字（金额、百分比、数量、日期）及其所指。TEXT 为 - 时从标准输入读取。"""
    from extract import extract_numbers

    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            fail("请给出要分析的文字，或用 - 从标准输入读取", 2)
        data = sys.stdin.buffer.read()
        text = data.decode("utf-8", errors="replace")
    mentions = extract_numbers(text)
    if as_json:
        emit_json([m.as_json() for m in mentions])
        return
    if not mentions:
        say("没有找到数字。")
    kinds = {"money": "金额", "percent": "百分比", "count": "数量", "date": "日期", "number": "数字"}
    for m in mentions:
        cmp = f"{m.cmp} " if m.cmp else ""
        say(f"{m.surface}\t{kinds[m.kind]}\t{cmp}{m.value}{m.unit if m.kind != 'percent' else '%'}\t{m.label or '—'}")


COMMANDS = [extract_cmd]
