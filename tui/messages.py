"""Messages the workers post back to the screens (post_message is thread-safe)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
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
class DraftOpened(Message):
    opened: Any  # store.drafts.OpenedDraft


@dataclass
class ChecksReady(Message):
    findings: list[Any]
    progress: Any  # store.drafting.Progress
    budget: tuple[Decimal | None, Decimal | None]
    rates: list[tuple[int, float]]


@dataclass
class SuggestionsReady(Message):
    key: str
    suggestions: list[Any]


@dataclass
class MarksReady(Message):
    key: str
    text: str
    marks: list[tuple[int, int, str, str]]
