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


def test_healthy_store_is_all_ok(cli, filled: Path) -> None:  # noqa: ANN001
    result = cli("doctor", "--json")
    assert result.code == 0
    data = result.json()
    assert data["ok"] is True
    assert set(_by_name(data)) == {"完整性", "结构版本", "名称索引", "报告结构", "查找索引"}
    assert not any(c["repaired"] for c in data["checks"])


FTS_OF_M001 = (
    "CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs', content_rowid='id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row')",
    "CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN "
    "INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')",
)


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    finally:
        conn.close()


def test_a_store_with_the_old_fts_index_is_upgraded_without_it(cli, filled: Path) -> None:  # noqa: ANN001
    """Search no longer reads the FTS index (m008 drops it): an older store loses it on upgrade,
    keeps every paragraph, and imports into it still work."""
    with open_store(filled) as store:
        paragraphs = store.one("SELECT count(*) AS n FROM paragraphs")["n"]
    _sql(filled, *FTS_OF_M001, "DELETE FROM _sqlite_migrations WHERE name = 'm008_drop_fts'",
         f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    assert "paragraphs_fts" in _tables(filled)
    result = cli("doctor", "--json")
    assert result.code == 0 and _by_name(result.json())["结构版本"]["repaired"] is True
    assert not {"paragraphs_fts", "paragraphs_vocab", "paragraphs_ai"} & _tables(filled)
    with open_store(filled) as store:
        assert store.one("SELECT count(*) AS n FROM paragraphs")["n"] == paragraphs
        assert import_paths(store, [SAMPLE]).skipped  # already there: nothing doubled, nothing broken
        assert store.one("SELECT count(*) AS n FROM paragraphs")["n"] == paragraphs


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
