"""Helpers shared by the commands."""

from __future__ import annotations

import click

json_option = click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（供脚本和测试读取）")


def context() -> object:
    return click.get_current_context().find_root().obj
