"""Helpers shared by the commands."""

from __future__ import annotations

import click

json_option = click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（供脚本和测试读取）")


def context() -> object:
    return click.get_current_context().find_root().obj


def find_report(store, ref: str) -> int:  # noqa: ANN001 - a store.db.Store
    """A report by id or name (see resolve_report).  For a draft, words a crash left in the
    journal are written back and unfinished indexing is done first, so checks and exports see
    what was typed."""
    from store.journal import reopen
    from store.reports import resolve_report

    report_id = resolve_report(store, ref)
    reopen(store, report_id)
    return report_id
