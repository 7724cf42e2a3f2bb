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


# What a terminal sends for the keys the journeys press (xterm).
KEYS = {
    "enter": "\r", "escape": "\x1b", "tab": "\t", "shift+tab": "\x1b[Z", "backspace": "\x7f", "delete": "\x1b[3~",
    "up": "\x1b[A", "down": "\x1b[B", "right": "\x1b[C", "left": "\x1b[D", "home": "\x1b[H", "end": "\x1b[F",
    "space": " ", "f1": "\x1bOP", "f2": "\x1bOQ", "f3": "\x1bOR", "f4": "\x1bOS", "f5": "\x1b[15~",
    "f6": "\x1b[17~", "f7": "\x1b[18~", "f8": "\x1b[19~", "f9": "\x1b[20~", "f10": "\x1b[21~",
    **{f"ctrl+{c}": chr(ord(c) - 96) for c in "abcdefghklnopqruvwxyz"},
}


class Terminal:
    """`zipin ARGS` running in a pseudo-terminal of `size`, as a user would run it; what it
    draws is kept on an emulated screen (pyte), so a test reads the screen as the user sees it."""

    def __init__(self, args: list[str], tmp: Path, size: tuple[int, int] = (160, 48), cwd: Path | None = None) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: become zipin, or leave at once
            try:
                if cwd is not None:
                    os.chdir(cwd)
                os.execvpe(ZIPIN[0], [*ZIPIN, *args], env(tmp))
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        cols, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = b""
        import pyte

        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)

    def text(self) -> str:
        """The screen as the user sees it now, line by line (wide characters once)."""
        from wcwidth import wcwidth

        lines = []
        for y in range(self.screen.lines):
            row, x = self.screen.buffer[y], 0
            chars = []
            while x < self.screen.columns:
                data = row[x].data or " "  # a cell a wide character half overwrote is blank
                chars.append(data)
                x += 2 if wcwidth(data[0]) == 2 else 1
            lines.append("".join(chars).rstrip())
        return "\n".join(lines).replace("\u3000", " ")

    def flat(self) -> str:
        """The screen without spaces and line ends: text that wraps can still be found."""
        return "".join(self.text().split())

    def shows(self, text: str) -> bool:
        return "".join(text.split()) in self.flat()

    def until(self, condition, timeout: float = 30.0, what: str = "") -> None:  # noqa: ANN001
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"{what or 'the expected state'} did not appear within {timeout} s; "
                                     f"the screen:\n{self.text()}")
            self.read(0.1)

    def see(self, text: str, timeout: float = 30.0) -> None:
        """Wait until `text` is on the screen."""
        self.until(lambda: self.shows(text), timeout, f"「{text}」")

    def press(self, *keys: str, pause: float = 0.15) -> None:
        for key in keys:
            os.write(self.fd, KEYS.get(key, key).encode())
            self.read(pause)

    def write(self, text: str, pause: float = 0.2) -> None:
        """Text as a paste or an input method sends it: at once."""
        os.write(self.fd, text.encode())
        self.read(pause)

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
            if hasattr(self, "stream"):
                self.stream.feed(chunk)

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

    def wait_exit(self, timeout: float = 15.0) -> int:
        """Wait for the program to end by itself; its exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read(0.1)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        raise AssertionError(f"zipin did not exit within {timeout} s; the screen:\n{self.text()}")

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
