"""The typed collections over the data files: which table holds which kind of record,
how each decodes, and which are undoable (`record_collections`)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

from tinydb import TinyDB

from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Platform
from closure_tui.domain.reminders import Reminder
from closure_tui.store.codec import decode_note, decode_platform, encode_note, encode_platform
from closure_tui.store.codec_recorded import decode_recorded_platform
from closure_tui.store.codec_reminders import decode_reminder, encode_reminder
from closure_tui.store.collection import Collection
from closure_tui.store.datafiles import HISTORY_FILE, MAIN_FILE, NOTES_FILE
from closure_tui.store.feature_codecs import deferred

if TYPE_CHECKING:
    from closure_tui.domain.complaints import Complaint
    from closure_tui.domain.contacts import Contact
    from closure_tui.domain.credit_report import ReportLine
    from closure_tui.domain.disputes import Dispute
    from closure_tui.domain.history import Event

#: Told that a record of a file does not decode: (file name, problem); raises.
Damaged = Callable[[str, str], NoReturn]


class Records:
    """Every collection of the store, each on the database of the file that holds it."""

    def __init__(self, dbs: dict[str, TinyDB], damaged: Damaged) -> None:
        main, notes = dbs[MAIN_FILE], dbs[NOTES_FILE]
        in_main = functools.partial(damaged, MAIN_FILE)
        self.platforms: Collection[Platform] = Collection(
            main,
            "platforms",
            decode_platform,
            encode_platform,
            lambda p: p.id,
            on_damage=in_main,
            decode_recorded=decode_recorded_platform,
        )
        self.reminders: Collection[Reminder] = Collection(
            main, "reminders", decode_reminder, encode_reminder, lambda r: r.id, on_damage=in_main
        )

        def feature(name: str, module: str, record: str) -> Collection[Any]:
            """A collection of records many stores never hold: their codec waits for use."""
            return Collection(
                main,
                name,
                deferred(module, f"decode_{record}"),
                deferred(module, f"encode_{record}"),
                lambda item: item.id,
                on_damage=in_main,
            )

        self.contacts: Collection[Contact] = feature("contacts", "codec_contacts", "contact")
        self.complaints: Collection[Complaint] = feature(
            "complaints", "codec_contacts", "complaint"
        )
        self.report_checks: Collection[ReportLine] = feature(
            "report_checks", "codec_credit", "report_line"
        )
        self.disputes: Collection[Dispute] = feature("disputes", "codec_credit", "dispute")
        self.notes: Collection[Note] = Collection(
            notes,
            "notes",
            decode_note,
            encode_note,
            lambda n: n.id,
            on_damage=functools.partial(damaged, NOTES_FILE),
        )
        self.history: Collection[Event] = Collection(
            dbs[HISTORY_FILE],
            "history",
            deferred("codec_history", "decode_event"),
            deferred("codec_history", "encode_event"),
            lambda e: e.id,
            on_damage=functools.partial(damaged, HISTORY_FILE),
            mark=deferred("codec_history", "is_undone"),
        )

    def record_collections(self) -> list[Collection[Any]]:
        """The collections whose records history can put back (by name)."""
        return [
            self.platforms,
            self.notes,
            self.reminders,
            self.report_checks,
            self.disputes,
            self.contacts,
            self.complaints,
        ]

    def every_collection(self) -> list[Collection[Any]]:
        return [*self.record_collections(), self.history]
