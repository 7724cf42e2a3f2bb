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
