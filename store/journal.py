"""A draft section's words that could not reach the store at once — another process (a large
import) held its write lock — wait in a journal file, so a crash meanwhile loses nothing.

Each autosave either writes the store within `QUICK_WAIT` or writes a journal file; a later
save that reaches the store clears the section's journal.  When a draft is opened again, the
newest journal of each section, if it differs from the store, is written back (`recover`).
Journals are kept per store (a hash of its path), so two stores' drafts never mix.  A journal
that cannot be read (not UTF-8, damaged) or names a section the outline lacks is moved aside
(`<name>.unreadable`, same folder's `aside/`) with a notice, never written back, never in the way.
"""

from __future__ import annotations

import contextlib
import hashlib
from datetime import datetime
from pathlib import Path

from extract.outline import load_outline

from .db import Store
from .draft_text import section_text, settle, write_words
from .errors import StoreError
from .rescue import rescue_dir

QUICK_WAIT = 0.1  # seconds an autosave waits for the write lock before journalling instead


def journal_dir(db_path: Path | None) -> Path:
    digest = hashlib.sha256(str(Path(db_path or ":memory:").resolve()).encode()).hexdigest()[:16]
    return rescue_dir() / "journal" / digest


def write_journal(db_path: Path | None, draft_id: int, key: str, text: str) -> Path:
    folder = journal_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{draft_id}_{key}_{datetime.now().strftime('%Y%m%d%H%M%S%f')}.txt"
    tmp = path.with_suffix(".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # a journal file is whole or absent
    return path


def clear_journal(db_path: Path | None, draft_id: int, key: str | None = None) -> None:
    for path in _journals(db_path, draft_id, key):
        with contextlib.suppress(OSError):
            path.unlink()


def recover(store: Store, draft_id: int, notices: list[str] | None = None) -> list[str]:
    """Write back the newest journalled words of each section that differ from the store; return
    the keys written.  A store that still cannot take them keeps its journals for next time.  A
    journal that cannot be used is moved aside; what happened to it is added to `notices`."""
    newest: dict[str, Path] = {}
    for path in _journals(store.path, draft_id):
        key = path.stem.split("_")[1] if path.stem.count("_") >= 2 else ""
        if key not in newest or path.name > newest[key].name:
            newest[key] = path
    restored = []
    try:
        for key, path in sorted(newest.items()):
            text = _readable(store, draft_id, key, path, notices)
            if text is None:
                continue
            if text != section_text(store, draft_id, key):
                write_words(store, draft_id, key, text)
                restored.append(key)
            clear_journal(store.path, draft_id, key)
    except (StoreError, OSError):
        return restored
    return restored


def _readable(store: Store, draft_id: int, key: str, path: Path, notices: list[str] | None) -> str | None:
    """The journal's words, or None (the file moved aside, a notice added) when they cannot be used."""
    known = load_outline().entry(key) is not None or store.one(
        "SELECT 1 FROM sections WHERE report_id = ? AND key = ?", [draft_id, key]) is not None
    if not known:
        why = f"提纲中没有「{key}」这一节"
    else:
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            why = "文件已损坏（不是 UTF-8 文字）"
        except OSError:
            why = "文件无法读取"
    moved = _move_aside(path)
    if notices is not None:
        where = f"已移到 {moved}" if moved else "未能移走"
        notices.append(f"草稿 {draft_id} 的一份日志无法读取：{why}，{where}，未写回草稿。")
    return None


def _move_aside(path: Path) -> Path | None:
    aside = path.parent / "aside"
    try:
        aside.mkdir(exist_ok=True)
        target = aside / f"{path.name}.unreadable"
        path.replace(target)
        return target
    except OSError:
        return None


def reopen(store: Store, draft_id: int, notices: list[str] | None = None) -> list[str]:
    """What opening a draft does first, in the TUI and the CLI alike: write back what a crash
    left in the journal, then finish any indexing a crash cut short.  Returns the keys restored
    from the journal (journals that could not be used are described in `notices`); a past
    report has neither and is left alone."""
    restored = recover(store, draft_id, notices)
    settle(store, draft_id)
    return restored


def _journals(db_path: Path | None, draft_id: int, key: str | None = None) -> list[Path]:
    folder = journal_dir(db_path)
    if not folder.is_dir():
        return []
    prefix = f"{draft_id}_{key}_" if key is not None else f"{draft_id}_"
    return sorted(p for p in folder.glob("*.txt") if p.name.startswith(prefix))
