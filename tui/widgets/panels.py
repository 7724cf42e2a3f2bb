"""The side panels: 往年表述 (suggestions with their slots coloured) and 一致性检查 (findings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..wrap import Wrapped

SLOT_STYLES = {"filled": "bold green", "derived": "bold cyan", "stale": "bold red reverse", "kept": "dim"}
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "dim"}
SEVERITY_CN = {"error": "错误", "warning": "警告", "info": "提示"}


def suggestion_prompt(s: Any, width: int = 400) -> Text:
    """«96 · 2025 全民阅读推广专项经费» and the filled text, each slot in its status colour."""
    head = Text(f"{s.score:.0f} · {s.year} {s.title}\n", style="bold")
    body = Text()
    pos = 0
    for slot in sorted(s.slots, key=lambda x: x.start):
        body.append(s.text[pos:slot.start])
        body.append(s.text[slot.start:slot.end], style=SLOT_STYLES.get(slot.status, ""))
        pos = slot.end
    body.append(s.text[pos:])
    if len(body) > width:
        body.truncate(width)
        body.append("…")
    return head + body


class SuggestionList(OptionList):
    """往年表述: the suggestions for the current section, best first."""

    def show(self, suggestions: list[Any], empty: str = "（没有往年同一节的段落）") -> None:
        self.suggestions = suggestions
        self.clear_options()
        if not suggestions:
            self.add_option(Option(Text(empty, style="dim"), disabled=True))
            return
        self.add_options(Option(Wrapped(suggestion_prompt(s)), id=str(i)) for i, s in enumerate(suggestions))
        self.highlighted = 0

    def chosen(self) -> Any | None:
        suggestions = getattr(self, "suggestions", [])
        if not suggestions:
            return None
        index = self.highlighted if self.highlighted is not None else 0
        return suggestions[min(index, len(suggestions) - 1)]


def finding_where(f: Any) -> str:
    return f"§{f.section}" if f.section else "封面"


def finding_prompt(f: Any) -> Text:
    where = finding_where(f)
    text = Text(f"[{SEVERITY_CN[f.severity]}] ", style=SEVERITY_STYLES[f.severity])
    text.append(f"{where} ", style="bold")
    text.append(f.message)
    if f.fix:
        text.append(f"\n  {f.fix}", style="italic dim")
    return text


class FindingList(OptionList):
    """一致性检查: the open findings of the whole draft.  Options carry no ids: two findings
    may share anything, and a list rebuilt while typing must never clash with itself."""

    BINDINGS = [
        Binding("d,delete,ctrl+d", "dismiss_chosen", "忽略", show=False),
    ]

    @dataclass
    class DismissRequested(Message):
        finding: Any

    def show(self, findings: list[Any]) -> None:
        self.findings = findings
        previous = self.highlighted
        self.clear_options()
        if not findings:
            self.add_option(Option(Text("没有发现问题。", style="green"), disabled=True))
            return
        self.add_options(Option(Wrapped(finding_prompt(f))) for f in findings)
        self.highlighted = min(previous or 0, len(findings) - 1)

    def action_dismiss_chosen(self) -> None:
        finding = self.chosen()
        if finding is not None:
            self.post_message(self.DismissRequested(finding))

    def chosen(self) -> Any | None:
        findings = getattr(self, "findings", [])
        if not findings or self.highlighted is None:
            return None
        return findings[min(self.highlighted, len(findings) - 1)]
