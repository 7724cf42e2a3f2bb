"""Store generations: a value per kind of store-wide data that changes whenever that data does
(triggers of migration m006), so a long-lived session can keep what it works out from the whole
store — the name automaton of the names check — and rebuild it only when the store changed."""

from __future__ import annotations

import sqlite3
from typing import Any

from .errors import StoreError

NAMES = "names"  # the names index, and the reports' titles and units


def generation(store: Any, name: str = NAMES) -> int | None:
    """The store's current generation of `name`; None for a store without generations (inside an
    older migration), which then caches nothing."""
    try:
        row = store.one("SELECT value FROM generations WHERE name = ?", [name])
    except (sqlite3.Error, StoreError):  # no such table: checked all the same, uncached
        return None
    return None if row is None else int(row["value"])
