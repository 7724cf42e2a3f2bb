"""Messages the workers post back to the screens (post_message is thread-safe)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message


@dataclass
class Saved(Message):
    key: str
    text: str


@dataclass
class SaveDeferred(Message):
    key: str


@dataclass
class SaveFailed(Message):
    message: str


@dataclass
class FindingsReady(Message):
    findings: list[Any]
    dismissed: dict[str, str] = field(default_factory=dict)


@dataclass
class SuggestionsReady(Message):
    key: str
    suggestions: list[Any]


@dataclass
class NumbersReady(Message):
    text: str
    spans: list[tuple[int, int, str]]


@dataclass
class StatusReady(Message):
    states: dict[str, str]
    progress: dict[str, int]
