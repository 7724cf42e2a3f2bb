"""Opening the terminal interface."""

from __future__ import annotations

import click

from extract.outline import list_outlines, load_profiles

from .common import REPORT, YEAR, context


def open_tui(ctx) -> None:  # noqa: ANN001 - tui.cli.Context
    from ..app import run_app

    run_app(ctx.db_path)


@click.command("demo")
@click.option("--no-tui", is_flag=True, help="只导入示例数据，不打开界面")
def demo_cmd(no_tui: bool) -> None:
    """用内置的示例数据（一个虚构单位三个年度的报告）打开 zipin。

    示例数据导入 --db 或环境变量 ZIPIN_DB 指定的数据库；都没有时，导入单独的示例数据库，不动您自己的库。
    """
    import os

    from store.sample import demo_db_path, load_sample

    ctx = context()
    if ctx.db_option is None and not os.environ.get("ZIPIN_DB"):
        ctx.db_option = demo_db_path()
    with ctx.open() as store:
        added = load_sample(store)
    click.echo(f"示例数据库：{ctx.db_path}（新导入 {added} 份示例报告）", err=True)
    if not no_tui:
        open_tui(ctx)


@click.command("draft")
@click.option("--title", required=True, help="项目名称")
@click.option("--unit", default="", help="实施单位")
@click.option("--dept", default="", help="主管部门")
@click.option("--year", type=YEAR, default=None, help="年度")
@click.option("--profile", type=click.Choice(sorted(load_profiles())), default=None, metavar="样式",
              help="附表样式的代号（默认：起点报告的样式；写错时列出全部代号）")
@click.option("--outline", type=click.Choice([o.key for o in list_outlines()]), default=None, metavar="提纲",
              help="正文提纲的代号（默认：起点报告的提纲；写错时列出全部代号）")
@click.option("--from", "from_report", type=REPORT, default=None, help="以这份往年报告为起点（编号或名称）")
@click.option("--section", "section", default=None, help="从这一节开始（如 2.2；默认为第一节未完成的内容）")
@click.option("--no-tui", is_flag=True, help="只建立草稿并输出其编号，不打开界面")
def draft_cmd(title: str, unit: str, dept: str, year: int | None, profile: str | None, outline: str | None,
              from_report: str | None, section: str | None, no_tui: bool) -> None:
    """打开一份草稿（没有就新建），停在第一节未完成的内容，光标在答案编辑框。"""
    from extract.outline import outline_of
    from store.drafts import NewDraft, open_or_create
    from store.reports import load_report, resolve_report

    ctx = context()
    with ctx.open() as store:
        source = resolve_report(store, from_report) if from_report else None
        draft, _ = open_or_create(store, NewDraft(title, unit, dept, year, profile or "", source, outline or ""))
        _check_section(section, outline_of(load_report(store, draft)))
    if no_tui:
        click.echo(str(draft))
        return
    from ..app import run_app

    run_app(ctx.db_path, draft, section)


def _check_section(section: str | None, outline) -> None:  # noqa: ANN001 - an extract.outline.Outline
    from ..session import walk_steps

    keys = [s.key for s in walk_steps(outline)]
    if section is not None and section not in keys:
        raise click.BadParameter(f"没有「{section}」这一节，可选：{'、'.join(keys)}", param_hint="'--section'")


COMMANDS = [demo_cmd, draft_cmd]
