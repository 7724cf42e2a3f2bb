"""Opening the store: WAL, a busy timeout, migrations, and clear errors for bad files.

Every write goes through `Store.write()`, which takes the write lock up front
(BEGIN IMMEDIATE) and retries while another process holds it, so «database is locked» never
reaches the user.  The first write of a connection runs SQLite's quick_check: a damaged file
takes no write (it would only spread the damage) and the message points to `zipin doctor`.  A `Store` belongs to the thread that opened it; open one per thread.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import StoreBusy, StoreError, os_reason
from .schema import MIGRATION_NAMES, SCHEMA_VERSION, migrations
from .sqlite import Database

BUSY_TIMEOUT_MS = 10_000
LOCK_RETRY_SECONDS = 60.0


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """One connection. Its queries and write transactions hold `_busy`, and so does `close()`:
    an app closing down then waits for a worker thread's query instead of freeing the connection
    under it (which crashes the sqlite3 module)."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._busy = threading.RLock()
        self._closed = False
        self._sound = path is None  # quick_check passed (asked before the first write)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        with self._busy:
            self._closed = True
            with contextlib.suppress(sqlite3.Error):
                self.db.close()

    def _ensure_open(self) -> None:
        if self._closed:
            raise StoreError("数据库已关闭", "已关闭")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self._busy:
            self._ensure_open()
            try:
                return list(self.db.query(sql, params))
            except sqlite3.DatabaseError as exc:
                raise _translate(exc, self.path) from exc

    def one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def rows(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """`query` as plain tuples, for the hot reads of a check (no dict made per row)."""
        with self._busy:
            self._ensure_open()
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise _translate(exc, self.path) from exc

    @contextlib.contextmanager
    def write(self, wait: float = LOCK_RETRY_SECONDS) -> Iterator[Database]:
        """One write transaction, taken with BEGIN IMMEDIATE and retried while locked, for up to
        `wait` seconds; then StoreBusy.  An autosave waits briefly (and keeps the words
        elsewhere meanwhile), an import patiently."""
        with self._busy:
            self._ensure_open()
            self._ensure_sound()
            self._begin(wait)
            with self._transaction() as db:
                yield db

    def _ensure_sound(self) -> None:
        if self._sound:
            return
        try:
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            raise _translate(exc, self.path) from exc
        if rows != ["ok"]:
            raise StoreError(f"数据库文件已损坏（quick_check 发现 {len(rows)} 处问题），为免损坏扩大，已拒绝写入：{self.path}。"
                             "请运行 zipin doctor 检查，并从备份恢复或新建数据库后重新导入。")
        self._sound = True

    def _begin(self, wait: float) -> None:
        deadline = time.monotonic() + wait
        short = wait * 1000 < BUSY_TIMEOUT_MS
        if short:  # SQLite's own busy handler would otherwise wait the full busy timeout
            self.conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if not _is_locked(exc):
                        raise _translate(exc, self.path) from exc
                    if time.monotonic() >= deadline:
                        raise StoreBusy(f"数据库正被其他程序占用（如正在导入）：{self.path}，请稍后再试。") from exc
                    time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
        finally:
            if short:
                self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Database]:
        try:
            yield self.db
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):  # read-only, disk full, damaged: say so
                raise _translate(exc, self.path) from exc
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise _translate(exc, self.path) from exc


class Reader:
    """`query` and `one` over a bare sqlite-utils Database (inside a migration or a write), for
    the functions that read through a Store."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.path: Path | None = None

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, params))

    def one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def rows(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        return self.db.execute(sql, params).fetchall()


def open_store(path: Path | str | None, *, create: bool = True) -> Store:
    """Open (and if needed create and migrate) the store at `path`; None opens in memory."""
    if path is None or str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        store = Store(Database(conn), None)
        _prepare(store, create=True)
        return store
    path = Path(path)
    if not path.exists() and not create:
        raise StoreError(f"数据库文件不存在：{path}")
    if not path.exists():
        _make_parent(path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    store = Store(Database(conn, execute_plugins=False), path)
    try:
        _prepare(store, create=create)
    except BaseException:
        store.close()
        raise
    return store


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"无法创建数据库所在的文件夹 {path.parent}：{os_reason(exc)}") from exc


def _prepare(store: Store, *, create: bool) -> None:
    conn = store.conn
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_version(store, version)
        if store.path is not None:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            _migrate(store)
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, store.path) from exc


def _check_version(store: Store, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"数据库由更新版本的 zipin 创建（结构版本 {version}，本程序支持到 {SCHEMA_VERSION}），"
            "请升级 zipin 后再打开；文件未作任何改动。"
        )
    applied = {m.name for m in migrations.applied(store.db)}
    unknown = applied - set(MIGRATION_NAMES)
    if unknown:
        raise StoreError(
            f"数据库包含本程序不认识的结构更新（{', '.join(sorted(unknown))}），可能来自更新版本的 zipin；文件未作任何改动。"
        )
    if version == 0 and not applied:
        tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        if tables:
            raise StoreError(f"{store.path} 不是 zipin 的数据库（其中已有其他表），文件未作任何改动。")


def _migrate(store: Store) -> None:
    """Apply pending migrations under the write lock, so two processes never race on them."""
    with store.write():
        migrations.apply(store.db)
        store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _translate(exc: sqlite3.Error, path: Path | None) -> StoreError:
    text = str(exc).lower()
    where = str(path) if path else "内存数据库"
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StoreError(f"数据库文件已损坏或不是 zipin 的数据库：{where}。文件未作任何改动，可运行 zipin doctor 检查。")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"数据库位于只读位置，无法写入：{where}。请用 --db 指定一个可写的位置。")
    if "unable to open" in text:
        return StoreError(f"无法打开数据库文件：{where}（文件夹不存在或没有权限）。")
    if _is_locked(exc):
        return StoreError(f"数据库正被其他程序长时间占用：{where}，请稍后再试。")
    if "disk" in text and "full" in text or "disk i/o" in text and _disk_full(path):
        return StoreError(f"磁盘已满，无法写入数据库：{where}。")
    if "disk i/o" in text:
        return StoreError(f"读写数据库时磁盘出错：{where}。请检查磁盘，并运行 zipin doctor。")
    return StoreError(f"数据库错误（{exc}）：{where}")


def _disk_full(path: Path | None, spare: int = 1 << 20) -> bool:
    """A «disk I/O error» on a disk with (almost) no room left is a full disk."""
    import shutil

    try:
        return shutil.disk_usage((path or Path(".")).resolve().parent).free < spare
    except OSError:
        return False
