"""Consistency and completeness checks over a report.  Never imports textual or rich.

    from checks import check_report
    findings = check_report(store, report_id)
"""

from __future__ import annotations

from .finding import Evidence, Finding
from .registry import RULES, run_rules


def check_report(store, report_id: int, *, include_dismissed: bool = False) -> list[Finding]:  # noqa: ANN001
    """Every finding for a stored report, minus those dismissed (unless asked for)."""
    from .dismiss import dismissed_fingerprints
    from .load import load_input

    findings = run_rules(load_input(store, report_id))
    if include_dismissed:
        return findings
    dismissed = dismissed_fingerprints(store, report_id)
    return [f for f in findings if f.fingerprint not in dismissed]


__all__ = ["RULES", "Evidence", "Finding", "check_report", "run_rules"]
