"""`zipin doctor`: finds what is wrong with a store, rebuilds derived data, never touches the rest."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store.db import open_store
from store.importer import import_paths
from store.schema import SCHEMA_VERSION

from .conftest import SAMPLE

UNIQUE = "古籍"


@pytest.fixture
def filled(db_path: Path) -> Path:
    with open_store(db_path) as store:
        import_paths(store, [SAMPLE])
    return db_path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _by_name(data: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {c["name"]: c for c in data["checks"]}


def _fts_finds(store, text: str) -> list:  # noqa: ANN001 - the FTS index itself (search does not use it)
    return store.query("SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ?", [f'"{text}"'])


def test_healthy_store_is_all_ok(cli, filled: Path) -> None:  # noqa: ANN001
    result = cli("doctor", "--json")
    assert result.code == 0
    data = result.json()
    assert data["ok"] is True
    assert set(_by_name(data)) == {"完整性", "结构版本", "全文索引", "名称索引", "报告结构", "查找索引"}
    assert not any(c["repaired"] for c in data["checks"])


def test_fts_out_of_step_is_found_and_rebuilt(cli, filled: Path) -> None:  # noqa: ANN001
    with open_store(filled) as store:
        hits = [r for r in store.query("SELECT id, text FROM paragraphs") if UNIQUE in r["text"]]
        assert hits
        for row in hits:  # drop them from the index only, as a crash in an old SQLite might
            store.conn.execute(
                "INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', ?, ?)",
                [row["id"], row["text"]],
            )
        store.conn.commit()
        assert _fts_finds(store, UNIQUE + "扫描") == []

    checked = cli("doctor", "--check-only", "--json")
    assert checked.code == 1
    assert _by_name(checked.json())["全文索引"]["ok"] is False

    repaired = cli("doctor", "--json")
    assert repaired.code == 0
    assert _by_name(repaired.json())["全文索引"] == {
        "name": "全文索引", "ok": True, "detail": "已重建全文索引", "repaired": True, "busy": False}
    with open_store(filled) as store:
        assert _fts_finds(store, UNIQUE + "扫描")
    assert cli("doctor", "--check-only", "--json").code == 0


def test_names_index_is_rebuilt(cli, filled: Path) -> None:  # noqa: ANN001
    with open_store(filled) as store:
        before = store.one("SELECT count(*) AS n FROM names")["n"]
    _sql(filled, "DELETE FROM names")
    result = cli("doctor", "--json")
    assert result.code == 0
    assert _by_name(result.json())["名称索引"]["repaired"] is True
    with open_store(filled) as store:
        assert store.one("SELECT count(*) AS n FROM names")["n"] == before


def test_report_without_sections_is_named_not_deleted(cli, filled: Path) -> None:  # noqa: ANN001
    _sql(filled, "PRAGMA foreign_keys = OFF",
         "DELETE FROM sections WHERE report_id = (SELECT min(id) FROM reports)")
    result = cli("doctor", "--json")
    assert result.code == 1
    check = _by_name(result.json())["报告结构"]
    assert check["ok"] is False and "重新导入" in check["detail"]
    with open_store(filled) as store:
        assert store.one("SELECT count(*) AS n FROM reports")["n"] == 6


def test_older_store_is_upgraded(cli, filled: Path) -> None:  # noqa: ANN001
    _sql(filled, "ALTER TABLE paragraphs DROP COLUMN tokens",
         "DELETE FROM _sqlite_migrations WHERE name = 'm003_tokens'",
         f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    checked = cli("doctor", "--check-only", "--json")
    assert checked.code == 1
    assert "需升级" in _by_name(checked.json())["结构版本"]["detail"]

    result = cli("doctor", "--json")
    assert result.code == 0
    assert _by_name(result.json())["结构版本"]["repaired"] is True
    with open_store(filled) as store:
        assert store.one("PRAGMA user_version")["user_version"] == SCHEMA_VERSION
        assert store.one("SELECT count(*) AS n FROM paragraphs WHERE tokens = ''")["n"] == 0


def test_newer_store_is_refused_untouched(cli, filled: Path) -> None:  # noqa: ANN001
    _sql(filled, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = filled.read_bytes()
    result = cli("doctor")
    assert result.code == 1
    assert "请升级 zipin" in result.out
    assert filled.read_bytes() == before


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_damaged_file_is_diagnosed_untouched(cli, filled: Path, damage: str) -> None:  # noqa: ANN001
    _sql(filled, "PRAGMA wal_checkpoint(TRUNCATE)")
    data = filled.read_bytes()
    filled.write_bytes(b"\x00garbage" * 512 if damage == "garbage" else data[: len(data) // 3])
    before = filled.read_bytes()
    result = cli("doctor", "--json")
    assert result.code == 1
    assert result.json()["ok"] is False
    assert "Traceback" not in result.err
    assert filled.read_bytes() == before
    # and every other command says so in Chinese, without a traceback
    listing = cli("reports", db=filled)
    assert listing.code == 1 and listing.err.startswith("错误：") and "Traceback" not in listing.err
    assert filled.read_bytes() == before


def test_missing_store_is_not_created(cli, tmp_path: Path) -> None:  # noqa: ANN001
    missing = tmp_path / "nowhere.db"
    result = cli("doctor", db=missing)
    assert result.code == 1
    assert "不存在" in result.out
    assert not missing.exists()
