"""The bare `zipin` opens the terminal interface without loading the CLI; everything else is the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.launch import bare_db


@pytest.mark.parametrize(("args", "expected"), [
    ([], None),
    (["--db", "x.db"], Path("x.db")),
    (["--db"], False),
    (["reports"], False),
    (["--db", "x.db", "reports"], False),
    (["--db", "--json"], False),
    (["-h"], False),
])
def test_only_the_bare_command_takes_the_fast_path(args: list[str], expected: object) -> None:
    assert bare_db(args) == expected


def test_the_fast_path_loads_neither_click_nor_the_store() -> None:
    code = ("import sys; import tui.launch, tui.app, tui.screens.home; "
            "bad = sorted({m.split('.')[0] for m in sys.modules} & {'click', 'sqlite_utils', 'jieba', 'rapidfuzz', "
            "'pypinyin', 'docx'}); print(','.join(bad)); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_opening_the_store_does_not_load_numpy_which_still_loads_when_asked() -> None:
    """sqlite-utils would import numpy (90 ms) for nothing the store does; the wording index
    still imports it for real."""
    code = ("import sys, tempfile, pathlib; from store.db import open_store; "
            "s = open_store(pathlib.Path(tempfile.mkdtemp()) / 'z.db'); s.close(); "
            "first = 'numpy' in sys.modules; import sqlite_utils.db as d; "
            "import numpy; from store.wordings import build; "
            "print(first, d.np is None, numpy.zeros(2).sum() == 0)")
    proc = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True", "True"]
