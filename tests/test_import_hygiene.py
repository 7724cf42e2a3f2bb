"""The core packages never import textual or rich (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "extract", "extract.reader", "extract.tables", "extract.docx_reader",
    "store", "store.db", "store.importer", "store.search", "store.reports",
    "checks",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual_or_rich(module: str) -> None:
    code = (
        f"import importlib, sys; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, f"{module} pulled in: {proc.stdout} {proc.stderr}"


def test_extract_imports_nothing_of_ours() -> None:
    code = (
        "import importlib, sys, pkgutil, extract; "
        "[importlib.import_module('extract.' + m.name) for m in pkgutil.iter_modules(extract.__path__)]; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('store', 'checks', 'tui')); "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
