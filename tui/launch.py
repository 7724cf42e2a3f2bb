"""The `zipin` command's entry point.  The bare `zipin` (or `zipin --db FILE`) opens the terminal
interface straight away, without loading the CLI (click and every command's module): the first
frame is what a user waits for.  Everything else goes to `tui.cli.main`, and so does any error,
to be told in the same Chinese words."""

from __future__ import annotations

import sys
from pathlib import Path


def bare_db(args: list[str]) -> Path | None | bool:
    """The store of a bare `zipin [--db FILE]` (None: the default one); False for anything else."""
    if not args:
        return None
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return Path(args[1])
    return False


def main() -> None:
    args = sys.argv[1:]
    db = bare_db(args)
    if db is False:
        from .cli import main as cli_main

        cli_main(args)
        return
    try:
        from store.paths import default_db_path

        from .app import run_app

        run_app(db or default_db_path())
    except BaseException as exc:  # noqa: BLE001 - told as the CLI tells it
        if isinstance(exc, SystemExit):
            raise
        from .cli import explain

        explain(exc, args)


if __name__ == "__main__":
    main()
