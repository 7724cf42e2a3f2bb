"""The CLI's commands, one module per job."""

from __future__ import annotations

import click

OPTIONS_METAVAR = "[选项]"


def register(cli: click.Group) -> None:
    """Add every command to `cli`, each also taking `--db` (so it may follow the command) and
    showing «[选项]» in its usage line."""
    from ..usage import ChineseContext
    from . import check_cmds, doctor_cmds, export_cmds, extract_cmds, store_cmds, suggest_cmds, tui_cmds
    from .common import db_option

    for module in (store_cmds, tui_cmds, extract_cmds, check_cmds, suggest_cmds, export_cmds, doctor_cmds):
        for command in module.COMMANDS:
            command.params.append(db_option())
            command.options_metavar = OPTIONS_METAVAR
            command.context_class = ChineseContext
            cli.add_command(command)
