"""What a screen has changed and not yet written, newest first.

A screen hands its saves to worker threads, and those run in no set order: a save of an older
state that lands after a newer one undoes it (a half-typed answer saved late unconfirmed the
answer confirmed after it).  So a save carries no state of its own: the screen puts its newest
value here, and whichever worker holds the lock writes what is newest then.  A value leaves
only once written, and only if nothing newer replaced it meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Unsaved(Generic[K, V]):
    def __init__(self, lock: threading.Lock) -> None:
        self._lock = lock
        self._values: dict[K, V] = {}

    def put(self, key: K, value: V) -> None:
        self._values[key] = value

    def __bool__(self) -> bool:
        return bool(self._values)

    def flush(self, write: Callable[[K, V], None]) -> list[V]:
        """Write every newest value under the lock; return those written.  If `write` raises,
        what was not written stays, for the next flush."""
        written: list[V] = []
        with self._lock:
            for key, value in list(self._values.items()):
                write(key, value)
                written.append(value)
                if self._values.get(key) is value:
                    del self._values[key]
        return written
