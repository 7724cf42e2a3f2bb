"""Findings of section-local rules (or what a rule works out for one section) kept per (rule,
section content, context), so a check that reruns after a pause in typing recomputes only the
section that changed.

A rule opts in by asking `cached(...)` for one section's findings; the key holds everything the
findings depend on — the section's key, title and paragraphs, and a `context` the rule builds
from whatever report-wide input it also reads (its own names, the name index's token …).  Rules
that compare sections with each other (duplicates, totals across sections) are not cached and
always run in full, so an incremental check gives exactly the findings of a full one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TypeVar

from extract.document import Section

from .context import CheckInput
from .finding import Finding

T = TypeVar("T")
MAX_ENTRIES = 4096  # a few reports' sections × rules; an entry is a handful of findings

_entries: OrderedDict[Hashable, object] = OrderedDict()
_lock = threading.Lock()  # the TUI checks in a worker thread while the CLI or a test may too
_MISSING = object()
enabled = True  # the benchmarks and the equivalence tests switch it off to check in full


def section_key(section: Section) -> tuple[str, str, str, tuple[str, ...]]:
    return (section.key, section.title, section.heading, tuple(section.paragraphs))


def cached(data: CheckInput, rule: str, section: Section, context: Hashable, compute: Callable[[], T]) -> T:
    """`compute()` for this section, or what it gave last time for the same section and context.
    Findings are handed out as copies: `run_rules` merges evidence into the findings it keeps."""
    if not enabled or data.sections.get(section.key) is not section:  # two sections of one key: uncached
        return compute()
    key = (rule, section_key(section), context)
    try:
        with _lock:
            found = _entries.get(key, _MISSING)
            if found is not _MISSING:
                _entries.move_to_end(key)
    except TypeError:  # an unhashable context: nothing to key on, so work it out
        return compute()
    if found is _MISSING:
        found = compute()
        with _lock:
            _entries[key] = found
            if len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
    return _copy(found)  # type: ignore[return-value]


def clear() -> None:
    with _lock:
        _entries.clear()


def _copy(value: object) -> object:
    if isinstance(value, Finding):
        return replace(value, evidence=list(value.evidence))
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, tuple) and any(isinstance(v, Finding | list | tuple) for v in value):
        return tuple(_copy(v) for v in value)
    return value  # frozen values are shared
