"""Where the store lives: `--db PATH`, then `ZIPIN_DB`, then the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "zipin"


def default_db_path() -> Path:
    env = os.environ.get("ZIPIN_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "zipin.db"


def cache_dir() -> Path:
    env = os.environ.get("ZIPIN_CACHE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))
