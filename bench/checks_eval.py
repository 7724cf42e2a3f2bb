"""Defects found and false errors of the checks on the fresh labelled reports of
tests/data/checks_fresh*/ (fictional units), as `zipin check` reports them.

    python bench/checks_eval.py [--list] [FOLDER…]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.checks_fresh import SETS, evaluate  # noqa: E402


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    for name, folder in ({f.name: f for f in folders} or SETS).items():
        t = evaluate(folder, "--list" in sys.argv)
        print(f"\nset {name}: defects found {t.get('found', 0)}/{t.get('defects', 0)}, "
              f"false errors {t.get('false_errors', 0)}, true relations given an error "
              f"{t.get('relations_broken', 0)}/{t.get('relations', 0)}, duplicate findings {t.get('duplicates', 0)}, "
              f"second findings on one number {t.get('double_findings', 0)}, other warnings {t.get('other_warnings', 0)}")


if __name__ == "__main__":
    main()
