"""What a new draft is asked for, kept light (no store, no SQL): the dialogs import it at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extract.outline import DEFAULT_PROFILE, get_profile


@dataclass
class NewDraft:
    title: str
    unit: str = ""
    dept: str = ""
    year: int | None = None
    profile: str = ""
    from_report: int | None = None
    outline: str = ""  # the body's outline; a draft started from a report follows that report's


def defaults_from(row: dict[str, Any]) -> NewDraft:
    """A new draft started from a past report (a row of `list_reports`): its project, unit,
    主管部门 and 附表 layout, the year after it."""
    year = row.get("year")
    profile = get_profile(row["profile"]).key if row.get("profile") else DEFAULT_PROFILE
    return NewDraft(row["title"], row.get("unit") or "", row.get("dept") or "", year + 1 if year else None, profile,
                    row["id"], row.get("outline") or "")
