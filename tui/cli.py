"""The `zipin` command: every job works headless, with `--json` for scripts and tests.

Errors reach the user as one Chinese line on stderr and a non-zero exit code, never a
traceback: `main()` turns zipin's own errors and click's usage errors into such lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from store.errors import USER_ERRORS

from .commands import register
from .output import fail
from .usage import translate_usage_error


class Context:
    """What every command needs: where the store is."""

    def __init__(self, db: Path | None) -> None:
        self.db_option = db

    @property
    def db_path(self) -> Path:
        from store.paths import default_db_path

        return self.db_option or default_db_path()

    def open(self, *, create: bool = True):  # noqa: ANN201 - returns store.db.Store
        from store.db import open_store

        return open_store(self.db_path, create=create)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="数据库文件（默认：环境变量 ZIPIN_DB，或用户数据目录下的 zipin.db）")
@click.version_option(package_name="zipin", message="zipin %(version)s")
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """zipin（自评）：项目支出绩效自评报告的起草助手。不带子命令时打开终端界面。"""
    ctx.obj = Context(db)
    if ctx.invoked_subcommand is None:
        from .commands.tui_cmds import open_tui

        open_tui(ctx.obj)


register(cli)


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="zipin", standalone_mode=False)
    except click.exceptions.Abort:
        fail("已取消", 130)
    except click.exceptions.ClickException as exc:
        fail(translate_usage_error(exc), exc.exit_code)
    except USER_ERRORS as exc:
        fail(exc.message)  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        fail("已中断", 130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug: a short message for the user, the details in a log file
        fail(f"程序内部错误（{type(exc).__name__}）。详情已写入 {_log_crash()}，请把该文件发给维护者。", 70)


def _log_crash() -> str:
    import traceback

    return _write_crash(traceback.format_exc())


def _log_crash_text(error: BaseException) -> str:
    import traceback

    return _write_crash("".join(traceback.format_exception(error)))


def _write_crash(details: str) -> str:
    """Append a traceback to the crash log in the cache folder; return where it went."""
    from datetime import datetime

    from store.paths import cache_dir

    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} zipin {' '.join(sys.argv[1:])}\n")
            fh.write(details)
        return str(path)
    except OSError:
        return "（无法写入日志）"


if __name__ == "__main__":
    main()
