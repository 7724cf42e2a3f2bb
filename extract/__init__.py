"""Reading reports: text and Word files into reports, and numbers out of free Chinese text.

This package imports nothing else of zipin's.
"""

from __future__ import annotations

from .mention import Mention


def extract_numbers(text: str, *, labels: bool = True) -> list[Mention]:
    """Every number in `text`, with kind, exact value, precision, comparator and label."""
    from .labels import label_mentions
    from .numbers import find_numbers

    if not text:
        return []
    mentions = find_numbers(text)
    return label_mentions(text, mentions) if labels else mentions


__all__ = ["Mention", "extract_numbers"]
