"""sqlite-utils, imported without numpy and pandas.

sqlite-utils imports numpy (and pandas, where installed) when it is first imported, only to map
their number types to column types when a table is created from their values — which the store
never does.  numpy alone costs some 90 ms, in the worker that opens the store while the first
frame is being drawn.  So while sqlite-utils is imported, and in that thread only, an import of
either is refused; sqlite-utils takes them as absent.  Anything else imports numpy as usual
(the wording index does, on the first search).
"""

from __future__ import annotations

import sys
import threading
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

NOT_FOR_SQLITE_UTILS = frozenset({"numpy", "pandas"})


class _Refuse(MetaPathFinder):
    """Refuse `NOT_FOR_SQLITE_UTILS` to the thread importing sqlite-utils."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()

    def find_spec(self, name: str, path: Any = None,  # noqa: ANN401 - importlib's own signature
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name in NOT_FOR_SQLITE_UTILS and threading.get_ident() == self.thread:
            raise ImportError(f"{name}: not imported with sqlite-utils")
        return None


def _import() -> None:
    if "sqlite_utils.db" in sys.modules:
        return
    refuse = _Refuse()
    sys.meta_path.insert(0, refuse)
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        sys.meta_path.remove(refuse)


_import()

from sqlite_utils import Database  # noqa: E402
from sqlite_utils.migrations import Migrations  # noqa: E402

__all__ = ["Database", "Migrations"]
