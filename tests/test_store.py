"""Opening the store: WAL, migrations, where it lives, and files that are not our store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store.db import open_store
from store.errors import StoreError
from store.paths import default_db_path
from store.schema import SCHEMA_VERSION


def test_new_store_is_wal_and_migrated(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.one("PRAGMA journal_mode")["journal_mode"] == "wal"
        assert store.one("PRAGMA user_version")["user_version"] == SCHEMA_VERSION
        names = {r["name"] for r in store.query("SELECT name FROM sqlite_master")}
        assert {"reports", "sections", "paragraphs", "indicators", "facts"} <= names
        assert "paragraphs_fts" not in names  # search has its own index (m008)
    with open_store(db_path) as again:  # reopening applies nothing twice
        assert again.one("SELECT count(*) AS n FROM _sqlite_migrations")["n"] == SCHEMA_VERSION


def test_store_from_a_newer_zipin_is_refused_untouched(db_path: Path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="更新版本"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_garbage_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not sqlite at all " * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="已损坏"):
        open_store(path)
    assert path.read_bytes() == before


def test_someone_elses_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="不是 zipin 的数据库"):
        open_store(path)


def test_location_from_env_then_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ZIPIN_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    monkeypatch.delenv("ZIPIN_DB")
    assert default_db_path().name == "zipin.db"
    assert "zipin" in str(default_db_path().parent)


def test_cli_uses_zipin_db_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from tui.cli import main

    target = tmp_path / "from-env.db"
    monkeypatch.setenv("ZIPIN_DB", str(target))
    main(["reports", "--json"])
    assert capsys.readouterr().out.strip() == "[]"
    assert target.exists()


def test_cli_reports_damaged_store_without_traceback(cli, tmp_path: Path) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 512)
    result = cli("reports", db=bad)
    assert result.code == 1
    assert result.err.startswith("错误：数据库文件已损坏")
    assert "Traceback" not in result.err
