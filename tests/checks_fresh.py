"""Scoring the checks on fresh labelled reports (fictional units, tests/data/checks_fresh*/,
labels in each folder's labels.toml), imported and checked as `zipin check` does: defects found,
false errors, true relations given an error, findings listed twice.  Used by
tests/test_checks_fresh.py and bench/checks_eval.py."""

from __future__ import annotations

import tempfile
import tomllib
from collections import Counter
from pathlib import Path

from checks import check_report
from checks.finding import Finding
from store.db import Store, open_store
from store.draft_text import save_text
from store.drafts import NewDraft, create_draft, save_draft_table
from store.importer import import_paths
from store.reports import load_report, resolve_report

DATA = Path(__file__).resolve().parent / "data"
SETS = {"A (written before the rules, by their author)": DATA / "checks_fresh",
        "B (written after the rules, read once before tuning)": DATA / "checks_fresh_b"}


def _mentions(finding: Finding, text: str) -> bool:
    return text in finding.message or any(text in e.text for e in finding.evidence)


def _report_id(store: Store, name: str) -> int:
    row = store.one("SELECT r.id FROM reports r JOIN files f ON f.id = r.file_id WHERE f.path LIKE ?", [f"%{name}"])
    return int(row["id"])


def _as_draft(store: Store, file_report: int, source: str, rewritten: list[str]) -> int:
    """The draft a user would have: started from last year's report in zipin (text copied and
    rolled forward), then this year's 附表 and the `rewritten` sections typed in from the file."""
    written = load_report(store, file_report)
    draft = create_draft(store, NewDraft(written.title, written.unit, written.dept, written.year, "",
                                         resolve_report(store, source)))
    for key in rewritten:
        save_text(store, draft, key, written.section_text(key))
    if written.table is not None:
        save_draft_table(store, draft, written.table)
    with store.write() as db:  # the file itself is no past report of this project
        db.execute("DELETE FROM reports WHERE id = ?", [file_report])
    return draft


def evaluate(folder: Path, listing: bool = False) -> dict[str, int]:
    labels = tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))["report"]
    totals: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "fresh.db") as store:
        import_paths(store, sorted(folder.glob("*.txt")))
        ids = {entry["file"]: _report_id(store, entry["file"]) for entry in labels}
        for entry in labels:
            if entry.get("source"):
                ids[entry["file"]] = _as_draft(store, ids[entry["file"]], entry["source"], entry.get("rewritten", []))
        for entry in labels:
            _score(entry, check_report(store, ids[entry["file"]]), totals, listing)
    return dict(totals)


def _score(entry: dict, findings: list[Finding], totals: Counter[str], listing: bool) -> None:
    matched: set[int] = set()
    if listing:
        print(f"\n{entry['file']}")
    for defect in entry.get("defect", []):
        hits = [i for i, f in enumerate(findings) if f.rule in defect["rule"] and _mentions(f, defect["evidence"])]
        matched.update(hits)
        totals["defects"] += 1
        totals["found"] += bool(hits)
        if listing and not hits:
            print(f"  MISSED  {defect['what']}")
    for clean in entry.get("clean", []):
        totals["relations"] += 1
        broken = [f for f in findings if f.severity == "error" and _mentions(f, clean["evidence"])]
        totals["relations_broken"] += bool(broken)
        if listing and broken:
            print(f"  BROKEN  {clean['what']}: {broken[0].message}")
    prints = Counter(f.fingerprint for f in findings)
    totals["duplicates"] += sum(n - 1 for n in prints.values())
    for text in entry.get("single", []):  # findings that rest on this number (not on a passage holding it)
        totals["double_findings"] += max(0, sum(any(e.text == text for e in f.evidence) for f in findings) - 1)
    for i, f in enumerate(findings):
        if i in matched:
            continue
        totals["false_errors" if f.severity == "error" else "other_warnings"] += 1
        if listing:
            print(f"  {'FALSE  ' if f.severity == 'error' else 'warning'} {f.rule}: {f.message}")
