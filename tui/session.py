"""The app's view of one store, with no widgets: one store connection per thread, and the draft
operations the screens call from their workers (so no database work runs on the UI thread)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from extract.outline import Outline, load_outline

if TYPE_CHECKING:  # the store (sqlite-utils) is opened in a worker, after the first frame
    from store.db import Store

STEPS_BEFORE = ("cover", "facts")  # the walk starts with the cover and the key facts
STEP_TITLES = {"cover": "封面", "facts": "基本数据"}


class Session:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[tuple[threading.Thread, Store]] = []
        self.save_lock = threading.Lock()  # one write at a time from this app

    def store(self) -> Store:
        """This thread's connection (a SQLite connection must stay in the thread that opened it)."""
        store = getattr(self._local, "store", None)
        if store is None:
            from store.db import open_store

            store = open_store(self.db_path)
            self._local.store = store
            with self._lock:
                self._all.append((threading.current_thread(), store))
        return store

    def close(self) -> None:
        """Close this thread's connection and those of threads that have ended.  A worker still
        running (suggestions being computed as the user quits) keeps its own: closing a SQLite
        connection another thread is reading crashes the process; it closes when its thread ends."""
        with self._lock:
            for thread, store in self._all:
                if thread is threading.current_thread() or not thread.is_alive():
                    store.close()
            self._all.clear()


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    question: str
    hint: str = ""
    short: str = ""
    is_table: bool = False  # the outline's 附表 part: edited on the 附表 screen

    @property
    def is_section(self) -> bool:
        return self.key not in STEPS_BEFORE and not self.is_table


def walk_steps(outline: Outline | None = None) -> list[Step]:
    """The walk's steps: the cover, the key facts, then every section of `outline` (a draft's
    `outline_of(report)`; the default outline when none is given)."""
    steps = [Step("cover", "封面", "项目名称、实施单位、主管部门、项目负责人和填报时间。", short="封面"),
             Step("facts", "基本数据", "先回答几个关于今年数字的问题，后面各节会用到。", short="基本数据")]
    for entry in (outline or load_outline()).leaves:
        steps.append(Step(entry.key, entry.title, entry.question, entry.hint, entry.short, entry.table))
    return steps


def step(key: str) -> Step:
    return next(s for s in walk_steps() if s.key == key)
