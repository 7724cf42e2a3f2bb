"""The checks on the fresh labelled reports (tests/data/checks_fresh*/, fictional units): every
planted defect found, no false error, no true relation given an error, nothing listed twice.
(Set B was read once before the rules were tuned on it; `bench/checks_eval.py` prints the figures.)"""

from __future__ import annotations

import pytest

from .checks_fresh import SETS, evaluate


@pytest.mark.parametrize("folder", list(SETS.values()), ids=[f.name for f in SETS.values()])
def test_fresh_reports(folder) -> None:  # noqa: ANN001
    t = evaluate(folder)
    assert t["defects"] >= 10 and t["found"] == t["defects"]
    assert t.get("false_errors", 0) == 0
    assert t["relations"] >= 15 and t.get("relations_broken", 0) == 0
    assert t.get("duplicates", 0) == 0 and t.get("double_findings", 0) == 0
