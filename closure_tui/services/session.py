"""Opening the store for one run: writers take the lock, readers never wait for it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from closure_tui.domain.clock import Clock
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.domain.platform import Platform
from closure_tui.services.closures import Closures
from closure_tui.services.reminders import Reminders
from closure_tui.store.restore import restore
from closure_tui.store.store import Store


def open_closures(
    data_dir: Path,
    clock: Clock,
    *,
    writable: bool,
    offsets: FollowUpOffsets | None = None,
    lazy: bool = False,
    platforms_on_use: bool = False,
) -> Closures:
    """Raises `StoreLocked`, `StoreDamaged` or `StoreTooNew` with a message to show.

    A writer's platform changes are followed by its reminders and contacts (`offsets`
    default to the user's config file); a reader changes nothing for them to follow.
    `lazy`: read the notes and history files only if used; `platforms_on_use`: decode
    each platform when first used, not all at open (see `Store.open`).
    """
    store = Store.open(
        data_dir, clock, writable=writable, lazy=lazy, platforms_on_use=platforms_on_use
    )
    service = Closures(store, clock)
    if writable:
        _follow_changes(service, offsets)
    return service


def _follow_changes(service: Closures, offsets: FollowUpOffsets | None) -> None:
    """Plug in the follow-ups: the reminders, and a removed platform's contacts and
    complaints, which go with it (undo brings them back with it)."""
    Reminders(service, offsets).plug_in()

    def on_change(before: Platform, after: Platform | None) -> None:
        if after is not None:
            return
        store = service.store
        for collection in (store.contacts, store.complaints):
            collection.remove([r.id for r in collection if r.platform_id == before.id])

    service.hooks.append(on_change)


@contextlib.contextmanager
def closures_session(
    data_dir: Path,
    clock: Clock,
    *,
    writable: bool,
    lazy: bool = False,
    platforms_on_use: bool = False,
) -> Iterator[Closures]:
    service = open_closures(
        data_dir, clock, writable=writable, lazy=lazy, platforms_on_use=platforms_on_use
    )
    try:
        yield service
    finally:
        service.store.close()


def restore_backup(data_dir: Path, clock: Clock, name: str | None = None) -> tuple[str, list[Path]]:
    """Put back a backup (newest good by default); the current files are kept aside."""
    return restore(data_dir, clock, name)
