"""The CLI's commands, one module per job."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    from . import check_cmds, doctor_cmds, export_cmds, extract_cmds, store_cmds, suggest_cmds, tui_cmds

    for module in (store_cmds, tui_cmds, extract_cmds, check_cmds, suggest_cmds, export_cmds, doctor_cmds):
        for command in module.COMMANDS:
            cli.add_command(command)
