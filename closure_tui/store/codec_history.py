"""History events ↔ JSON documents, validated like every other record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from closure_tui.domain.history import Event, EventState, Records
from closure_tui.store.codec import RecordInvalid
from closure_tui.store.schema import is_doc_id


def _encode_records(records: Records) -> dict[str, dict[str, Any]]:
    return {
        name: {str(key): dict(doc) if doc is not None else None for key, doc in docs.items()}
        for name, docs in records.items()
    }


def _decode_records(raw: Any, side: str) -> Records:
    if not isinstance(raw, dict):
        raise RecordInvalid(f"{side}: expected object")
    records: dict[str, dict[int, Any]] = {}
    for name, docs in raw.items():
        if not isinstance(docs, dict):
            raise RecordInvalid(f"{side}.{name}: expected object")
        for item_id, doc in docs.items():
            if not is_doc_id(item_id):
                raise RecordInvalid(f"{side}.{name}: id {item_id!r} is not a number")
            if doc is not None and not isinstance(doc, dict):
                raise RecordInvalid(f"{side}.{name} #{item_id}: expected object or null")
            records.setdefault(name, {})[int(item_id)] = doc
    return records


def encode_event(event: Event) -> dict[str, Any]:
    return {
        "at": event.at.isoformat(timespec="seconds"),
        "action": event.action,
        "platform_id": event.platform_id,
        "platform": event.platform_name,
        "before": _encode_records(event.before),
        "after": _encode_records(event.after),
        "state": event.state.value,
        "undone_at": event.undone_at.isoformat(timespec="seconds") if event.undone_at else None,
        "patch": event.patch,
    }


def decode_event(doc_id: int, doc: dict[str, Any]) -> Event:
    """Build an Event from its stored document; raises RecordInvalid with the reason."""
    try:
        at, action = doc.get("at"), doc.get("action")
        platform_id, name = doc.get("platform_id"), doc.get("platform", "")
        undone_at = doc.get("undone_at")
        if not isinstance(at, str) or not isinstance(action, str) or not action:
            raise RecordInvalid("at and action are required")
        if platform_id is not None and (
            not isinstance(platform_id, int) or isinstance(platform_id, bool)
        ):
            raise RecordInvalid("platform_id: expected integer")
        if not isinstance(name, str) or (undone_at is not None and not isinstance(undone_at, str)):
            raise RecordInvalid("platform and undone_at: expected text")
        patch = doc.get("patch", False)
        if not isinstance(patch, bool):
            raise RecordInvalid("patch: expected true or false")
        return Event(
            id=doc_id,
            at=datetime.fromisoformat(at),
            action=action,
            platform_id=platform_id,
            platform_name=name,
            before=_decode_records(doc.get("before", {}), "before"),
            after=_decode_records(doc.get("after", {}), "after"),
            state=EventState(doc.get("state", EventState.APPLIED.value)),
            undone_at=datetime.fromisoformat(undone_at) if undone_at else None,
            patch=patch,
        )
    except (TypeError, ValueError) as error:
        if isinstance(error, RecordInvalid):
            raise
        raise RecordInvalid(str(error)) from None
