"""Quitting straight after typing keeps the typing: the installed `zipin` in a pseudo-terminal,
Ctrl+A, then new words and Ctrl+Q sent in one burst (as a quick hand or a paste does), then the
store read.  A new user lost a rewritten section this way (the quit ran before the editor had
taken the keys typed just before it)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from store.db import open_store
from store.drafts import find_draft

from .processes import ZIPIN, Terminal, env

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a POSIX pseudo-terminal")

TITLE = "全民阅读推广专项经费"
NEW = "本项目无其他需要说明的问题。"


def _section(db: Path, key: str) -> str:
    with open_store(db) as store:
        draft = find_draft(store, TITLE, 2026)
        row = store.one("SELECT text FROM sections WHERE report_id = ? AND key = ?", [draft, key])
        return row["text"] if row else ""


@pytest.mark.parametrize("select_all", [True, False], ids=["select all, type, quit", "type, quit"])
def test_quit_at_once_after_typing_keeps_every_keystroke(tmp_path: Path, select_all: bool) -> None:
    db = tmp_path / "q.db"
    for args in (["demo", "--no-tui"], ["draft", "--title", TITLE, "--year", "2026", "--from", f"{TITLE}@2025",
                                        "--no-tui"]):
        subprocess.run([*ZIPIN, "--db", str(db), *args], env=env(tmp_path), check=True, capture_output=True)
    before = _section(db, "5.3")
    assert before and NEW not in before
    term = Terminal(["--db", str(db), "draft", "--title", TITLE, "--year", "2026", "--section", "5.3"], tmp_path)
    term.see("待处理", timeout=60)  # loaded and checked
    term.see(before[:12])  # the editor shows last year's words: the user acts on what is shown
    if select_all:
        term.press("ctrl+a", pause=0.3)
    os.write(term.fd, (NEW + "\x11").encode())  # the words and Ctrl+Q in one burst
    assert term.wait_exit(30) == 0
    after = _section(db, "5.3")
    expected = NEW if select_all else before + NEW
    assert after == expected
