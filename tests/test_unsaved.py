"""`tui.unsaved.Unsaved`: whichever save runs writes the newest value; a value replaced while it
was being written stays for the next save; a failed write loses nothing."""

from __future__ import annotations

import threading

import pytest

from tui.unsaved import Unsaved


def test_a_later_flush_writes_only_what_is_newer() -> None:
    unsaved: Unsaved[str, str] = Unsaved(threading.Lock())
    written: list[tuple[str, str]] = []
    unsaved.put("budget", "全年预算9")
    unsaved.put("budget", "全年预算92万元")
    assert unsaved.flush(lambda k, v: written.append((k, v))) == ["全年预算92万元"]
    assert not unsaved and unsaved.flush(lambda k, v: written.append((k, v))) == []
    assert written == [("budget", "全年预算92万元")]


def test_a_value_replaced_during_its_write_stays_unsaved() -> None:
    unsaved: Unsaved[str, str] = Unsaved(threading.Lock())
    written: list[str] = []

    def write(key: str, value: str) -> None:
        written.append(value)
        if value == "old":
            unsaved.put(key, "new")  # typed while the old text was being written

    unsaved.put("budget", "old")
    unsaved.flush(write)
    assert unsaved
    unsaved.flush(write)
    assert written == ["old", "new"] and not unsaved


def test_a_failed_write_keeps_the_value() -> None:
    unsaved: Unsaved[str, str] = Unsaved(threading.Lock())
    unsaved.put("budget", "全年预算92万元")

    def refuse(key: str, value: str) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        unsaved.flush(refuse)
    assert unsaved.flush(lambda k, v: None) == ["全年预算92万元"]
