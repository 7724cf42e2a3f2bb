"""The `zipin` command: every job works headless, with `--json` for scripts and tests.

Errors reach the user as one Chinese line on stderr and a non-zero exit code, never a
traceback: `main()` turns zipin's own errors and click's usage errors into such lines (usage
errors exit 2), a closed pipe (`zipin show 1 | head -1`) into a quiet exit 0, and a full disk
into 「磁盘已满」.  click itself speaks Chinese (`usage.install()`), and `--db` and `--json` may
stand before or after the command.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path

import click

from store.errors import USER_ERRORS, NotFound

from .output import fail, flush_stdout, quiet_stdout
from .usage import ChineseContext, install, translate_usage_error

install()  # before any command is declared: click.Path takes its name («文件») when it is made

from .commands import register  # noqa: E402
from .commands.common import DB_HELP, JSON_HELP  # noqa: E402

EXIT_USAGE = 2
SUGGEST_CUTOFF = 60  # rapidfuzz score from which a command name is offered as «您是不是要找»


class Context:
    """What every command needs: where the store is, and whether `--json` came before the command."""

    def __init__(self, db: Path | None, as_json: bool = False) -> None:
        self.db_option = db
        self.json = as_json

    @property
    def db_path(self) -> Path:
        from store.paths import default_db_path

        return self.db_option or default_db_path()

    def open(self, *, create: bool = True):  # noqa: ANN201 - returns store.db.Store
        from store.db import open_store

        return open_store(self.db_path, create=create)


class ZipinGroup(click.Group):
    """The root group: a mistyped command answers with the commands it may mean."""

    context_class = ChineseContext

    def invoke(self, ctx: click.Context):  # noqa: ANN201
        """A closed pipe (`zipin show 1 | head -1`) ends the command quietly with exit 0 (click
        itself would exit 1)."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            quiet_stdout()
            raise click.exceptions.Exit(0) from None

    def resolve_command(self, ctx: click.Context, args: list[str]):  # noqa: ANN201
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            near = similar(name, self.list_commands(ctx))
            if near:
                ctx.fail(f"没有这个命令：{name}。您是不是要找：{'、'.join(near)}？")
        return super().resolve_command(ctx, args)


def similar(word: str, choices: list[str], limit: int = 3) -> list[str]:
    from rapidfuzz import fuzz, process

    return [c for c, _score, _i in process.extract(word, choices, scorer=fuzz.ratio, limit=limit,
                                                    score_cutoff=SUGGEST_CUTOFF)]


@click.group(cls=ZipinGroup, invoke_without_command=True, options_metavar="[选项]", subcommand_metavar="命令 [参数]...",
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="文件", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP + "；也可写在命令之后")
@click.version_option(package_name="zipin", message="zipin %(version)s")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, as_json: bool) -> None:
    """zipin（自评）：项目支出绩效自评报告的起草助手。不带命令时打开终端界面。

    --db 与 --json 可写在命令之前或之后；以 - 开头的文件名写在 -- 之后。
    """
    ctx.obj = Context(db, as_json)
    if ctx.invoked_subcommand is None:
        from .commands.tui_cmds import open_tui

        open_tui(ctx.obj)
        return
    command = cli.get_command(ctx, ctx.invoked_subcommand)
    if as_json and command is not None and not any(p.name == "as_json" for p in command.params):
        ctx.fail(f"命令 {ctx.invoked_subcommand} 没有 JSON 输出（--json）")


register(cli)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    try:
        cli.main(args=args, prog_name="zipin", standalone_mode=False)
        flush_stdout()
    except BaseException as exc:  # noqa: BLE001 - each kind is answered in explain()
        explain(exc, args)


def explain(error: BaseException, args: list[str]) -> None:
    """Answer an error that ended a command as the user should see it: one Chinese line on
    stderr and an exit code (never a traceback).  `tui.launch` sends the bare `zipin`'s here too."""
    try:
        raise error
    except SystemExit:
        raise
    except click.exceptions.Abort:
        fail("已取消", 130)
    except click.exceptions.ClickException as exc:
        fail(translate_usage_error(exc, args), exc.exit_code)
    except NotFound as exc:
        fail(_with_candidates(exc))
    except USER_ERRORS as exc:
        fail(exc.message, getattr(exc, "exit_code", 1))  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        fail("已中断", 130)
    except BrokenPipeError:  # the reader went away (`| head -1`): not an error
        quiet_stdout()
        sys.exit(0)
    except OSError as exc:
        _output_failed(exc)
    except Exception as exc:  # a bug: a short message for the user, the details in a log file
        fail(f"程序内部错误（{type(exc).__name__}）。详情已写入 {_log_crash()}，请把该文件发给维护者。", 70)


def _with_candidates(exc: NotFound) -> str:
    if not exc.candidates:
        return exc.message
    shown = "、".join(exc.candidates[:8]) + (f" 等 {len(exc.candidates)} 份" if len(exc.candidates) > 8 else "")
    if exc.partial:
        return f"{exc.message}。您是不是要找（名称中含有您写的字）：{shown}？请写出完整名称，可加 @年份"
    return f"{exc.message}。您是不是要找：{shown}？"


def _output_failed(exc: OSError) -> None:
    """An OS call failed outside a command's own handling — most often writing the output
    (`> /dev/full`): say why, once, on stderr."""
    from store.errors import os_reason

    quiet_stdout()
    if exc.errno == errno.EPIPE:
        sys.exit(0)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        fail(f"{os_reason(exc)}，无法写出结果", 1)
    fail(f"操作失败：{os_reason(exc)}", 1)


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
        with open(path, "a", encoding="utf-8", errors="replace") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} zipin {' '.join(sys.argv[1:])}\n")
            fh.write(details)
        return str(path)
    except (OSError, RuntimeError):
        return "（无法写入日志）"


if __name__ == "__main__":
    main()
