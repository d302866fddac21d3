"""History events ↔ JSON documents, validated like every other record."""

from __future__ import annotations

from typing import Any

from closure_tui.domain.history import Event, EventState, Records
from closure_tui.store.codec import (
    enum_value,
    invalid,
    missing,
    stored_time,
    wrong_type,
)
from closure_tui.store.schema import is_doc_id


def _encode_records(records: Records) -> dict[str, dict[str, Any]]:
    return {
        name: {str(key): dict(doc) if doc is not None else None for key, doc in docs.items()}
        for name, docs in records.items()
    }


def _decode_records(raw: Any, side: str) -> Records:
    if not isinstance(raw, dict):
        raise wrong_type(side, "object")
    records: dict[str, dict[int, Any]] = {}
    for name, docs in raw.items():
        if not isinstance(docs, dict):
            raise wrong_type(f"{side}.{name}", "object")
        for item_id, doc in docs.items():
            if not is_doc_id(item_id):
                raise wrong_type(f"{side}.{name} {item_id}", "id")
            if doc is not None and not isinstance(doc, dict):
                raise wrong_type(f"{side}.{name} #{item_id}", "object")
            records.setdefault(name, {})[int(item_id)] = doc
    return records


def is_undone(doc: dict[str, Any]) -> bool:
    """Whether a stored event is undone: the store lists those apart (`Collection.marked`)."""
    return doc.get("state") == EventState.UNDONE.value


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
            raise missing("at, action")
        if platform_id is not None and (
            not isinstance(platform_id, int) or isinstance(platform_id, bool)
        ):
            raise wrong_type("platform_id", "number")
        if not isinstance(name, str) or (undone_at is not None and not isinstance(undone_at, str)):
            raise wrong_type("platform, undone_at", "text")
        patch = doc.get("patch", False)
        if not isinstance(patch, bool):
            raise wrong_type("patch", "bool")
        return Event(
            id=doc_id,
            at=stored_time(at),
            action=action,
            platform_id=platform_id,
            platform_name=name,
            before=_decode_records(doc.get("before", {}), "before"),
            after=_decode_records(doc.get("after", {}), "after"),
            state=enum_value(EventState, doc.get("state", EventState.APPLIED.value)),
            undone_at=stored_time(undone_at) if undone_at else None,
            patch=patch,
        )
    except (TypeError, ValueError) as error:
        raise invalid(error) from None
