"""Writing a report out: Word in the official layout, Markdown and plain text with the same
structure.  Files are written to a temporary name and renamed, so a failure leaves none."""

from __future__ import annotations

from .files import FORMATS, write_export

__all__ = ["FORMATS", "write_export"]
