"""Start-up to the first painted screen, wall time from a fresh interpreter (target < 1 s).

Runs the app headless on a store holding the sample reports, once on the home screen and once
straight into the walk of a draft (`zipin draft`), and exits on Textual's Ready event, which
is sent once the first frame has been displayed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import sys, time
from pathlib import Path
from tui.app import ZipinApp

class FirstPaint(ZipinApp):
    def on_ready(self):
        print(time.monotonic(), flush=True)  # CLOCK_MONOTONIC: comparable with the parent's clock
        self.call_after_refresh(self.exit)

draft = int(sys.argv[2]) if len(sys.argv) > 2 else None
FirstPaint(Path(sys.argv[1]), draft).run(headless=True, size=(160, 48))
"""


def prepare(folder: Path) -> tuple[Path, int]:
    sys.path.insert(0, str(ROOT))
    from store.db import open_store
    from store.drafts import NewDraft, create_draft
    from store.importer import import_paths
    from store.reports import resolve_report

    path = folder / "startup.db"
    with open_store(path) as store:
        import_paths(store, [ROOT / "store" / "sample"])
        source = resolve_report(store, "全民阅读推广专项经费@2025")
        draft = create_draft(store, NewDraft("全民阅读推广专项经费", "青川市图书馆", "", 2026, "mof2020", source))
    return path, draft


def timed(args: list[str], runs: int = 7) -> list[float]:
    """Seconds from launching the interpreter to the app's first displayed frame."""
    out = []
    for _ in range(runs):
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-c", PROBE, *args], check=True, cwd=ROOT, capture_output=True,
                              text=True)
        out.append(float(done.stdout.strip().splitlines()[-1]) - started)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, draft = prepare(Path(tmp))
        for name, args in (("home screen", [str(path)]), ("walk of a draft", [str(path), str(draft)])):
            times = timed(args)
            print(f"start-up to first paint, {name}: median {statistics.median(times) * 1000:.0f} ms, "
                  f"worst {max(times) * 1000:.0f} ms over {len(times)} runs (target < 1 s)")


if __name__ == "__main__":
    main()
