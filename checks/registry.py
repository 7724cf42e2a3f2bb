"""The rule registry: each rule is a small function over a `CheckInput` yielding findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .context import CheckInput
from .finding import SEVERITIES, Finding

RuleFn = Callable[[CheckInput], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str
    title: str  # Chinese, for the README table and the review screen
    severity: str  # the highest severity it reports
    catches: str  # Chinese: what it catches
    fn: RuleFn


RULES: dict[str, Rule] = {}


def rule(name: str, title: str, severity: str, catches: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        assert severity in SEVERITIES
        RULES[name] = Rule(name, title, severity, catches, fn)
        return fn

    return register


def run_rules(data: CheckInput, only: Iterable[str] | None = None) -> list[Finding]:
    from . import rules  # noqa: F401 - registers every rule

    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for name, spec in RULES.items():
        if wanted is None or name in wanted:
            findings.extend(spec.fn(data))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    outline = data.outline
    findings.sort(key=lambda f: (order[f.severity], -1 if f.section is None else outline.order(f.section), f.rule))
    return findings
