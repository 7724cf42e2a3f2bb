"""基本数据: the walk's short questions for this year's key facts, composed once.

An answer is read back on the first Enter («我理解为：…») and confirmed on the second; only a
confirmed answer fills the 附表 and feeds suggestions and checks.  Refilling the form (every
visit) sets the inputs without taking that for an edit, so answers keep their confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, Static

from store.answers import questions, read_answer


class KeyFactsForm(VerticalScroll):
    @dataclass
    class Answered(Message):
        key: str
        text: str
        confirmed: bool

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.profile = ""
        self._echoed: dict[str, str] = {}  # answers read back, waiting for the confirming Enter
        self._inputs: dict[str, Input] = {}  # kept: read while the screen is being taken down
        self._posted: dict[str, str] = {}  # each answer's text as last loaded or posted

    def compose(self) -> ComposeResult:
        for q in questions():
            yield Label(q.ask, classes="question")
            # going back to an answer adds to it: focusing it must not select (and so replace) it
            self._inputs[q.key] = Input(placeholder=f"例如：{q.example}", id=f"answer-{q.key}", select_on_focus=False)
            yield self._inputs[q.key]
            yield Static("", id=f"echo-{q.key}", classes="echo")

    def load(self, answers: dict[str, dict[str, Any]], profile: str) -> None:
        self.profile = profile
        self._echoed.clear()
        for q in questions():
            answer = answers.get(q.key, {})
            widget = self.query_one(f"#answer-{q.key}", Input)
            with widget.prevent(Input.Changed):
                widget.value = answer.get("text", "")
            self._posted[q.key] = widget.value
            self._echo(q.key, Text("✓ 已确认", style="green") if answer.get("confirmed") else Text(""))

    def unposted(self) -> dict[str, str]:
        """The answers whose input differs from their last «Answered» (Ctrl+Q can overtake it);
        nothing before the form was first loaded."""
        return {key: widget.value for key, widget in self._inputs.items()
                if key in self._posted and widget.value != self._posted[key]}

    def focus_first(self) -> None:
        self.query(Input).first().focus()

    def _echo(self, key: str, text: Text) -> None:
        self.query_one(f"#echo-{key}", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        key = _key(event.input)
        self._echoed.pop(key, None)
        self._echo(key, Text(""))
        self._posted[key] = event.value
        self.post_message(self.Answered(key, event.value, False))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """First Enter reads the answer back; Enter again on the same text confirms it."""
        event.stop()
        key = _key(event.input)
        understood = read_answer(key, event.value, self.profile)
        reading = understood.echo(self.profile)
        if not understood.understood:
            self._echoed.pop(key, None)
            self._echo(key, Text(reading + " 请按题目写明后再按 Enter。", style="yellow"))
        elif self._echoed.get(key) == event.value:
            self._echoed.pop(key, None)
            self._echo(key, Text("✓ 已确认：" + reading.removeprefix("我理解为："), style="green"))
            self.post_message(self.Answered(key, event.value, True))
            self.screen.focus_next()
        else:
            self._echoed[key] = event.value
            self._echo(key, Text(reading + " 按 Enter 确认，或修改后重新输入。"))


def _key(widget: Input) -> str:
    return (widget.id or "").removeprefix("answer-")
