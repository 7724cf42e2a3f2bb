"""Typing the store cannot take (read-only, disk full, damaged) goes to a plain text file, so a
section the user wrote is never lost; the message says where it went."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

import platformdirs

from .errors import StoreError
from .paths import APP


def rescue_dir() -> Path:
    env = os.environ.get("ZIPIN_RESCUE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "rescue"


def rescue_text(draft_id: int, key: str, text: str) -> Path:
    """Write `text` to a new file in the rescue folder, or the temporary folder if that fails."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    name = f"草稿{draft_id}-{key}-{stamp}.txt"
    for folder in (rescue_dir(), Path(tempfile.gettempdir()) / "zipin-rescue"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    raise StoreError("数据库无法写入，另存文字到救援文件夹也失败了；请先复制编辑框中的文字再退出。")
