"""Printing for the CLI: JSON on stdout, Chinese messages on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import click


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_default))


def _default(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"不能输出为 JSON 的值：{type(value).__name__}")


def say(text: str = "") -> None:
    click.echo(text)


def warn(text: str) -> None:
    click.echo(text, err=True)


def fail(text: str, code: int = 1) -> NoReturn:
    click.echo(f"错误：{text}", err=True)
    sys.exit(code)
