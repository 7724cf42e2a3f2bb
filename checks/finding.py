"""What a rule reports: a finding with its evidence, an optional one-edit fix, and a fingerprint
that stays the same across reruns while the evidence is unchanged (so a dismissal sticks)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_CN = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Evidence:
    """One number, cell or piece of text a finding rests on."""

    where: str  # "text" | "table" | "cover" | "heading"
    text: str  # the surface as written, or the cell's text
    section: str | None = None  # section key in the report's outline (its table section for the 附表)
    paragraph: int | None = None  # index of the paragraph within its section
    start: int | None = None  # offsets within the section's text (paragraphs joined by "\n")
    end: int | None = None
    cell: str | None = None  # for the 附表: "budget.total.spent", "indicators.3.actual" …

    def identity(self) -> str:
        """What the fingerprint depends on: not offsets, which move when other text is edited."""
        return f"{self.where}|{self.section}|{self.cell or ''}|{self.text}"


@dataclass
class Finding:
    rule: str
    severity: str  # error | warning | info
    message: str
    section: str | None = None
    status: str = "fail"  # fail | uncertain
    evidence: list[Evidence] = field(default_factory=list)
    fix: str = ""

    @cached_property
    def fingerprint(self) -> str:
        """Computed once, when the finding is complete (rules build a finding, then yield it)."""
        return fingerprint(self.rule, self.section, self.evidence, self.message)

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "status": self.status,
            "section": self.section,
            "message": self.message,
            "evidence": [asdict(e) for e in self.evidence],
            "fix": self.fix,
            "fingerprint": self.fingerprint,
        }


def fingerprint(rule: str, section: str | None, evidence: list[Evidence], message: str) -> str:
    h = hashlib.sha1(f"{rule}|{section}".encode())
    parts = sorted({e.identity() for e in evidence}) or [message]  # a repeat of one number counts once
    for part in parts:
        h.update(b"\x00" + part.encode())
    return h.hexdigest()[:16]
