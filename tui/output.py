"""Printing for the CLI: JSON on stdout, Chinese messages on stderr.

JSON is always valid JSON: amounts (Decimal) are written as exact decimal strings («95.63»,
«1800000»), so a 309-digit amount is neither `Infinity` nor rounded; a float that is not finite
becomes a string too.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
from decimal import Decimal
from typing import Any, NoReturn

import click


def emit_json(data: Any) -> None:  # noqa: ANN401
    click.echo(json.dumps(_exact(data), ensure_ascii=False, indent=2, allow_nan=False, default=_default))


def exact_decimal(value: Decimal) -> str:
    """A Decimal as plain decimal text, without an exponent («1E+5» → «100000»)."""
    return format(value, "f")


def _exact(value: Any) -> Any:  # noqa: ANN401
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_exact(v) for v in value]
    return value


def _default(value: Any) -> Any:  # noqa: ANN401
    if isinstance(value, Decimal):
        return exact_decimal(value)
    raise TypeError(f"不能输出为 JSON 的值：{type(value).__name__}")


def say(text: str = "") -> None:
    click.echo(text)


def warn(text: str) -> None:
    click.echo(text, err=True)


def fail(text: str, code: int = 1) -> NoReturn:
    click.echo(f"错误：{text}", err=True)
    sys.exit(code)


def flush_stdout() -> None:
    """Flush now, inside main(), so that a closed pipe or a full disk is met where it can be
    answered, not in the interpreter's shutdown."""
    sys.stdout.flush()


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that nothing written but unflushed fails again at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
