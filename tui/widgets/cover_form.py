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

    @dataclass
    class Changed(Message):
        cover: dict[str, str]
        year: int | None

    def compose(self) -> ComposeResult:
        for field in self.fields:
            yield Label(field.label)
            # going back to a filled field adds to it: focusing it must not select (and so replace) it
            yield Input(id=f"cover-{field.key}", select_on_focus=False)
        yield Label("年度")
        yield Input(id=f"cover-{YEAR}", restrict=r"[0-9０-９]{0,4}", select_on_focus=False)

    def load(self, cover: dict[str, str], year: int | None) -> None:
        """Show a draft's cover without taking it for an edit."""
        for field in self.fields:
            self._set(field.key, cover.get(field.key, ""))
        self._set(YEAR, str(year or ""))

    def _set(self, key: str, value: str) -> None:
        widget = self.query_one(f"#cover-{key}", Input)
        with widget.prevent(Input.Changed):
            widget.value = value

    def focus_first(self) -> None:
        self.query(Input).first().focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        cover = {f.key: self.query_one(f"#cover-{f.key}", Input).value.strip() for f in self.fields}
        text = self.query_one(f"#cover-{YEAR}", Input).value.strip()
        year = int(text) if len(text) == 4 and text.isdigit() else None
        self.post_message(self.Changed(cover, year))
