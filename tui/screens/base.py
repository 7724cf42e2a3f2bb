"""What every screen shares: errors from its workers shown as a modal, never a traceback."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import Screen
from textual.worker import Worker, WorkerState

Result = TypeVar("Result")


class ZipinScreen(Screen[Result]):
    """Worker.StateChanged does not bubble, so each screen passes its workers' errors on."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.app.show_error(event.worker.error)  # type: ignore[attr-defined]
