"""The rule registry: each rule is a small function over a `CheckInput` yielding findings.

One number gives one finding.  `run_rules` lists a fingerprint once (the evidence of repeats
merged), and drops a finding when a rule it yields to rests on one of the same numbers or cells:
a number left over from last year (`stale`) is not also «同一事项两个数值» (`two_values`).  A rule
names the rules it yields to, or the rules it supersedes, when it is registered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .context import CheckInput
from .finding import SEVERITIES, Evidence, Finding

RuleFn = Callable[[CheckInput], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str
    title: str  # Chinese, for the README table and the review screen
    severity: str  # the highest severity it reports
    catches: str  # Chinese: what it catches
    fn: RuleFn
    yields_to: tuple[str, ...] = ()  # its finding goes when one of these rests on the same number
    supersedes: tuple[str, ...] = ()  # …and the other way round, declared by the stronger rule


RULES: dict[str, Rule] = {}


def rule(name: str, title: str, severity: str, catches: str, *, yields_to: tuple[str, ...] = (),
         supersedes: tuple[str, ...] = ()) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        assert severity in SEVERITIES
        RULES[name] = Rule(name, title, severity, catches, fn, yields_to, supersedes)
        return fn

    return register


def run_rules(data: CheckInput, only: Iterable[str] | None = None) -> list[Finding]:
    from . import rules  # noqa: F401 - registers every rule

    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for name, spec in RULES.items():
        if wanted is None or name in wanted:
            findings.extend(spec.fn(data))
    findings = _without_lesser(_once(findings))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    outline = data.outline
    findings.sort(key=lambda f: (order[f.severity], -1 if f.section is None else outline.order(f.section), f.rule))
    return findings


def _once(findings: list[Finding]) -> list[Finding]:
    """Each fingerprint once: a repeat («…实际支出90.84万元…实际支出90.84万元» in one paragraph)
    adds its evidence to the first."""
    first: dict[str, Finding] = {}
    for f in findings:
        kept = first.setdefault(f.fingerprint, f)
        if kept is not f:
            places = {_place(e) for e in kept.evidence}
            kept.evidence.extend(e for e in f.evidence if _place(e) not in places)
    return list(first.values())


def _without_lesser(findings: list[Finding]) -> list[Finding]:
    stronger = _stronger()
    places: dict[str, set[tuple]] = {}
    for f in findings:
        places.setdefault(f.rule, set()).update(_place(e) for e in f.evidence)
    out = []
    for f in findings:
        others = stronger.get(f.rule, ())
        taken = set().union(*(places.get(r, set()) for r in others)) if others else set()
        if not any(_place(e) in taken for e in f.evidence):
            out.append(f)
    return out


def _stronger() -> dict[str, set[str]]:
    """For each rule, the rules whose findings take its place on a shared number."""
    out: dict[str, set[str]] = {}
    for spec in RULES.values():
        out.setdefault(spec.name, set()).update(spec.yields_to)
        for weaker in spec.supersedes:
            out.setdefault(weaker, set()).add(spec.name)
    return out


def _place(e: Evidence) -> tuple:
    """Where a piece of evidence is: the same span of text, or the same cell."""
    return (e.where, e.section, e.paragraph, e.start, e.end, e.cell)
