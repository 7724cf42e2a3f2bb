"""Writing an export file safely: refuse to overwrite unless asked, write to a temporary file in
the same folder, and rename it into place only once it is complete.

Only a regular file is ever replaced.  A symlink is followed: the file it points to is replaced
and the link stays a link.  Anything else — a device such as /dev/null, a FIFO, a socket — is
refused, with or without --overwrite (a rename over /dev/null as root would destroy it).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from extract.document import Report

from ..errors import ZipinError, os_reason
from .clean import cleaned

FORMATS = ("docx", "md", "txt")


def write_export(report: Report, fmt: str, target: Path, *, overwrite: bool = False,
                 comments: list | None = None) -> Path:  # noqa: ANN001
    """Write `report` as `fmt` to `target`; comments (findings) go into a .docx only."""
    if fmt not in FORMATS:
        raise ZipinError(f"不支持的导出格式「{fmt}」，可选 docx、md、txt", "无法导出")
    shown = target
    target = _destination(target, overwrite)
    folder = target.parent if str(target.parent) else Path(".")
    writer = _writer(fmt, cleaned(comments))
    report = cleaned(report)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise ZipinError(f"无法在 {folder} 写入文件：{os_reason(exc)}", "无法导出") from exc
    os.close(fd)
    try:
        writer(report, Path(tmp))
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; an export is an ordinary file
        _refuse_special(target)  # asked again just before the rename
        os.replace(tmp, target)
    except OSError as exc:
        raise ZipinError(f"写入 {shown} 失败：{os_reason(exc)}", "无法导出") from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return shown


def _destination(target: Path, overwrite: bool) -> Path:
    """Where the file will really be written: `target`, or the file a symlink points to."""
    try:
        info = os.stat(target)  # follows symlinks
    except FileNotFoundError:
        if target.is_symlink():
            raise ZipinError(f"{target} 是一个指向不存在位置的符号链接，已拒绝导出", "无法导出") from None
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise ZipinError(f"文件夹不存在：{folder}", "无法导出") from None
        return target
    except OSError as exc:
        raise ZipinError(f"无法导出到 {target}：{os_reason(exc)}", "无法导出") from exc
    if stat.S_ISDIR(info.st_mode):
        raise ZipinError(f"{target} 是一个文件夹，请给出文件名", "无法导出")
    _refuse_special(target, info)
    if not overwrite:
        raise ZipinError(f"文件已存在：{target}（如要覆盖，请加 --overwrite）", "无法导出")
    return Path(os.path.realpath(target))


def _refuse_special(target: Path, info: os.stat_result | None = None) -> None:
    if info is None:
        try:
            info = os.stat(target)
        except FileNotFoundError:
            return
    if not stat.S_ISREG(info.st_mode):
        raise ZipinError(f"{target} 不是普通文件（而是设备、管道或套接字），导出只会写入或替换普通文件", "无法导出")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _writer(fmt: str, comments: list | None) -> Callable[[Report, Path], None]:  # noqa: ANN001
    if fmt == "docx":
        from .docx_writer import write_docx

        return lambda report, path: write_docx(report, path, comments or [])
    from .plain import to_markdown, to_text

    render = to_markdown if fmt == "md" else to_text
    return lambda report, path: path.write_text(render(report), encoding="utf-8")
