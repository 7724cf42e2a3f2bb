"""Typing into the real app: the UI thread's work per keystroke, from the key event to the
frame it produces, in a long paragraph and in a long section (issue 14, point 2; target p99
under 16 ms).

The installed app runs headless in this process; each character (CJK and its punctuation,
sent as the terminal sends them, not through Pilot's key names, which drop 「，。」) goes to the
driver like a real key, and the time runs until the next frame is composed for display
(`App._display`).  Typed at 60 ms a key, as a clerk types, so that the checks and autosave
that follow a pause run in between as they do for a user; the lag of those is reported apart.

    python bench/bench_typing.py            # 3,000-character paragraph and 20,000-character section
    python bench/bench_typing.py --keys 100
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _corpus import ROOT  # noqa: F401 - puts the checkout on sys.path when run from a clone
from textual import events

from store.db import open_store
from store.draft_text import save_text
from store.drafts import NewDraft, create_draft
from store.importer import import_paths
from store.reports import resolve_report
from store.sample import sample_folder
from tui.app import ZipinApp

SIZE = (160, 48)
SECTION = "2.1"
PHRASE = "本年度完成图书采购与配送，覆盖全市二十六个乡镇文化站，其中：线上借阅、线下活动同步开展；"
TYPED = "读者满意度调查显示，群众对服务质量总体满意。新增阅读点位，延伸服务网络；"


def long_text(chars: int, paragraph: int) -> str:
    """About `chars` characters in paragraphs of about `paragraph` characters each."""
    body = (PHRASE * (paragraph // len(PHRASE) + 1))[:paragraph]
    return "\n".join(body for _ in range(max(1, chars // paragraph)))


def prepare(folder: Path, text: str) -> tuple[Path, int]:
    path = folder / "typing.db"
    with open_store(path) as store:
        import_paths(store, [sample_folder()])
        source = resolve_report(store, "全民阅读推广专项经费@2025")
        draft = create_draft(store, NewDraft("全民阅读推广专项经费", "青川市图书馆", "", 2026, "mof2020", source))
        save_text(store, draft, SECTION, text)
    return path, draft


class Timed(ZipinApp):
    """The app, with a clock on each frame it sends to the terminal."""

    frames: list[float]

    def _display(self, screen, renderable) -> None:  # noqa: ANN001
        if renderable is not None:
            self.frames.append(time.perf_counter())
        super()._display(screen, renderable)


async def type_into(path: Path, draft: int, keys: int, interval: float) -> tuple[list[float], int]:
    app = Timed(path, draft, SECTION)
    app.frames = []
    lags: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            editor = getattr(app.screen, "editor", None)
            if editor is not None and editor.text:
                break
        editor.focus()
        middle = editor.document.line_count // 2
        editor.move_cursor((middle, len(editor.document.get_line(middle)) // 2))
        await pilot.pause(0.5)
        driver = app._driver
        for i in range(keys):
            char = TYPED[i % len(TYPED)]
            seen = len(app.frames)
            started = time.perf_counter()
            event = events.Key(_key_name(char), char)
            event.set_sender(app)
            driver.send_message(event)
            while len(app.frames) == seen and time.perf_counter() - started < 2:
                await asyncio.sleep(0)
            lags.append(time.perf_counter() - started)
            await asyncio.sleep(max(0.0, interval - (time.perf_counter() - started)))
        length = len(editor.text)
    return lags, length


def _key_name(char: str) -> str:
    from textual.keys import _character_to_key

    return _character_to_key(char)


def report(name: str, lags: list[float], length: int) -> None:
    ms = sorted(x * 1000 for x in lags)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"{name}: {len(ms)} keys, text {length:,} chars — key to frame median {statistics.median(ms):.1f} ms, "
          f"p95 {ms[int(len(ms) * 0.95)]:.1f} ms, p99 {p99:.1f} ms, worst {ms[-1]:.1f} ms (target p99 < 16 ms)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--interval", type=float, default=0.06)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores, python {sys.version.split()[0]}")
    cases = (("3,000-character paragraph", 3000, 3000), ("20,000-character section (8 paragraphs)", 20000, 2500))
    for name, chars, paragraph in cases:
        with tempfile.TemporaryDirectory() as tmp:
            path, draft = prepare(Path(tmp), long_text(chars, paragraph))
            lags, length = asyncio.run(type_into(path, draft, args.keys, args.interval))
            report(name, lags, length)


if __name__ == "__main__":
    main()
