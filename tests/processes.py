"""Real `zipin` processes for the crash and concurrency tests: the TUI in a pseudo-terminal,
typed into keystroke by keystroke, and headless commands; either can be killed with SIGKILL."""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

# The installed `zipin` command, as a user runs it (not `python -m tui`, which would find the
# source tree when started from the checkout).
ZIPIN = [shutil.which("zipin", path=str(Path(sys.executable).parent)) or "zipin"]


# One cache for all the processes of a test run: as on a user's machine after the first start,
# jieba's trimmed dictionary is built once, not at every start.
CACHE = Path(tempfile.mkdtemp(prefix="zipin-cache-"))


def env(tmp: Path) -> dict[str, str]:
    """A user's environment, with the rescue folder kept inside the test's folder."""
    return {**os.environ, "TERM": "xterm-256color", "ZIPIN_CACHE": str(CACHE),
            "ZIPIN_RESCUE": str(tmp / "rescue"), "PYTHONUNBUFFERED": "1"}


class Terminal:
    """`zipin ARGS` running in a pseudo-terminal of `size`, as a user would run it."""

    def __init__(self, args: list[str], tmp: Path, size: tuple[int, int] = (160, 48)) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: become zipin, or leave at once
            try:
                os.execvpe(ZIPIN[0], [*ZIPIN, *args], env(tmp))
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        cols, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = b""

    def read(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # the child has gone
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output:
            if time.monotonic() > deadline:
                raise AssertionError(f"「{text}」did not appear on the screen within {timeout} s")
            self.read(0.1)

    def type(self, text: str, gap: float = 0.03) -> list[float]:
        """One keystroke at a time, as fast as a quick typist; returns when each was sent."""
        sent = []
        for char in text:
            os.write(self.fd, char.encode())
            sent.append(time.monotonic())
            self.read(gap)
        return sent

    def kill(self) -> float:
        """SIGKILL; returns when it was sent."""
        killed = time.monotonic()
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        return killed


def start(args: list[str], tmp: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([*ZIPIN, *args], env=env(tmp), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")
