"""Export with the review's verdict: refused while error findings are open (unless forced).
Shared by `zipin export` and the review screen; no widgets here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from checks import check_report
from store.db import Store
from store.errors import ZipinError
from store.export import FORMATS, write_export
from store.reports import load_report


class ExportRefused(ZipinError):
    def __init__(self, errors: int, warnings: int) -> None:
        super().__init__(
            f"仍有 {errors} 条错误（另有警告 {warnings} 条）未处理，已拒绝导出。请先修正，"
            "或忽略（zipin dismiss）后再导出；确需导出可加 --force。", "拒绝导出")
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
    chosen = format_of(path, fmt)
    findings = check_report(store, report_id)
    counts = Counter(f.severity for f in findings)
    if counts["error"] and not force:
        raise ExportRefused(counts["error"], counts["warning"])
    report = load_report(store, report_id)
    written = write_export(report, chosen, path, overwrite=overwrite, comments=findings if comments else None)
    return written, findings
