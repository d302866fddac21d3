"""Two versions of a JSON record reduced to the parts that differ, and put back again.

History stores a change to an existing record as two *patches* of the same shape
(`{"stages": {"paid": {"state": "todo"}}}` before, `... "done"` after) instead of the
whole record twice, so the log stays small. A nested object is followed only while
both versions have the same keys in it; anything else is kept whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Doc = dict[str, Any]


def _follow(first: Any, second: Any) -> bool:
    return isinstance(first, dict) and isinstance(second, dict) and first.keys() == second.keys()


def shrink(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[Doc, Doc] | None:
    """The differing parts of `old` and `new`; None when their top-level keys differ."""
    if old.keys() != new.keys():
        return None
    before: Doc = {}
    after: Doc = {}
    for key, value in old.items():
        if value == new[key]:
            continue
        if _follow(value, new[key]):
            before[key], after[key] = shrink(value, new[key])  # type: ignore[misc]
        else:
            before[key], after[key] = value, new[key]
    return before, after


def project(doc: Doc, target: Doc, other: Doc) -> Doc:
    """The part of `doc` covered by the patch pair (`target`, `other`), in their shape."""
    out: Doc = {}
    for key, value in target.items():
        current = doc.get(key)
        if _follow(value, other.get(key)) and isinstance(current, dict):
            out[key] = project(current, value, other[key])
        else:
            out[key] = current
    return out


def apply(doc: Doc, target: Doc, other: Doc) -> Doc:
    """A copy of `doc` with the patch `target` written over it (its pair is `other`)."""
    out = dict(doc)
    for key, value in target.items():
        if _follow(value, other.get(key)) and isinstance(doc.get(key), dict):
            out[key] = apply(doc[key], value, other[key])
        else:
            out[key] = value
    return out
