"""kill -9, as a power cut or a frozen terminal would: real zipin processes, killed mid-work."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from store.db import open_store
from store.drafts import section_text
from store.importer import import_paths

from .conftest import SAMPLE
from .processes import Terminal, start
from .report_builder import numbered_copies

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a POSIX pseudo-terminal")

TYPED = "由阅读推广部负责组织实施，全年开展阅读活动126场。"
SAVE_BOUND = 0.5  # seconds of typing a crash may lose


def _sample_store(tmp_path: Path) -> Path:
    db = tmp_path / "zipin.db"
    with open_store(db) as store:
        import_paths(store, [SAMPLE])
    return db


def _open_draft(db: Path, tmp_path: Path) -> Terminal:
    term = Terminal(["--db", str(db), "draft", "--title", "社区阅读推广项目", "--year", "2026",
                     "--unit", "青川市图书馆", "--section", "3.1"], tmp_path)
    term.wait_for("项目组织情况分析")
    term.read(0.5)
    return term


def _draft_text(db: Path, key: str = "3.1") -> str:
    with open_store(db) as store:
        row = store.one("SELECT id FROM reports WHERE kind = 'draft' AND title = '社区阅读推广项目'")
        return section_text(store, row["id"], key) if row else ""


def test_kill_9_after_typing_loses_at_most_half_a_second(tmp_path: Path) -> None:
    db = _sample_store(tmp_path)
    term = _open_draft(db, tmp_path)
    term.type(TYPED)
    term.read(SAVE_BOUND)
    term.kill()
    assert _draft_text(db) == TYPED


def test_kill_9_while_still_typing_loses_only_the_last_half_second(tmp_path: Path) -> None:
    db = _sample_store(tmp_path)
    term = _open_draft(db, tmp_path)
    text = TYPED * 2  # about 1.6 s of steady typing, killed straight after the last keystroke
    sent = term.type(text)
    killed = term.kill()
    saved = _draft_text(db)
    must_have = text[:sum(1 for t in sent if t < killed - SAVE_BOUND)]
    assert len(must_have) > len(TYPED)
    assert saved.startswith(must_have)
    assert text.startswith(saved)


def test_kill_9_while_an_import_holds_the_store_loses_nothing(tmp_path: Path, cli,  # noqa: ANN001
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from .test_journal import import_running

    db = _sample_store(tmp_path)
    term = _open_draft(db, tmp_path)
    with import_running(db):  # another process's long write transaction
        term.type(TYPED)
        term.read(SAVE_BOUND)
        term.kill()
        assert _draft_text(db) == ""  # the store could not take it…
    # …the journal did: the next opening of the draft writes it back
    monkeypatch.setenv("ZIPIN_RESCUE", str(tmp_path / "rescue"))
    shown = cli("show", "社区阅读推广项目@2026", "--json", db=db)
    assert shown.code == 0
    assert _draft_text(db) == TYPED


FILES, PER_FILE = 24, 12


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(FILES):
        (folder / f"批次{i:02d}.txt").write_text(numbered_copies(PER_FILE, i * PER_FILE), encoding="utf-8")
    return folder


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_kill_9_during_a_large_import_leaves_whole_files(tmp_path: Path) -> None:
    db = tmp_path / "zipin.db"
    folder = _corpus(tmp_path)
    proc = start(["--db", str(db), "import", str(folder)], tmp_path)
    deadline = time.monotonic() + 60
    while _count(db) < 3 * PER_FILE and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.kill()
    proc.wait()
    assert 0 < _count(db) < FILES * PER_FILE, "the kill should land mid-import"

    with open_store(db) as store:
        assert store.one("PRAGMA integrity_check")["integrity_check"] == "ok"
        files = store.query("SELECT f.id, f.reports, count(r.id) AS held FROM files f "
                            "LEFT JOIN reports r ON r.file_id = f.id GROUP BY f.id")
        assert files and all(f["reports"] == f["held"] == PER_FILE for f in files)
        assert store.one("SELECT count(*) AS n FROM reports r WHERE NOT EXISTS "
                         "(SELECT 1 FROM sections s WHERE s.report_id = r.id)")["n"] == 0
        assert store.one("SELECT count(*) AS n FROM reports WHERE file_id IS NULL")["n"] == 0
        result = import_paths(store, [folder])  # importing again finishes the job
        assert not result.errors
        assert len(result.skipped) == len(files)
        assert store.one("SELECT count(*) AS n FROM reports")["n"] == FILES * PER_FILE
