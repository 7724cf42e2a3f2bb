"""A draft section's words that could not reach the store at once — another process (a large
import) held its write lock — wait in a journal file, so a crash meanwhile loses nothing.

Each autosave either writes the store within `QUICK_WAIT` or writes a journal file; a later
save that reaches the store clears the section's journal.  When a draft is opened again, the
newest journal of each section, if it differs from the store, is written back (`recover`).
Journals are kept per store (a hash of its path), so two stores' drafts never mix.
"""

from __future__ import annotations

import contextlib
import hashlib
from datetime import datetime
from pathlib import Path

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


def recover(store: Store, draft_id: int) -> list[str]:
    """Write back the newest journalled words of each section that differ from the store; return
    the keys written.  A store that still cannot take them keeps its journals for next time."""
    newest: dict[str, Path] = {}
    for path in _journals(store.path, draft_id):
        key = path.stem.split("_")[1]
        if key not in newest or path.name > newest[key].name:
            newest[key] = path
    restored = []
    try:
        for key, path in sorted(newest.items()):
            text = path.read_text(encoding="utf-8")
            if text != section_text(store, draft_id, key):
                write_words(store, draft_id, key, text)
                restored.append(key)
            clear_journal(store.path, draft_id, key)
    except (StoreError, OSError):
        return restored
    return restored


def reopen(store: Store, draft_id: int) -> list[str]:
    """What opening a draft does first, in the TUI and the CLI alike: write back what a crash
    left in the journal, then finish any indexing a crash cut short.  Returns the keys restored
    from the journal; a past report has neither and is left alone."""
    restored = recover(store, draft_id)
    settle(store, draft_id)
    return restored


def _journals(db_path: Path | None, draft_id: int, key: str | None = None) -> list[Path]:
    folder = journal_dir(db_path)
    if not folder.is_dir():
        return []
    prefix = f"{draft_id}_{key}_" if key is not None else f"{draft_id}_"
    return sorted(p for p in folder.glob("*.txt") if p.name.startswith(prefix))
