"""The review before export, and export with its verdict: refused while error findings are open
(unless forced).  Shared by `zipin export` and the review screen; no widgets here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from store.db import Store
from store.errors import ZipinError
from store.export import FORMATS, write_export
from store.reports import load_report
from store.scoring import complete


class ExportRefused(ZipinError):
    def __init__(self, errors: int, warnings: int) -> None:
        super().__init__(
            f"仍有 {errors} 条错误（另有警告 {warnings} 条）未处理，已拒绝导出。请先修正或忽略这些错误"
            "（界面中按 D，命令行用 zipin dismiss）；确需导出，请勾选「仍有错误也导出」（命令行加 --force）。",
            "拒绝导出")
        self.errors = errors
        self.warnings = warnings


def format_of(path: Path, fmt: str | None) -> str:
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise ZipinError(f"无法确定导出格式：请用 --format 指定 docx、md 或 txt（文件名为 {path.name}）", "无法导出")
    return chosen


def export(store: Store, report_id: int, path: Path, fmt: str | None = None, *, force: bool = False,
           overwrite: bool = False, comments: bool = False) -> tuple[Path, list]:
    """Write the report; return the path and the open findings it was written with."""
    from . import check_report

    chosen = format_of(path, fmt)
    findings = check_report(store, report_id)
    counts = Counter(f.severity for f in findings)
    if counts["error"] and not force:
        raise ExportRefused(counts["error"], counts["warning"])
    report = load_report(store, report_id)
    if report.kind == "draft" and report.table is not None:
        complete(report.table)  # 执行率, 得分, 总分 as the 附表 screen shows them
    written = write_export(report, chosen, path, overwrite=overwrite, comments=findings if comments else None)
    return written, findings


def summary(findings: list) -> str:
    """«共 12 条：错误 3，警告 8，提示 1；其中缺项 2 条。» — the review's counts."""
    counts = Counter(f.severity for f in findings)
    missing = sum(1 for f in findings if f.rule in ("completeness", "unchanged"))
    return (f"共 {len(findings)} 条：错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}；"
            f"其中缺项或未修改 {missing} 条。")
