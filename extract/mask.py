"""Numbers masked out of text, so two paragraphs that differ only in their numbers compare equal.

This is the cheap regex version used for indexing and ranking; it does not need jieba.
"""

from __future__ import annotations

import re

MASK = "#"
_NUMBER = re.compile(
    r"[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?"
    # A Chinese numeral is matched only from the start of its run (the look-behind): otherwise a long
    # run with no unit after it is rescanned from each of its characters (quadratic time).
    r"|(?<![零〇一二两三四五六七八九十百千万亿])"
    r"[零〇一二两三四五六七八九十百千万亿]*[十百千万亿][零〇一二两三四五六七八九十百千万亿]*(?=[元人个名次项套期家所%％])"
)


def mask_numbers(text: str) -> str:
    return _NUMBER.sub(MASK, text)


def tokens_of(masked: str) -> str:
    """Masked text as jieba words joined by spaces (the stored form for token-level ranking).

    Cut clause by clause, each clause through `segment.cut`'s cache: a department's reports
    repeat their clauses year after year (the numbers are masked), so most are cut once."""
    from .segment import cut_clauses

    return " ".join(w for w in cut_clauses(masked) if w.strip())
