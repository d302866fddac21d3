"""Every key of the app, one table per screen: the registry that the app's and the screens'
`BINDINGS`, the Footers, the help sheet (`?`) and the read-only guard all read.

An entry names its binding `id` (what the user's keymap in config.toml remaps), its key(s),
the action it runs and whether that action writes data. Its label is the catalogue entry
`bind.<id>`, shown in the Footer when `show` and always in `?`. While the data is
read-only the app refuses every writing action (`WRITE_ACTIONS`) and hides its key.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType
from typing import NamedTuple

from textual.binding import Binding, BindingType

from closure_tui.i18n import CATALOGUE, t
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.textual_compat import rewrite_binding_descriptions


class Entry(NamedTuple):
    """One key of one screen. (A named tuple: a dataclass costs the first frame about
    4 M instructions more, for generating its methods.)"""

    id: str
    keys: str
    #: The action's name (`action_<name>`), when it is not the id.
    action: str = ""
    writes: bool = False
    show: bool = True
    priority: bool = False
    #: The app's action offered on a screen (`app.<action>`): the app's own keys stay out
    #: of the Footers, so a screen lists the ones that matter there.
    on_app: bool = False

    @property
    def name(self) -> str:
        return self.action or self.id

    @property
    def label(self) -> str:
        return f"bind.{self.id}"

    def binding(self) -> Binding:
        action = f"app.{self.name}" if self.on_app else self.name
        return Binding(
            self.keys, action, self.label, show=self.show, priority=self.priority, id=self.id
        )


def _app_key(entry_id: str, keys: str, *, writes: bool = False) -> Entry:
    return Entry(entry_id, keys, writes=writes, on_app=True)


#: ctrl+z in the Footer, and ctrl+y there too right after an undo (both are in `?`).
_UNDO_KEYS = (
    _app_key("undo", "ctrl+z", writes=True),
    Entry("redo", "ctrl+y", "redo_offered", writes=True, on_app=True),
)
_REMINDER_ROWS = (
    Entry("reminder_done", "d", writes=True),
    Entry("snooze", "s", "snooze_reminder", writes=True),
    Entry("dismiss_reminder", "x", writes=True),
    Entry("edit_reminder", "e", writes=True),
)


def _showing(entries: Iterable[Entry], shown: Iterable[str]) -> tuple[Entry, ...]:
    """The entries, with only the ids in `shown` in the Footer."""
    keep = set(shown)
    return tuple(entry._replace(show=entry.id in keep) for entry in entries)


#: Screen (or widget) name -> its keys, in the Footer's order.
REGISTRY = MappingProxyType(
    {
        # Only `?` shows in every Footer; `?` lists them all.
        "app": (
            Entry("quit", "q", show=False),
            Entry("help", "question_mark"),
            Entry("privacy", "p", "toggle_privacy", show=False),
            Entry("add_platform", "a", writes=True, show=False),
            Entry("palette", "ctrl+p", "command_palette", show=False, priority=True),
            Entry("undo", "ctrl+z", writes=True, show=False),
            Entry("redo", "ctrl+y", writes=True, show=False),
            Entry("agenda", "g", show=False),
        ),
        "dashboard": (
            Entry("filter", "slash", priority=True),
            Entry("view", "o", "cycle_view", show=False),
            Entry("clear_filter", "escape"),
            _app_key("add_platform", "a", writes=True),
            _app_key("agenda", "g"),
            *_UNDO_KEYS,
        ),
        "platform_table": (Entry("open", "enter", "select_cursor"),),
        # In the Footer (80 columns): back, tick, evidence, note, undo and `?`.
        "platform": (
            Entry("back", "escape"),
            Entry("toggle_stage", "space", writes=True),
            Entry("set_done_date", "d", writes=True, show=False),
            Entry("skip_stage", "s", writes=True, show=False),
            Entry("attach_file", "f", writes=True, show=False),
            Entry("edit_evidence", "e", writes=True),
            Entry("add_note", "n", writes=True),
            Entry("edit_notes", "N", show=False),
            Entry("add_reminder", "r", writes=True, show=False),
            Entry("add_platform_reminder", "R", writes=True, show=False),
            Entry("edit_platform", "E", writes=True, show=False),
            Entry("remove_platform", "x", writes=True, show=False),
            Entry("add_contact", "c", writes=True, show=False),
            Entry("file_complaint", "C", writes=True, show=False),
            Entry("record_report_check", "k", writes=True, show=False),
            Entry("file_dispute", "D", writes=True, show=False),
            Entry("update_dispute", "U", writes=True, show=False),
            *_UNDO_KEYS,
        ),
        # Beside the platform screen's keys: done and snooze; dismiss and edit are in `?`.
        "platform_reminders": _showing(_REMINDER_ROWS, ("reminder_done", "snooze")),
        # Back, done, snooze, dismiss, undo and `?`; edit is in `?`.
        "agenda": (
            Entry("agenda_back", "escape", "pop_screen", on_app=True),
            *_showing(_REMINDER_ROWS, ("reminder_done", "snooze", "dismiss_reminder")),
            *_UNDO_KEYS,
        ),
        "summary": (Entry("back", "escape", "pop_screen", on_app=True),),
        "help": (
            Entry("close", "escape", "dismiss"),
            Entry("close", "question_mark", "dismiss", show=False),
            # The key that opens help in a form closes it too.
            Entry("close", "f1", "dismiss", show=False),
        ),
        "damaged": (
            Entry("restore", "r", "ask_restore"),
            Entry("confirm", "y", "restore"),
            Entry("cancel", "escape"),
            _app_key("quit", "q"),
        ),
        "notes": (
            Entry("notes_close", "escape", "close"),
            Entry("edit_note", "e", writes=True),
            Entry("remove_note", "x", writes=True),
            # A modal screen hides the app's keys: undo and redo are offered here too.
            _app_key("undo", "ctrl+z", writes=True),
            _app_key("redo", "ctrl+y", writes=True),
        ),
        # `?` is typed text in a form: its help is on F1, which no field takes.
        "form": (
            Entry("cancel", "escape"),
            Entry("save", "ctrl+s"),
            Entry("form_help", "f1", "help", on_app=True),
        ),
        "paid_form": (Entry("remove_payment", "ctrl+d"),),
        "confirm": (
            Entry("cancel", "escape"),
            Entry("cancel", "n", show=False),
            Entry("confirm", "y"),
        ),
        "record_detail": (Entry("back", "escape", "close"),),
        "complaint_detail": (Entry("complaint_status", "s", "move_complaint", writes=True),),
        # From the command palette only.
        "palette": (Entry("forget_platform", "", writes=True),),
    }
)

#: Actions that change data; disabled (and hidden) when the store is read-only.
WRITE_ACTIONS = frozenset(
    entry.name for entries in REGISTRY.values() for entry in entries if entry.writes
)
#: Actions that need the data open (none is while a damaged file is explained).
NEEDS_DATA = WRITE_ACTIONS | {"toggle_privacy", "agenda"}


def bindings(*places: str) -> list[BindingType]:
    """The `BINDINGS` of a screen or widget: its keys in the registry, in order."""
    return [entry.binding() for place in places for entry in REGISTRY[place] if entry.keys]


def description(binding: Binding) -> str:
    """The binding's label in the current language."""
    if binding.id and f"bind.{binding.id}" in CATALOGUE:
        return t(f"bind.{binding.id}")
    return binding.description


def localize(node: object) -> None:
    """Show the node's key labels in the current language; the app calls it for every
    screen when it is pushed and again when the language changes."""
    rewrite_binding_descriptions(node, description)


class WriteGuard:
    """Mix into a screen (before `Screen`) so its write keys vanish while read-only.

    Textual asks the node that owns a binding, so each screen with write actions needs
    this; the decision itself is the app's (`allows`, from `WRITE_ACTIONS`).
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return closure_app(self).allows(action)  # type: ignore[arg-type]
