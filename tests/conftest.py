"""Shared fixtures: a fresh store, the CLI run in process, and the seed reports when present.

The suite tests what ships: the source tree is taken off `sys.path` before any of zipin's
packages is imported, so `extract`, `store`, `checks` and `tui` come from the installed
distribution (`pip install .`), data files included.  `test_packaging.py` fails, saying so, when
they come from the source tree anyway (an editable install).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]

import pytest  # noqa: E402

import checks  # noqa: E402, F401 - imported here, off the source tree, so every later import is the installed one
import extract  # noqa: E402, F401
import store  # noqa: E402, F401
import tui  # noqa: E402, F401
from store.db import Store, open_store  # noqa: E402
from store.sample import sample_folder  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_97dab50193e5e838.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = sample_folder()


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed reports are not here ({SEED}); they are only where ../shared sits beside the project")
    return SEED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "zipin.db"


@pytest.fixture
def store(db_path: Path) -> Store:
    s = open_store(db_path)
    yield s
    s.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self):  # noqa: ANN201
        return json.loads(self.out)


def run_cli(capsys: pytest.CaptureFixture[str], args: list[str]) -> CliResult:
    """`zipin ARGS…` in process: exit code, stdout and stderr."""
    from tui.cli import main

    capsys.readouterr()
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], db_path: Path):  # noqa: ANN201
    """Run `zipin --db <tmp> ARGS…` in process; returns exit code, stdout and stderr."""

    def run(*args: str, db: Path | None = None) -> CliResult:
        return run_cli(capsys, ["--db", str(db or db_path), *args])

    return run
