"""Where the store lives: `--db PATH`, then `ZIPIN_DB`, then the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "zipin"


def default_db_path() -> Path:
    env = os.environ.get("ZIPIN_DB")
    if env:
        return _expanded(env, "ZIPIN_DB")
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "zipin.db"


def cache_dir() -> Path:
    env = os.environ.get("ZIPIN_CACHE")
    if env:
        return _expanded(env, "ZIPIN_CACHE")
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def _expanded(value: str, variable: str) -> Path:
    """`~` and `~user` expanded; a user that does not exist is the user's mistake, said so."""
    try:
        return Path(value).expanduser()
    except RuntimeError:
        from .errors import BadArgument

        raise BadArgument(f"环境变量 {variable} 的路径「{value}」无法展开：系统中没有「{value[1:].split('/')[0]}」这个用户，"
                          "请写完整路径") from None
