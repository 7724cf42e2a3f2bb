"""suggest: last year's wording for a section, with this year's numbers filled in."""

from __future__ import annotations

import click

from ..output import emit_json, say
from .common import REPORT, SECTION, YEAR, context, json_option

STATUS_CN = {"filled": "已填入", "derived": "推算", "stale": "仍为去年", "kept": "保留"}


@click.command("suggest")
@click.option("--section", type=SECTION, required=True, help="要起草的节，如 2.1")
@click.option("--text", default="", help="已经写下的文字（可为空）")
@click.option("--year", type=YEAR, default=None, help="本报告的年度")
@click.option("--unit", default="", help="本报告的实施单位")
@click.option("--title", default="", help="本报告的项目名称")
@click.option("--fact", "facts", multiple=True, metavar="名称=数值", help="今年的数值，如 专项资金=450万元（可多次）")
@click.option("--from", "from_report", type=REPORT, default=None, help="只从这份报告取段落（编号或名称）")
@click.option("--limit", type=click.IntRange(1, 50), default=5, show_default=True, help="最多给出几条")
@json_option
def suggest_cmd(section: str, text: str, year: int | None, unit: str, title: str, facts: tuple[str, ...],
                from_report: str | None, limit: int, as_json: bool) -> None:
    """往年表述：找出往年同一节的段落，填入今年的数字，标出哪些数字已改、哪些是推算、哪些仍是去年的。"""
    from store.drafting import suggestions
    from store.reports import resolve_report
    from store.suggest.facts import parse_fact

    given = [parse_fact(spec) for spec in facts]
    with context().open() as store:
        source = resolve_report(store, from_report) if from_report else None
        found, elapsed = suggestions(store, section, text=text, title=title, unit=unit, year=year, facts=given,
                                     from_report=source, limit=limit)
    if as_json:
        emit_json([s.as_json() for s in found])
        return
    if not found:
        say("没有找到往年同一节的段落。")
    for s in found:
        say(f"[{s.score:5.1f}] {s.year} {s.title}（{s.unit}）")
        say(f"  {s.text}")
        for slot in s.slots:
            say(f"    {slot.old.surface} → {slot.new}  {STATUS_CN[slot.status]}：{slot.provenance}")
    say(f"（用时 {elapsed:.1f} 毫秒）")


COMMANDS = [suggest_cmd]
