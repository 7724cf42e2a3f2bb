"""The app's session closes only the connections no running thread is using: quitting while a
worker still reads the store (suggestions being built) crashed the whole process (closing a
SQLite connection under another thread's query is a segmentation fault)."""

from __future__ import annotations

import threading
from pathlib import Path

from tui.session import Session

from .test_tui import sample_db  # noqa: F401 - the fixture is used by name


def test_closing_leaves_a_running_workers_connection_to_it(sample_db: Path) -> None:  # noqa: F811
    session = Session(sample_db)
    mine = session.store()
    started, release = threading.Event(), threading.Event()
    seen: list[int] = []

    def worker() -> None:
        store = session.store()
        started.set()
        release.wait(10)
        seen.append(store.conn.execute("SELECT count(*) FROM reports").fetchone()[0])  # still open

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait(10)
    session.close()
    release.set()
    thread.join(10)
    assert seen and seen[0] > 0
    try:
        mine.conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - sqlite3.ProgrammingError: the closing thread's own is closed
        assert "closed" in str(exc)
    else:
        raise AssertionError("the closing thread's own connection stayed open")
