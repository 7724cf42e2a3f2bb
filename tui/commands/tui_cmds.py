"""Opening the terminal interface."""

from __future__ import annotations

import click

from .common import context


def open_tui(ctx) -> None:  # noqa: ANN001 - tui.cli.Context
    from ..app import run_app

    run_app(ctx.db_path)


@click.command("demo")
@click.option("--no-tui", is_flag=True, help="只导入示例数据，不打开界面")
def demo_cmd(no_tui: bool) -> None:
    """用内置的示例数据（一个虚构单位三个年度的报告）打开 zipin。"""
    from store.sample import demo_db_path, load_sample

    ctx = context()
    if ctx.db_option is None:
        ctx.db_option = demo_db_path()
    with ctx.open() as store:
        added = load_sample(store)
    click.echo(f"示例数据库：{ctx.db_path}（新导入 {added} 份示例报告）", err=True)
    if not no_tui:
        open_tui(ctx)


COMMANDS = [demo_cmd]
