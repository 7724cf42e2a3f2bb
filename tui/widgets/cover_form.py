"""The cover form of the walk: the outline's cover fields and the year, composed once and
refilled on every visit (so going back to it never builds widgets twice)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label

from extract.outline import Outline

YEAR = "year"


class CoverForm(VerticalScroll):
    """The cover fields of a draft's outline; posts `CoverForm.Changed` with the whole cover
    whenever the user edits a field."""

    def __init__(self, outline: Outline, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.fields = outline.cover_fields
        self._inputs: dict[str, Input] = {}  # kept: read while the screen is being taken down
        self._posted: tuple[dict[str, str], int | None] | None = None  # None until first loaded

    @dataclass
    class Changed(Message):
        cover: dict[str, str]
        year: int | None

    def compose(self) -> ComposeResult:
        for field in self.fields:
            yield Label(field.label)
            # going back to a filled field adds to it: focusing it must not select (and so replace) it
            self._inputs[field.key] = Input(id=f"cover-{field.key}", select_on_focus=False)
            yield self._inputs[field.key]
        yield Label("年度")
        self._inputs[YEAR] = Input(id=f"cover-{YEAR}", restrict=r"[0-9０-９]{0,4}", select_on_focus=False)
        yield self._inputs[YEAR]

    def load(self, cover: dict[str, str], year: int | None) -> None:
        """Show a draft's cover without taking it for an edit."""
        for field in self.fields:
            self._set(field.key, cover.get(field.key, ""))
        self._set(YEAR, str(year or ""))
        self._posted = self.typed()

    def _set(self, key: str, value: str) -> None:
        widget = self._inputs[key]
        with widget.prevent(Input.Changed):
            widget.value = value

    def focus_first(self) -> None:
        self.query(Input).first().focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._posted = self.typed()
        self.post_message(self.Changed(*self._posted))

    def unposted(self) -> tuple[dict[str, str], int | None] | None:
        """The cover as typed, if it differs from the last «Changed» (Ctrl+Q can overtake it)."""
        if self._posted is None or self.typed() == self._posted:
            return None
        return self.typed()

    def typed(self) -> tuple[dict[str, str], int | None]:
        """The cover and year as they stand in the inputs (also ahead of a queued «Changed»)."""
        cover = {f.key: self._inputs[f.key].value.strip() for f in self.fields}
        text = self._inputs[YEAR].value.strip()
        return cover, int(text) if len(text) == 4 and text.isdigit() else None
