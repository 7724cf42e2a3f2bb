"""check and dismiss: the consistency and completeness findings of a report."""

from __future__ import annotations

import sys

import click

from ..output import emit_json, say
from .common import REPORT, context, find_report, json_option

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@click.command("check")
@click.argument("report", type=REPORT, metavar="报告")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default=None,
              help="有该级别（或更严重）的检查结果时以非零状态退出")
@click.option("--all", "include_dismissed", is_flag=True, help="也列出已忽略的检查结果")
@json_option
def check_cmd(report: str, fail_on: str | None, include_dismissed: bool, as_json: bool) -> None:
    """检查一份报告的一致性和完整性。报告是编号或项目名称（可写「名称@年份」）。"""
    from checks import check_report
    from checks.dismiss import dismissed_fingerprints
    from store.facts import teach_names

    with context().open() as store:
        report_id = find_report(store, report)
        teach_names(store)
        findings = check_report(store, report_id, include_dismissed=include_dismissed)
        dismissed = dismissed_fingerprints(store, report_id)
    if as_json:
        emit_json([f.as_json() | ({"dismissed": dismissed[f.fingerprint]} if f.fingerprint in dismissed else {})
                   for f in findings])
    else:
        _print(findings, dismissed)
    if fail_on and any(SEVERITY_RANK[f.severity] <= SEVERITY_RANK[fail_on] and f.fingerprint not in dismissed
                       for f in findings):
        sys.exit(1)


def _print(findings: list, dismissed: dict[str, str]) -> None:  # noqa: ANN001 - list[checks.Finding]
    from checks.finding import SEVERITY_CN

    if not findings:
        say("没有发现问题。")
        return
    for f in findings:
        where = f"第 {f.section} 节" if f.section else "封面"
        tag = "（已忽略：" + dismissed[f.fingerprint] + "）" if f.fingerprint in dismissed else ""
        say(f"[{SEVERITY_CN[f.severity]}] {where}：{f.message}{tag}")
        if f.fix:
            say(f"        {f.fix}")
        say(f"        #{f.fingerprint} （{f.rule}{'，不确定' if f.status == 'uncertain' else ''}）")
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    say(f"共 {len(findings)} 条：错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}。")


@click.command("dismiss")
@click.argument("report", type=REPORT, metavar="报告")
@click.argument("fingerprint", metavar="指纹")
@click.option("--reason", required=True, help="忽略的理由（会保存下来）")
@click.option("--undo", is_flag=True, help="撤销忽略")
def dismiss_cmd(report: str, fingerprint: str, reason: str, undo: bool) -> None:
    """忽略一条检查结果（证据不变时一直保持忽略）。指纹见 zipin check 的输出（# 后的十六位）。"""
    from checks import check_report
    from checks.dismiss import dismiss, undismiss
    from store.errors import NotFound

    with context().open() as store:
        report_id = find_report(store, report)
        if undo:
            undismiss(store, report_id, fingerprint)
            say("已撤销忽略。")
            return
        match = next((f for f in check_report(store, report_id, include_dismissed=True)
                      if f.fingerprint == fingerprint.lstrip("#")), None)
        if match is None:
            raise NotFound(f"这份报告没有编号为 {fingerprint} 的检查结果")
        dismiss(store, report_id, match.fingerprint, reason, match.rule)
    say("已忽略。")


COMMANDS = [check_cmd, dismiss_cmd]
