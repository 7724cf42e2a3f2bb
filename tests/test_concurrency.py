"""Several zipin processes on one store: the TUI being typed into while two imports run, one of
them over the same files as the other. Everyone finishes, nothing is lost or doubled, and no
«database is locked» reaches anyone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from store.db import open_store

from .processes import Terminal, start
from .report_builder import numbered_copies
from .test_crash import SAVE_BOUND, _draft_text, _sample_store

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a POSIX pseudo-terminal")

LOCK_WORDS = ("locked", "busy", "占用", "Traceback")


def _folder(root: Path, name: str, first: int, files: int, per_file: int = 8) -> Path:
    folder = root / name
    folder.mkdir()
    for i in range(files):
        start_at = first + i * per_file
        (folder / f"{name}{i:02d}.txt").write_text(numbered_copies(per_file, start_at), encoding="utf-8")
    return folder


def test_tui_and_two_imports_on_one_store(tmp_path: Path) -> None:
    db = _sample_store(tmp_path)
    own = _folder(tmp_path, "甲", 0, 10)
    other = _folder(tmp_path, "乙", 1000, 10)
    shared = _folder(tmp_path, "共用", 2000, 6)

    term = Terminal(["--db", str(db), "draft", "--title", "社区阅读推广项目", "--year", "2026",
                     "--section", "3.1"], tmp_path)
    term.wait_for("项目组织情况分析")
    importers = [start(["--db", str(db), "import", str(own), str(shared), "--json"], tmp_path),
                 start(["--db", str(db), "import", str(shared), str(other), "--json"], tmp_path)]
    typed = ""
    while any(p.poll() is None for p in importers):
        chunk = "阅读推广活动覆盖全市各社区，"
        term.type(chunk)
        typed += chunk
    outputs = [p.communicate(timeout=120) for p in importers]
    term.read(SAVE_BOUND)
    screen = term.output.decode("utf-8", errors="replace")
    term.kill()

    assert [p.returncode for p in importers] == [0, 0], [err for _, err in outputs]
    for out, err in outputs:
        assert json.loads(out)["errors"] == []
        assert not any(word in err for word in LOCK_WORDS), err
    assert not any(word in screen for word in LOCK_WORDS)
    assert len(typed) > 20, "the typing should overlap the imports"
    assert _draft_text(db) == typed
    with open_store(db) as store:
        titles = [(r["title"], r["year"]) for r in store.query("SELECT title, year FROM reports WHERE kind = 'past'")]
        assert len(titles) == len(set(titles)) == 6 + (10 + 10 + 6) * 8
        assert store.one("PRAGMA integrity_check")["integrity_check"] == "ok"
