"""What the TUI's autosave calls: a section's words reach the store within `QUICK_WAIT`, or a
journal file when another process holds the write lock, or a rescue file when the store
refuses them outright (read-only, disk full, damaged) — never nowhere."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from .db import Store
from .draft_text import index_words, write_words
from .errors import StoreBusy, StoreError
from .journal import QUICK_WAIT, clear_journal, write_journal
from .rescue import rescue_text


class Outcome(Enum):
    SAVED = "saved"  # in the store
    JOURNALLED = "journalled"  # in a journal file until a later save reaches the store


def save_words(store: Callable[[], Store], draft_id: int, key: str, text: str,
               wait: float = QUICK_WAIT) -> Outcome:
    """Write a section's words; `store` gives the connection (opening it may fail too).
    Raises StoreError, naming the rescue file, when the store refuses them."""
    try:
        connection = store()
        try:
            write_words(connection, draft_id, key, text, wait=wait)
        except StoreBusy:
            try:
                write_journal(connection.path, draft_id, key, text)
                return Outcome.JOURNALLED
            except OSError:  # no journal either: wait for the store after all
                write_words(connection, draft_id, key, text)
        clear_journal(connection.path, draft_id, key)
        return Outcome.SAVED
    except StoreError as exc:
        where = rescue_text(draft_id, key, text)
        raise StoreError(f"{exc.message}\n这一节的文字已另存到：{where}", "未能保存") from exc


def index_now(store: Callable[[], Store], draft_id: int, key: str, wait: float = QUICK_WAIT) -> bool:
    """Index the words just saved; False when the store is busy or refuses (try again later;
    `settle` does it at the latest when the draft is opened again)."""
    try:
        index_words(store(), draft_id, key, wait=wait)
    except StoreError:
        return False
    return True
