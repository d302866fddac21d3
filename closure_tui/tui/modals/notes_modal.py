"""A platform's notes, one per row, to edit (Enter / `e`) or delete (`x`, undone by ctrl+z)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from closure_tui.domain.notes import Note
from closure_tui.domain.text import hide_figures
from closure_tui.i18n import t
from closure_tui.tui.actions import WriteGuard, bindings
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.text import plain


def note_line(note: Note, *, privacy: bool = False) -> Text:
    """Its time, its stage, and the first line of its text, as typed (figures hidden in
    privacy mode, as on the platform screen)."""
    line = Text(note.created.strftime("%Y-%m-%d %H:%M"), style="bold")
    if note.stage is not None:
        line.append("  " + t("pf.note_stage", stage=t(f"stage.{note.stage.value}")), style="cyan")
    first = note.text.strip().splitlines()[0] if note.text.strip() else ""
    line.append("  ").append_text(plain(hide_figures(first) if privacy else first))
    return line


class NotesModal(WriteGuard, ModalScreen[None]):
    """Stays open while notes are edited or deleted; the list follows every change."""

    CSS_PATH = "forms.tcss"
    BINDINGS = bindings("notes")

    def __init__(self, platform_id: int, platform_name: str) -> None:
        super().__init__()
        self.platform_id = platform_id
        self.platform_name = platform_name
        self.notes: list[Note] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            title = plain(t("notes.title", name=self.platform_name))
            yield Static(title, markup=False, classes="dialog-title")
            yield OptionList(id="notes-list", compact=True)
            yield Static(t("notes.help"), markup=False, classes="dialog-text")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "data_version", self.reload)
        self.watch(self.app, "privacy", self.reload)

    def reload(self, _: Any = None) -> None:
        app = closure_app(self)
        self.notes = app.read(lambda service: service.notes(self.platform_id), [])
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        privacy = app.privacy
        options.add_options([Option(note_line(note, privacy=privacy)) for note in self.notes])
        if not self.notes:
            options.add_option(Option(t("pf.no_notes"), disabled=True))
        elif highlighted is not None:
            options.highlighted = min(highlighted, len(self.notes) - 1)
        else:
            options.highlighted = 0

    def selected(self) -> Note | None:
        index = self.query_one(OptionList).highlighted
        return self.notes[index] if index is not None and index < len(self.notes) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.check_action("edit_note", ()):
            self.action_edit_note()

    def action_edit_note(self) -> None:
        from closure_tui.tui.modals.note_form import NoteForm

        note = self.selected()
        if note is None:
            return
        form = NoteForm(self.platform_name, note=note).saving(
            lambda service, answer: service.edit_note(note.id, answer.text, answer.stage)
        )
        self.app.push_screen(form, self._saved)

    def _saved(self, note: Any) -> None:
        if note is not None:
            self.notify(t("pf.note_added"), markup=False)

    def action_remove_note(self) -> None:
        note = self.selected()
        if note is None:
            return
        if closure_app(self).perform(lambda service: service.remove_note(note.id)) is not None:
            self.notify(t("notes.removed"), markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
