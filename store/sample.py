"""The bundled sample data: a fictional city library and culture centre, 2023–2025.

Written for zipin (not taken from any real report).  The 2025 reading-promotion report keeps
a few typical mistakes on purpose, so the checks have something to show.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .db import Store
from .importer import import_paths
from .paths import default_db_path


def sample_folder() -> Path:
    """Where the installed package keeps the sample reports."""
    return Path(str(resources.files("store").joinpath("sample")))


def sample_files() -> list[Path]:
    return sorted(p for p in sample_folder().iterdir() if p.name.endswith(".txt"))


def load_sample(store: Store) -> int:
    """Import the sample reports (again importing nothing); return how many were added."""
    result = import_paths(store, sample_files())
    return len(result.imported)


def demo_db_path() -> Path:
    return default_db_path().with_name("zipin-demo.db")
