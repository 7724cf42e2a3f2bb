"""While another process holds the store's write lock, an autosave keeps the words in a journal
file at once instead of waiting; the next save that reaches the store, or the next opening of
the draft, writes them back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from store.autosave import Outcome, save_words
from store.db import Store
from store.drafts import NewDraft, create_draft, section_text
from store.journal import journal_dir, recover


@pytest.fixture(autouse=True)
def rescue_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZIPIN_RESCUE", str(tmp_path / "rescue"))


@contextmanager
def import_running(db_path: Path) -> Iterator[None]:
    """Another process's write transaction, as a long import holds it."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def _journals(store: Store) -> list[Path]:
    folder = journal_dir(store.path)
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def test_a_busy_store_gets_a_journal_and_the_next_save_clears_it(store: Store, db_path: Path) -> None:
    draft = create_draft(store, NewDraft("测试项目", year=2026))
    with import_running(db_path):
        assert save_words(lambda: store, draft, "2.2", "全年支出88.1万元。") is Outcome.JOURNALLED
        assert save_words(lambda: store, draft, "2.2", "全年支出88.1万元，执行率95%。") is Outcome.JOURNALLED
        assert section_text(store, draft, "2.2") == ""
        assert [p.read_text(encoding="utf-8") for p in _journals(store)][-1] == "全年支出88.1万元，执行率95%。"
    assert save_words(lambda: store, draft, "2.2", "全年支出88.1万元，执行率95.8%。") is Outcome.SAVED
    assert section_text(store, draft, "2.2") == "全年支出88.1万元，执行率95.8%。"
    assert _journals(store) == []


def test_recover_writes_back_the_newest_journal_of_each_section(store: Store, db_path: Path) -> None:
    draft = create_draft(store, NewDraft("测试项目", year=2026))
    other = create_draft(store, NewDraft("另一个项目", year=2026))
    save_words(lambda: store, draft, "3.1", "已保存的文字")
    with import_running(db_path):
        save_words(lambda: store, draft, "2.2", "第一稿")
        save_words(lambda: store, draft, "2.2", "第二稿")
        save_words(lambda: store, draft, "3.1", "已保存的文字")  # the same as stored: nothing to restore
        save_words(lambda: store, other, "2.2", "别的草稿")
    # the process was killed here: the journals are all that hold the newest words
    assert recover(store, draft) == ["2.2"]
    assert section_text(store, draft, "2.2") == "第二稿"
    assert section_text(store, draft, "3.1") == "已保存的文字"
    assert [p.name.split("_")[0] for p in _journals(store)] == [str(other)]  # the other draft's wait
    assert recover(store, draft) == []


def test_journals_belong_to_their_store(tmp_path: Path) -> None:
    from store.db import open_store

    with open_store(tmp_path / "a.db") as a, open_store(tmp_path / "b.db") as b:
        draft_a = create_draft(a, NewDraft("项目", year=2026))
        draft_b = create_draft(b, NewDraft("项目", year=2026))
        assert draft_a == draft_b
        with import_running(tmp_path / "a.db"):
            save_words(lambda: a, draft_a, "2.2", "甲库的文字")
        assert recover(b, draft_b) == []
        assert section_text(b, draft_b, "2.2") == ""
        assert recover(a, draft_a) == ["2.2"]
