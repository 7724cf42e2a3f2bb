"""The wording index of a store: held in memory per store file, saved next to it
(`<store>-wordings.npz`) and rebuilt when the store's search epoch or last paragraph id no
longer match — so an import, a deletion or a repair is seen by the next search, and a new
process (the CLI, the TUI's first lookup) loads it instead of building it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import numpy as np

from .build import Wordings, build

FORMAT = 3
_LOCK = threading.Lock()
_HELD: dict[str, Wordings] = {}
_ARRAYS = ("chars", "gram_keys", "gram_starts", "gram_docs", "grams", "char_starts", "char_docs", "newest", "top", "spread", "member_starts", "paragraph",
           "wording", "report", "year", "section", "unit", "title")
_LISTS = ("texts", "sections", "units", "titles")


def signature(store: Any) -> tuple[int, int]:  # noqa: ANN401 - a Store
    return signature_of(store.conn)


def signature_of(conn: sqlite3.Connection) -> tuple[int, int]:
    """(search epoch, max paragraph id): what the index was built from."""
    epoch = conn.execute("SELECT n FROM search_epoch WHERE id = 1").fetchall()  # all: no statement left open
    last = conn.execute("SELECT max(id) FROM paragraphs").fetchall()
    return int(epoch[0][0] if epoch else 0), int(last[0][0] or 0)


def saved_state(path: Path | str, conn: sqlite3.Connection) -> str:
    """The saved index against the store (for doctor): «missing», «current», «stale» (the store
    has changed since; the next search rebuilds it) or «damaged» (unreadable, or not holding
    the store's past paragraphs at the state it claims)."""
    saved = saved_path(path)
    if not saved.exists():
        return "missing"
    current = signature_of(conn)
    try:
        with np.load(saved, allow_pickle=False) as data:
            header = [int(x) for x in data["header"]]
            held = len(data["paragraph"])
    except (OSError, ValueError, KeyError, EOFError, TypeError, IndexError):
        return "damaged"
    if header[:3] != [FORMAT, *current]:
        return "stale"
    past = conn.execute("SELECT count(*) FROM paragraphs p JOIN reports r ON r.id = p.report_id "
                        "WHERE r.kind = 'past'").fetchone()[0]
    return "current" if past == held and _load(saved, current) is not None else "damaged"


def wordings_of(store: Any) -> Wordings:  # noqa: ANN401 - store.db.Store
    """The store's wording index, up to date."""
    current = signature(store)
    if store.path is None:  # an in-memory store: held on the store itself
        held = getattr(store, "_wordings", None)
        if held is None or held.signature != current:
            held = store._wordings = _build(store, current)
        return held
    key = getattr(store, "_wordings_key", None) or _key(store)
    with _LOCK:
        held = _HELD.get(key)
        if held is None or held.signature != current:
            held = _load(saved_path(store.path), current) or _save(_build(store, current), saved_path(store.path))
            _HELD[key] = held
        return held


def _key(store: Any) -> str:  # noqa: ANN401
    store._wordings_key = str(Path(store.path).resolve())
    return store._wordings_key


def saved_path(path: Path | str) -> Path:
    path = Path(path)
    return path.with_name(path.name + "-wordings.npz")


def drop_saved(path: Path | str) -> None:
    """Forget the saved index (doctor's repair): the next search rebuilds it."""
    with _LOCK:
        _HELD.pop(str(Path(path).resolve()), None)
        with contextlib.suppress(OSError):
            saved_path(path).unlink()


def _build(store: Any, current: tuple[int, int]) -> Wordings:  # noqa: ANN401
    rows = store.conn.execute("""
        SELECT p.id, p.report_id, p.section_key, p.masked, r.year, r.unit, r.title
        FROM paragraphs p JOIN reports r ON r.id = p.report_id WHERE r.kind = 'past'""")
    return build(rows, current)


def _save(index: Wordings, path: Path) -> Wordings:
    """Written to a temporary file and moved into place; a store in a read-only folder simply
    rebuilds its index in each process."""
    arrays = {name: getattr(index, name) for name in _ARRAYS}
    lists = {name: np.frombuffer("\x00".join(getattr(index, name)).encode(), dtype=np.uint8) for name in _LISTS}
    counts = np.asarray([FORMAT, *index.signature, *(len(getattr(index, n)) for n in _LISTS)], dtype=np.int64)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            np.savez(fh, header=counts, **arrays, **lists)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return index


def _load(path: Path, current: tuple[int, int]) -> Wordings | None:
    """The saved index if it is of this format and this state of the store; else None."""
    try:
        with np.load(path, allow_pickle=False) as data:
            header = [int(x) for x in data["header"]]
            if header[:3] != [FORMAT, *current]:
                return None
            lists = {name: _strings(bytes(data[name]), n) for name, n in zip(_LISTS, header[3:], strict=True)}
            return Wordings(current, **{name: data[name] for name in _ARRAYS}, **lists)
    except (OSError, ValueError, KeyError, EOFError, TypeError):
        return None


def _strings(raw: bytes, count: int) -> list[str]:
    out = raw.decode().split("\x00") if count else []
    if len(out) != count:
        raise ValueError("saved wording index does not hold what its header says")
    return out
