"""`zipin doctor`: check a store and repair what can be repaired safely.

Checks: the file is SQLite at all, `integrity_check`, the schema version, the names index,
every report with its sections, the saved wording index (store/wordings) readable and in step.
The checks only read (a store being written by an import is checked all the same).  Repairs
are rebuilds of derived data only (the names index, the wording index, a WAL checkpoint,
pending migrations); the reports, sections and paragraphs themselves are never rewritten, and a
file that is not a healthy SQLite database is not touched at all.

A repair needs the write lock: while another process holds it (an import) the repair waits for
up to `BUSY_WAIT` seconds, and past that reports the store as busy — never as damaged.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .db import BUSY_TIMEOUT_MS, open_store
from .errors import StoreBusy, StoreError
from .schema import SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
UNREPAIRABLE = ("无法安全修复，文件未作任何改动。请从备份恢复，或用 --db 新建一个数据库，"
                "再用 zipin import 重新导入原来的报告文件。")
BUSY_WAIT = 30.0  # seconds a repair waits while another process holds the write lock
EXIT_BUSY = 75  # EX_TEMPFAIL: a repair could not run yet


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    repaired: bool = False
    busy: bool = False  # not repaired: another process held the store for longer than BUSY_WAIT

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def diagnose(path: Path, *, repair: bool = True) -> list[Check]:
    if not path.exists():
        return [Check("文件", False, f"数据库文件不存在：{path}")]
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        return [Check("文件格式", False, "不是 SQLite 数据库文件（文件头不符），未作任何改动")]
    try:
        version, checks = _inspect(path)
    except sqlite3.DatabaseError as exc:
        return [Check("读取", False, f"数据库文件已损坏，无法读取（SQLite：{exc}）。{UNREPAIRABLE}")]
    if not repair or not checks[0].ok or version > SCHEMA_VERSION:
        return checks
    if version < SCHEMA_VERSION:
        return _upgrade(path)
    if not all(c.ok for c in checks):
        _repair(path, checks)
    return checks


def _inspect(path: Path) -> tuple[int, list[Check]]:
    """Read-only checks; the deeper ones only on a sound store of this schema version."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        checks = [_integrity(conn), _version(version)]
        if checks[0].ok and version == SCHEMA_VERSION:
            checks += [_names(conn), _sections(conn), _wordings(path, conn)]
        return version, checks
    finally:
        conn.close()


def _upgrade(path: Path) -> list[Check]:
    """An older store: apply the pending migrations (as opening it would), then check the rest."""
    try:
        open_store(path).close()
    except StoreError as exc:
        return [Check("结构版本", False, exc.message)]
    checks = diagnose(path, repair=True)
    if len(checks) > 1:
        checks[1] = Check("结构版本", True, f"已升级到结构版本 {SCHEMA_VERSION}", repaired=True)
    return checks


def _integrity(conn: sqlite3.Connection) -> Check:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if rows == ["ok"]:
        return Check("完整性", True, "integrity_check：ok")
    return Check("完整性", False, "integrity_check 发现问题：" + "；".join(rows[:5]) + "。" + UNREPAIRABLE)


def _version(version: int) -> Check:
    if version > SCHEMA_VERSION:
        return Check("结构版本", False, f"结构版本 {version} 比本程序支持的 {SCHEMA_VERSION} 新，请升级 zipin")
    if version < SCHEMA_VERSION:
        return Check("结构版本", False, f"结构版本 {version}，需升级到 {SCHEMA_VERSION}")
    return Check("结构版本", True, f"结构版本 {version}")


def _wordings(path: Path, conn: sqlite3.Connection) -> Check:
    from .wordings import saved_state

    state = saved_state(path, conn)
    if state == "damaged":
        return Check("查找索引", False, "保存的查找索引已损坏或与段落不一致，可以重建")
    return Check("查找索引", True, {"missing": "查找索引尚未建立，首次查找时自动建立",
                                  "stale": "查找索引将在下次查找时按最新内容更新",
                                  "current": "查找索引与往年报告的段落一致"}[state])


def _names(conn: sqlite3.Connection) -> Check:
    return _none_lacking(conn, "名称索引", "r.title != '' AND NOT EXISTS (SELECT 1 FROM names n WHERE n.report_id = r.id)",
                         "{} 份报告不在名称索引中，可以重建", "名称索引完整")


def _sections(conn: sqlite3.Connection) -> Check:
    return _none_lacking(conn, "报告结构", "NOT EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id)",
                         "{} 份报告没有任何节（导入不完整），可用 zipin import 重新导入原文件", "每份报告都有其各节")


def _none_lacking(conn: sqlite3.Connection, name: str, lacking: str, problem: str, fine: str) -> Check:
    """A check that no report matches `lacking` (an SQL condition on reports r)."""
    count = conn.execute(f"SELECT count(*) FROM reports r WHERE {lacking}").fetchone()[0]
    return Check(name, False, problem.format(count)) if count else Check(name, True, fine)


def _repair(path: Path, checks: list[Check]) -> None:
    from .names import index_names

    try:
        store = open_store(path)  # applies pending migrations, under the write lock
    except StoreError:
        return
    with store:
        for check in checks:
            if check.ok or check.busy:
                continue
            if check.name == "名称索引":
                try:
                    with store.write(wait=BUSY_WAIT) as db:
                        for row in list(db.query("SELECT id FROM reports")):
                            index_names(db, row["id"])
                except StoreBusy:
                    check.busy = True
                    check.detail += (f"；数据库正被其他程序占用（如正在导入），{BUSY_WAIT:g} 秒内未能修复，"
                                     "请稍后再运行 zipin doctor")
                    continue
                check.ok, check.repaired, check.detail = True, True, "已重建名称索引"
            elif check.name == "查找索引":
                from .wordings import drop_saved, wordings_of

                drop_saved(path)
                wordings_of(store)
                check.ok, check.repaired, check.detail = True, True, "已重建查找索引"
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
