"""doctor: check the store and repair what can be repaired safely."""

from __future__ import annotations

import sys

import click

from ..output import emit_json, say
from .common import context, json_option


@click.command("doctor")
@click.option("--check-only", is_flag=True, help="只检查，不修复")
@json_option
def doctor_cmd(check_only: bool, as_json: bool) -> None:
    """检查数据库（完整性、结构版本、全文索引、名称索引），并安全地修复能修复的问题。"""
    from store.doctor import EXIT_BUSY, diagnose

    path = context().db_path
    checks = diagnose(path, repair=not check_only)
    if as_json:
        emit_json({"path": str(path), "ok": all(c.ok for c in checks), "checks": [c.as_json() for c in checks]})
    else:
        say(f"数据库：{path}")
        for c in checks:
            mark = "已修复" if c.repaired else ("正常" if c.ok else "忙" if c.busy else "有问题")
            say(f"  [{mark}] {c.name}：{c.detail}")
    failed = [c for c in checks if not c.ok]
    if failed:
        sys.exit(EXIT_BUSY if all(c.busy for c in failed) else 1)


COMMANDS = [doctor_cmd]
