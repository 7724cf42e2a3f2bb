"""The findings of every report of a store filled with the sample reports (and the seed reports
when present), with drafts started from some of them and edited: what a change to how the checks
run (precomputed, cached, incremental) must leave exactly as it was.

`python tests/findings_corpus.py OUT.json` writes them (run from a checkout of the code to
compare with: `tests/data/findings_before_14c.json` was written by the code before issue 14's
caches); `digest` is what the equivalence test compares.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

# Edits that exercise the names check (another unit's name, a near-miss) and the stale check.
EDITS = ("另据青川市文化馆统计，本年新增支出12.5万元。", "云岭县图书管开展阅读活动3场。")


def fill(store: Any, paths: list[Path]) -> list[int]:
    """Import `paths`, start a draft from the first two past reports and edit one section of
    each; the ids of every report."""
    from store.draft_spec import NewDraft
    from store.draft_text import save_text
    from store.drafts import create_draft
    from store.importer import import_paths

    import_paths(store, paths)
    past = store.query("SELECT id, title, unit, dept, year FROM reports WHERE kind = 'past' ORDER BY id LIMIT 2")
    for row in past:
        draft = create_draft(store, NewDraft(row["title"], row["unit"], row["dept"], (row["year"] or 2024) + 1, "",
                                             row["id"]))
        section = store.one("SELECT key, text FROM sections WHERE report_id = ? AND text != '' ORDER BY ord LIMIT 1",
                            [draft])
        if section is not None:
            save_text(store, draft, section["key"], section["text"] + "\n" + "".join(EDITS))
    return [r["id"] for r in store.query("SELECT id FROM reports ORDER BY id")]


def findings_of(store: Any, ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    from checks import check_report

    out = {}
    for report_id in ids:
        row = store.one("SELECT kind, title, unit, year FROM reports WHERE id = ?", [report_id])
        name = f"{report_id}|{row['kind']}|{row['title']}|{row['unit']}|{row['year']}"
        out[name] = [f.as_json() for f in check_report(store, report_id)]
    return out


def digest(findings: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """Per report, a hash of its findings (the seed's text stays out of the repository)."""
    return {name: hashlib.sha1(json.dumps(found, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
            for name, found in findings.items()}


def corpora(sample: Path, seed: Path | None) -> dict[str, list[Path]]:
    out = {"sample": [sample]}
    if seed is not None and seed.exists():
        out["seed"] = [sample, seed]
    return out


def main(out: Path) -> None:
    """Write the digests of the code on sys.path (a checkout: run this file from its tests/)."""
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from store.db import open_store

    seed = root.parent / "shared" / "seeds" / "000_97dab50193e5e838.txt"
    result = {}
    for name, paths in corpora(root / "store" / "sample", seed).items():
        with open_store(None) as store:
            result[name] = digest(findings_of(store, fill(store, paths)))
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
