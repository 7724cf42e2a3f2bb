"""Consistency and completeness checks over a report.  Never imports textual or rich."""
