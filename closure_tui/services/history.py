"""History: every change through the services becomes an event that undo/redo can replay.

How a change is recorded: the use case runs inside `History.change(action)`; the
collections report each record they write (document before and after), and when
the use case returns, one event with all of them is appended to the history.

Write order, and why it is safe: the data files are written first, the event
second. A crash between the two leaves correct data and a missing event (the
event is secondary). Undo and redo never trust the log blindly: they put records
back only when every record is still at the event's before or after state, and
refuse otherwise, so a change the log missed is never silently overwritten. A
crash half way through an undo leaves records in that same before/after mix, so
repeating the undo completes it.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from closure_tui.domain.clock import Clock
from closure_tui.domain.errors import DomainError
from closure_tui.domain.history import Event, EventState, Records
from closure_tui.domain.patches import apply, project, shrink
from closure_tui.store.collection import Collection
from closure_tui.store.datafiles import HISTORY_FILE, MAIN_FILE
from closure_tui.store.store import Store

PLATFORMS = "platforms"


class History:
    """Records events for one open store and undoes / redoes them."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self._active = False

    # ---- recording -----------------------------------------------------------------------

    def _collections(self) -> dict[str, Collection[Any]]:
        return {c.name: c for c in self.store.record_collections()}

    @contextlib.contextmanager
    def change(self, action: str) -> Iterator[None]:
        """Record what the body writes as one event named `action` (nested calls join it)."""
        if self._active:
            yield
            return
        # The event is written after the data: a damaged log must refuse the change first.
        self.store.require_appendable(HISTORY_FILE)
        before: dict[str, dict[int, Any]] = {}
        after: dict[str, dict[int, Any]] = {}

        def listen(name: str, item_id: int, old: Any, new: Any) -> None:
            before.setdefault(name, {}).setdefault(item_id, copy.deepcopy(old))
            after.setdefault(name, {})[item_id] = copy.deepcopy(new)

        collections = self._collections().values()
        self._active = True
        for collection in collections:
            collection.listener = listen
        try:
            yield
        finally:
            self._active = False
            for collection in collections:
                collection.listener = None
        if any(after.values()):
            compact = _compact(before, after)
            # Named from the whole records: a patch may leave out whose record it is.
            subject = self._subject(before, after)
            # Inside a caller's transaction the data is not on disk yet: record after it is.
            self.store.after_commit(lambda: self._record(action, *compact, subject))

    def _subject(self, before: Records, after: Records) -> tuple[int | None, str]:
        """The platform an event is about: the platform written, else the record's owner."""
        for side in (after, before):
            for item_id, doc in side.get(PLATFORMS, {}).items():
                if doc is not None:
                    platform = self.store.platforms.get(item_id)
                    return item_id, platform.name if platform else str(doc.get("name", ""))
        collections = self._collections()
        for side in (after, before):
            for name, docs in side.items():
                for item_id, doc in docs.items():
                    # Only a patch needs the stored record (reading its file, if unread).
                    whole = doc is None or "platform_id" in doc or name not in collections
                    owner = _owner(doc, None if whole else collections[name].get(item_id))
                    if owner is not None:
                        platform = self.store.platforms.get(owner)
                        return owner, platform.name if platform else ""
        return None, ""

    def _record(
        self,
        action: str,
        before: Records,
        after: Records,
        patch: bool,
        subject: tuple[int | None, str],
    ) -> Event:
        platform_id, name = subject
        now = self.clock.now()
        with self.store.transaction(HISTORY_FILE):
            # The undone events are listed apart, so a change reads no history when none is.
            for stale in self.redo_stack() if self.store.history.marked() else ():
                self.store.history.put(replace(stale, state=EventState.DROPPED))
            return self.store.history.insert(
                lambda new_id: Event(
                    new_id, now, action, platform_id, name, before, after, patch=patch
                )
            )

    # ---- reading -------------------------------------------------------------------------

    def events(self, platform_id: int | None = None) -> list[Event]:
        """Oldest first; only those about `platform_id` when given."""
        if platform_id is None:
            return sorted(self.store.history, key=lambda e: e.id)
        return sorted(self.store.history.where("platform_id", platform_id), key=lambda e: e.id)

    def events_named(self, ref: str) -> list[Event]:
        """Events of a platform that may no longer exist, by its name or #id."""
        wanted = ref.strip().casefold()
        digits = wanted.removeprefix("#")
        return [
            e
            for e in self.events()
            if e.platform_name.casefold() == wanted
            or (digits.isdigit() and digits.isascii() and e.platform_id == int(digits))
        ]

    def undo_stack(self) -> list[Event]:
        return self._in_state(EventState.APPLIED)

    def redo_stack(self) -> list[Event]:
        """Undone events that can still be redone, oldest (the next one to redo) first."""
        return self._in_state(EventState.UNDONE)

    def _in_state(self, state: EventState) -> list[Event]:
        """Oldest first. Filtered before sorting: every recorded change asks for the redo
        stack, and sorting the whole log each time made changes slower as it grew."""
        return sorted((e for e in self.store.history if e.state is state), key=lambda e: e.id)

    # ---- undo / redo ---------------------------------------------------------------------

    def undo(self) -> Event:
        """Revert the last applied change; refuses when the records moved on without it."""
        stack = self.undo_stack()
        if not stack:
            raise DomainError("err.history.nothing_to_undo")
        event = stack[-1]
        self._put_back(event, event.before, event.after)
        undone = replace(event, state=EventState.UNDONE, undone_at=self.clock.now())
        # After the data, like any entry: a refused write leaves the undo done, and said.
        self.store.after_commit(lambda: self.store.history.put(undone))
        return undone

    def redo(self) -> Event:
        """Re-apply the change undone most recently."""
        stack = self.redo_stack()
        if not stack:
            raise DomainError("err.history.nothing_to_redo")
        event = stack[0]
        self._put_back(event, event.after, event.before)
        redone = replace(event, state=EventState.APPLIED, undone_at=None)
        self.store.after_commit(lambda: self.store.history.put(redone))
        return redone

    def _put_back(self, event: Event, target: Records, other: Records) -> None:
        """Check every record first (still at before or after, result decodes), then write."""
        collections = self._collections()
        plan: dict[str, dict[int, Any]] = {}
        for name, docs in target.items():
            collection = collections.get(name)
            if collection is None:
                raise DomainError("err.history.unusable", action=event.action, id=event.id)
            for item_id, doc in docs.items():
                prior = other.get(name, {}).get(item_id)
                result = self._result(event, collection.raw(item_id), doc, prior)
                if result is not None and not collection.is_valid(item_id, result):
                    raise DomainError("err.history.unusable", action=event.action, id=event.id)
                plan.setdefault(name, {})[item_id] = result
        files = _flush_order([self.store.file_of(name) for name in plan], plan)
        with contextlib.ExitStack() as stack:
            # Batches flush when they close, last entered first: enter in reverse order.
            for file_name in reversed(files):
                stack.enter_context(self.store.transaction(file_name))
            for name, docs in plan.items():
                for item_id, doc in docs.items():
                    collections[name].set_raw(item_id, doc)

    @staticmethod
    def _result(event: Event, current: Any, doc: Any, prior: Any) -> Any:
        """The record to write, or a conflict when it is at neither side of the event."""
        if event.patch and doc is not None and prior is not None:
            if current is not None and project(current, doc, prior) in (doc, prior):
                return apply(current, doc, prior)
        elif current in (doc, prior):
            return copy.deepcopy(doc)
        raise DomainError("err.history.conflict", action=event.action, name=event.platform_name)


def _compact(before: Records, after: Records) -> tuple[Records, Records, bool]:
    """Patches for records changed in place; whole documents if any record changed shape."""
    small_before: dict[str, dict[int, Any]] = {}
    small_after: dict[str, dict[int, Any]] = {}
    for name, docs in after.items():
        for item_id, new in docs.items():
            old = before[name][item_id]
            pair = shrink(old, new) if old is not None and new is not None else (old, new)
            if pair is None:
                return before, after, False
            small_before.setdefault(name, {})[item_id] = pair[0]
            small_after.setdefault(name, {})[item_id] = pair[1]
    return small_before, small_after, True


def _flush_order(files: list[str], target: Records) -> list[str]:
    """Restoring a platform: the other files first, then the platform's; removing: reverse.

    A crash in between leaves at worst notes without a platform, which are ignored.
    """
    main = MAIN_FILE
    others = sorted({name for name in files if name != main})
    if main not in files:
        return others
    restoring = any(doc is not None for doc in target.get(PLATFORMS, {}).values())
    return [*others, main] if restoring else [main, *others]


def _owner(doc: Mapping[str, Any] | None, record: Any) -> int | None:
    """The platform a note or reminder belongs to; a patch (only the changed fields) names
    it through the stored record."""
    if doc is None:
        return None
    owner = doc.get("platform_id", getattr(record, "platform_id", None))
    return owner if isinstance(owner, int) else None
