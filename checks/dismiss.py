"""Dismissed findings: a fingerprint and the user's reason, kept per report."""

from __future__ import annotations

from store.db import Store, now
from store.errors import ZipinError


def dismiss(store: Store, report_id: int, fingerprint: str, reason: str, rule: str = "") -> None:
    if not reason.strip():
        raise ZipinError("请写明忽略这条检查结果的理由", "需要理由")
    with store.write() as db:
        db.execute(
            """INSERT INTO dismissals (report_id, fingerprint, rule, reason, created_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (report_id, fingerprint) DO UPDATE SET reason = excluded.reason""",
            [report_id, fingerprint, rule, reason.strip(), now()],
        )


def undismiss(store: Store, report_id: int, fingerprint: str) -> None:
    with store.write() as db:
        db.execute("DELETE FROM dismissals WHERE report_id = ? AND fingerprint = ?", [report_id, fingerprint])


def dismissed_fingerprints(store: Store, report_id: int) -> dict[str, str]:
    rows = store.query("SELECT fingerprint, reason FROM dismissals WHERE report_id = ?", [report_id])
    return {r["fingerprint"]: r["reason"] for r in rows}
