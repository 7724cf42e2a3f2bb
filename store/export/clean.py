"""Characters no document may hold: XML 1.0 forbids most control characters (python-docx
refuses them), and none belongs in a report.  A pasted «\\x07» must not stop an export."""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

T = TypeVar("T")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def cleaned(obj: T) -> T:
    """`obj` (a report, a finding, any nesting of dataclasses, lists and dicts) with every string
    rid of forbidden characters; the original is left as it was."""
    if isinstance(obj, str):
        return _FORBIDDEN.sub("", obj)  # type: ignore[return-value]
    if isinstance(obj, list):
        return [cleaned(x) for x in obj]  # type: ignore[return-value]
    if isinstance(obj, tuple):
        return tuple(cleaned(x) for x in obj)  # type: ignore[return-value]
    if isinstance(obj, dict):
        return {cleaned(k): cleaned(v) for k, v in obj.items()}  # type: ignore[return-value]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: cleaned(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.init}
        return dataclasses.replace(obj, **changes)  # type: ignore[return-value]
    return obj
