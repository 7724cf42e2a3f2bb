"""One exception base for zipin: a Chinese message for the user, and a short title.

The CLI prints `message` to stderr and exits non-zero; the TUI shows it in a modal.
"""

from __future__ import annotations

import errno

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
    def __init__(self, message: str) -> None:
        super().__init__(message, "未找到")


# Everything a command may report to the user as a message rather than a traceback.
USER_ERRORS: tuple[type[Exception], ...] = (ZipinError, InputError)


_OS_REASONS = {
    errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.EROFS: "只读的文件系统",
    errno.ENOSPC: "磁盘已满", errno.EDQUOT: "超出磁盘配额", errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹", errno.ENAMETOOLONG: "文件名太长",
}


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Chinese where the reason is a common one."""
    return _OS_REASONS.get(exc.errno or 0) or str(exc.strerror or exc)
