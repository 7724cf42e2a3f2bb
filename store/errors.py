"""One exception base for zipin: a Chinese message for the user, and a short title.

The CLI prints `message` to stderr and exits non-zero; the TUI shows it in a modal.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from extract.errors import InputError


class ZipinError(Exception):
    def __init__(self, message: str, title: str = "出错了") -> None:
        super().__init__(message)
        self.message = message
        self.title = title


class StoreError(ZipinError):
    """The store cannot be opened or written: damaged, too new, read-only, locked."""

    def __init__(self, message: str, title: str = "数据库错误") -> None:
        super().__init__(message, title)


class StoreBusy(StoreError):
    """Another process (an import) held the write lock for longer than the caller would wait."""


class NotFound(ZipinError):
    """No report by that name or id.  `candidates` are the references it may have meant
    («名称@年份»): names close to it, or (`partial`) the names that contain it."""

    def __init__(self, message: str, candidates: list[str] | None = None, *, partial: bool = False) -> None:
        super().__init__(message, "未找到")
        self.candidates = candidates or []
        self.partial = partial


class BadArgument(ZipinError):
    """A value the user gave cannot mean anything (an id of 5,000 digits, the year 9·10¹⁸): the
    CLI answers it as a usage error (exit code 2)."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message, "参数有误")


# Everything a command may report to the user as a message rather than a traceback.
USER_ERRORS: tuple[type[Exception], ...] = (ZipinError, InputError)


_OS_REASONS = {
    errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.EROFS: "只读的文件系统",
    errno.ENOSPC: "磁盘已满", errno.EDQUOT: "超出磁盘配额", errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹", errno.ENAMETOOLONG: "文件名太长", errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENXIO: "设备不可用", errno.ENODEV: "设备不可用", errno.EIO: "磁盘读写错误", errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用", errno.ELOOP: "符号链接循环", errno.EMFILE: "打开的文件太多",
    errno.EEXIST: "文件已存在", errno.EINVAL: "路径无效", errno.EPIPE: "管道已关闭",
}


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Chinese: a common reason by name, any other by its number."""
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    return f"系统错误 {errno.errorcode.get(exc.errno or 0, exc.errno or '未知')}"


def path_text(path: str | Path) -> str:
    """A path as text that can be printed and stored: a file name that is not UTF-8 (a GBK name
    from an old Windows share) keeps its readable part, its odd bytes shown as «�»."""
    return os.fsencode(path).decode("utf-8", errors="replace")
