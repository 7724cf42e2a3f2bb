"""Helpers shared by the commands: the options every command takes, and argument types that turn
a value that cannot mean anything into one Chinese line and a usage exit code (2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

DB_HELP = "数据库文件（默认：环境变量 ZIPIN_DB，或用户数据目录下的 zipin.db）"
JSON_HELP = "以 JSON 输出（供脚本和测试读取；金额为精确的十进制字符串）"
YEAR_RANGE = (1900, 2100)
SQLITE_MAX_ID = 2**63 - 1
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def context() -> Any:  # noqa: ANN401 - the root tui.cli.Context
    return click.get_current_context().find_root().obj


def _json_anywhere(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    """`--json` after the command, or before it (`zipin --json reports`)."""
    root = ctx.find_root().obj
    return bool(value or getattr(root, "json", False))


json_option = click.option("--json", "as_json", is_flag=True, callback=_json_anywhere, help=JSON_HELP)


def _db_anywhere(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    """`--db` after the command (`zipin reports --db x.db`) as well as before it."""
    if value is not None:
        ctx.find_root().obj.db_option = value


def db_option() -> click.Option:
    return click.Option(["--db"], type=click.Path(path_type=Path, dir_okay=False), default=None, expose_value=False,
                        callback=_db_anywhere, metavar="文件", help=DB_HELP)


def _short(value: str, limit: int = 24) -> str:
    return value if len(value) <= limit else value[:limit] + f"…（共 {len(value):,} 个字符）"


def fold_digits(value: str) -> str:
    return value.strip().translate(_FULL_WIDTH)


class ReportRef(click.ParamType):
    """A report: its id (as `zipin reports` lists it) or its project name, optionally «名称@年份».
    Checked for sense here; found in the store by `store.reports.resolve_report`."""

    name = "报告"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:  # noqa: ANN401
        text = str(value).strip()
        if not text:
            self.fail("报告不能为空：请写编号（zipin reports 中 # 后的数字）或项目名称", param, ctx)
        digits = fold_digits(text)
        if digits.isdigit() and not digits.isascii() or text.isnumeric() and not digits.isdigit():
            self.fail(f"「{_short(text)}」不是报告编号：编号只由数字 0–9 组成（见 zipin reports）", param, ctx)
        if digits.isdigit() and (len(digits) > 19 or int(digits) > SQLITE_MAX_ID):
            self.fail(f"报告编号「{_short(text)}」太大：编号是 zipin reports 列出的 # 后面的数字", param, ctx)
        title, at, year = text.partition("@")
        if at and title.strip() and year.strip():
            check_year(year, param, ctx, self)
        return text


class Year(click.ParamType):
    """A report's year: four digits (full-width too) within `YEAR_RANGE`."""

    name = "年份"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:  # noqa: ANN401
        if isinstance(value, int):
            return value
        return check_year(str(value), param, ctx, self)


def check_year(raw: str, param: click.Parameter | None, ctx: click.Context | None, kind: click.ParamType) -> int:
    digits = fold_digits(raw)
    low, high = YEAR_RANGE
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 4 and low <= int(digits) <= high):
        kind.fail(f"「{_short(raw)}」不是有效的年份：应为 {low}–{high} 之间的四位数，如 2025", param, ctx)
    return int(digits)


class SectionKey(click.ParamType):
    """A section of an outline, by its key («2.2»); a mistyped one gets the keys it may mean."""

    name = "节"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:  # noqa: ANN401
        key = fold_digits(str(value)).replace("．", ".")
        keys = section_keys()
        if key in keys:
            return key
        near = [k for k in keys if k.split(".")[0] == key.split(".")[0]] or keys
        self.fail(f"没有「{_short(str(value))}」这一节，可选：{'、'.join(near)}", param, ctx)


def section_keys() -> list[str]:
    """Every section key of every known outline, in outline order."""
    from extract.outline import list_outlines

    keys: dict[str, None] = {}
    for outline in list_outlines():
        for entry in (*outline.leaves, *outline.parts):
            keys.setdefault(entry.key)
    return sorted(keys, key=lambda k: tuple(int(p) if p.isdigit() else 999 for p in k.split(".")))


class InputPath(click.Path):
    """A file or folder to read: an empty string is not the current folder."""

    def __init__(self) -> None:
        super().__init__(path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:  # noqa: ANN401
        if not str(value).strip():
            self.fail("路径为空：请给出要导入的文件或文件夹", param, ctx)
        return super().convert(value, param, ctx)


REPORT = ReportRef()
YEAR = Year()
SECTION = SectionKey()


def find_report(store, ref: str) -> int:  # noqa: ANN001 - a store.db.Store
    """A report by id or name (see resolve_report).  For a draft, words a crash left in the
    journal are written back and unfinished indexing is done first, so checks and exports see
    what was typed; a journal that could not be used is named on stderr."""
    from store.journal import reopen
    from store.reports import resolve_report

    from ..output import warn

    report_id = resolve_report(store, ref)
    notices: list[str] = []
    reopen(store, report_id, notices)
    for notice in notices:
        warn(notice)
    return report_id
