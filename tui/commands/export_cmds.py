"""export: the report as Word (official layout), Markdown or text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..output import emit_json, say
from .common import REPORT, context, find_report, json_option


@click.command("export")
@click.argument("report", type=REPORT, metavar="报告")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "txt"]), default=None,
              help="导出格式（默认按文件扩展名）")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, metavar="文件",
              help="导出到的文件")
@click.option("--force", is_flag=True, help="即使还有错误级别的检查结果也导出")
@click.option("--overwrite", is_flag=True, help="文件已存在时覆盖")
@click.option("--comments", is_flag=True, help="把未处理的检查结果作为批注写入 Word 文件")
@json_option
def export_cmd(report: str, fmt: str | None, output: Path, force: bool, overwrite: bool, comments: bool,
               as_json: bool) -> None:
    """导出报告。仍有错误时拒绝导出（除非 --force）；不覆盖已有文件（除非 --overwrite）。"""
    from checks.review import export

    with context().open() as store:
        report_id = find_report(store, report)
        path, findings = export(store, report_id, output, fmt, force=force, overwrite=overwrite, comments=comments)
    counts = Counter(f.severity for f in findings)
    if as_json:
        emit_json({"path": str(path), "errors": counts["error"], "warnings": counts["warning"],
                   "infos": counts["info"], "comments": len(findings) if comments else 0})
        return
    say(f"已导出：{path}（未处理：错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}）")


COMMANDS = [export_cmd]
