"""Quitting straight after typing keeps the typing: the installed `zipin` in a pseudo-terminal,
Ctrl+A, then new words and Ctrl+Q sent in one burst (as a quick hand or a paste does), then the
store read.  A new user lost a rewritten section this way (the quit ran before the editor had
taken the keys typed just before it)."""

from __future__ import annotations

import json
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


def _answers(db: Path) -> dict[str, tuple[str, int]]:
    with open_store(db) as store:
        draft = find_draft(store, TITLE, 2026)
        return {r["key"]: (r["text"], r["confirmed"]) for r in store.query(
            "SELECT key, text, confirmed FROM answers WHERE report_id = ?", [draft])}


def _store_with_draft(tmp_path: Path) -> Path:
    db = tmp_path / "a.db"
    for args in (["demo", "--no-tui"], ["draft", "--title", TITLE, "--year", "2026", "--from", f"{TITLE}@2025",
                                        "--no-tui"]):
        subprocess.run([*ZIPIN, "--db", str(db), *args], env=env(tmp_path), check=True, capture_output=True)
    return db


def _open_facts(tmp_path: Path) -> tuple[Path, Terminal]:
    db = _store_with_draft(tmp_path)
    term = Terminal(["--db", str(db), "draft", "--title", TITLE, "--year", "2026"], tmp_path)
    term.see("今年项目全年预算多少", timeout=60)
    term.see("待处理", timeout=60)
    return db, term


ANSWER = "全年预算92万元，其中财政拨款86万元、上年结转6万元"


def test_a_confirmed_answer_stays_confirmed_however_its_saves_interleave(tmp_path: Path) -> None:
    """Typed key by key, each keystroke starts a save; the confirming Enter's save must not be
    overtaken by a late save of a half-typed text (the store said 0 项 while the screen said 已确认)."""
    db, term = _open_facts(tmp_path)
    for ch in ANSWER:
        os.write(term.fd, ch.encode())
    os.write(term.fd, b"\r\r")  # read back and confirmed at once, as a quick hand does
    term.see("已确认：")
    term.see("基本数据 1 项", timeout=30)
    term.press("ctrl+q")
    assert term.wait_exit(30) == 0
    assert _answers(db)["budget"] == (ANSWER, 1)


def test_quit_at_once_after_typing_an_answer_keeps_it(tmp_path: Path) -> None:
    db, term = _open_facts(tmp_path)
    os.write(term.fd, (ANSWER + "\x11").encode())  # the answer and Ctrl+Q in one burst
    assert term.wait_exit(30) == 0
    assert _answers(db)["budget"] == (ANSWER, 0)


def test_quit_at_once_after_typing_on_the_cover_keeps_it(tmp_path: Path) -> None:
    db = _store_with_draft(tmp_path)
    with open_store(db) as store:
        draft = find_draft(store, TITLE, 2026)
    term = Terminal(["--db", str(db), "draft", "--title", TITLE, "--year", "2026", "--section", "cover"], tmp_path)
    term.see("年度", timeout=60)
    term.see("待处理", timeout=60)
    os.write(term.fd, ("（修订）" + "\x11").encode())  # typed into the first field, then Ctrl+Q, in one burst
    assert term.wait_exit(30) == 0
    with open_store(db) as store:
        row = store.one("SELECT cover FROM reports WHERE id = ?", [draft])
    assert any(value.endswith("（修订）") for value in json.loads(row["cover"]).values())
