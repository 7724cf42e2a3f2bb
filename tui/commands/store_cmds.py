"""import, reports, show, search, demo: the store's jobs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..output import emit_json, say, warn
from .common import REPORT, SECTION, YEAR, InputPath, context, find_report, json_option

PROGRESS_FROM = 1_000_000  # bytes: a single file this large gets a progress bar too


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=InputPath(), metavar="路径...")
@json_option
def import_cmd(paths: tuple[Path, ...], as_json: bool) -> None:
    """导入往年报告（.txt / .md / .docx，或包含它们的文件夹）。以 - 开头的文件名写在 -- 之后。"""
    from store.importer import expand_paths, import_paths, total_bytes

    ctx = context()
    files = expand_paths(paths)
    size = total_bytes(files)
    with ctx.open() as store:
        if sys.stderr.isatty() and (len(files) > 1 or size > PROGRESS_FROM):
            with click.progressbar(length=size, label="导入中", file=sys.stderr) as bar:
                result = import_paths(store, files, progress=bar.update)
        else:
            result = import_paths(store, files)
    if as_json:
        emit_json(result.as_json())
    else:
        _print_import(result)
    if result.errors:
        sys.exit(1)


def _print_import(result) -> None:  # noqa: ANN001 - store.importer.ImportResult
    for item in result.imported:
        say(f"已导入 #{item['id']} {item['title'] or '（无标题）'}（{item['unit']}，{item['year']} 年，{item['sections']} 节）")
    for item in result.skipped:
        say(f"已跳过 {item['path']}：{item['reason']}")
    for item in result.errors:
        warn(f"导入失败 {item['path']}：{item['message']}")
    say(f"共导入 {len(result.imported)} 份报告，跳过 {len(result.skipped)} 项，失败 {len(result.errors)} 个文件。")


@click.command("reports")
@click.option("--kind", type=click.Choice(["past", "draft"]), default=None, help="只列出往年报告或草稿")
@json_option
def reports_cmd(kind: str | None, as_json: bool) -> None:
    """列出库中的报告和草稿。"""
    from store.reports import list_reports

    with context().open() as store:
        rows = list_reports(store, kind)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        say("库中还没有报告。用 zipin import 文件 导入往年报告，或运行 zipin demo 体验示例数据。")
    for r in rows:
        kind_cn = "草稿" if r["kind"] == "draft" else "往年"
        say(f"#{r['id']:<4} {kind_cn} {r['year'] or '----'} {_shown(r['title'])}（{_shown(r['unit'])}）")


@click.command("show")
@click.argument("report", type=REPORT, metavar="报告")
@json_option
def show_cmd(report: str, as_json: bool) -> None:
    """显示一份报告：封面、各节正文和附表。报告是编号或项目名称（可写「名称@年份」）。"""
    from store.reports import load_report, report_json

    with context().open() as store:
        report_id = find_report(store, report)
        data = report_json(report_id, load_report(store, report_id))
    if as_json:
        emit_json(data)
    else:
        _print_report(data)


def _print_report(data: dict) -> None:
    """The report for a reader: its outline's own cover labels, «—» where nothing is written."""
    from extract.outline import STRUCTURAL, load_outline, load_profiles

    profile = load_profiles().get(data["profile"])
    outline = load_outline(data.get("outline"))
    outline_name = "按标题结构" if data.get("outline") == STRUCTURAL else outline.name
    kind = "草稿" if data["kind"] == "draft" else "往年报告"
    say(f"#{data['id']} {kind}　{_shown(data['title'])}　{_shown(data['unit'])}　{_shown(data['year'])} 年度"
        f"（提纲：{outline_name}，附表：{profile.name if profile else _shown(data['profile'])}）")
    labels = {f.key: f.label for f in outline.cover_fields}
    cover = data["cover"]
    for key, label in labels.items():
        say(f"  {label}：{_shown(cover.get(key))}")
    for key, value in cover.items():
        if key not in labels:
            say(f"  {key}：{_shown(value)}")
    for section in data["sections"]:
        say(f"\n[{section['key']}] {section['title']}")
        say(section["text"] or "（空）")
    table = data["table"]
    if table:
        budget, spent = table["budget"], table["spent"]
        say(f"\n[附表] 预算数 {_shown(budget.get('total'))} 万元（财政拨款 {_shown(budget.get('fiscal'))}，"
            f"其他 {_shown(budget.get('other'))}）")
        say(f"       执行数 {_shown(spent.get('total'))} 万元（财政拨款 {_shown(spent.get('fiscal'))}，"
            f"其他 {_shown(spent.get('other'))}）")
        for ind in table["indicators"]:
            say(f"  {_shown(ind['level1'])} / {_shown(ind['level2'])} / {_shown(ind['level3'])}："
                f"{_shown(ind['expected'])} → {_shown(ind['actual'])}")


def _shown(value: object) -> str:
    """A value for a reader: never «None», never an empty gap."""
    if value is None or str(value).strip() == "":
        return "—"
    return str(value)


@click.command("search")
@click.argument("query", default="", metavar="[查找内容]")
@click.option("--section", type=SECTION, default=None, help="只在某一节中查找，如 2.1")
@click.option("--year", type=YEAR, default=None, help="只查某一年度")
@click.option("--unit", default=None, help="只查某单位（包含即可）")
@click.option("--title", default=None, help="只查某项目（包含即可）")
@click.option("--limit", type=click.IntRange(1, 500), default=10, show_default=True, help="最多返回几条")
@click.option("--drafts", is_flag=True, help="也查草稿（默认只查往年报告；草稿标为「草稿」）")
@json_option
def search_cmd(query: str, section: str | None, year: int | None, unit: str | None, title: str | None,
               limit: int, drafts: bool, as_json: bool) -> None:
    """查找往年的相似表述（数字不同也能找到）。"""
    from store.reports import report_kinds

    if not query.strip() and not any((section, year, unit, title)):
        raise click.UsageError("请写出要查找的文字，例如：zipin search 满意度（只写 --section 等条件时列出该范围的段落）")
    from store.search import Filters, search

    with context().open() as store:
        hits, elapsed = search(store, query, Filters(section, year, unit, title, kind=None if drafts else "past"), limit)
        kinds = report_kinds(store, [h.report_id for h in hits])
    if as_json:
        emit_json({"elapsed_ms": round(elapsed, 2), "results": [_hit_json(h, kinds) for h in hits]})
        return
    if not hits:
        say("没有找到相似的表述。" + ("" if drafts else "（草稿不在其中，加 --drafts 也查草稿）"))
    for h in hits:
        tag = "草稿" if kinds.get(h.report_id) == "draft" else "往年"
        note = f" · {h.shared_note()}" if h.shared else ""
        say(f"[{h.score:5.1f}] {tag} {h.year or '年度未知'} {h.title} §{h.section}{note}：{h.text[:120]}")
    say(f"（用时 {elapsed:.1f} 毫秒）")


def _hit_json(hit, kinds: dict[int, str]) -> dict:  # noqa: ANN001 - store.search.SearchHit
    return {
        "report_id": hit.report_id, "kind": kinds.get(hit.report_id, "past"), "title": hit.title, "unit": hit.unit,
        "year": hit.year, "section": hit.section, "text": hit.text, "score": round(hit.score, 1),
        "shared": hit.shared, "shared_note": hit.shared_note(),
    }


COMMANDS = [import_cmd, reports_cmd, show_cmd, search_cmd]
