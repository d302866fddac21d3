"""Notes, newest first, each under its timestamp; the text is shown exactly as typed."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from closure_tui.domain.notes import Note
from closure_tui.domain.text import hide_figures
from closure_tui.i18n import t
from closure_tui.tui.text import plain


def notes_text(notes: Iterable[Note], *, privacy: bool = False, hints: bool = True) -> Text:
    """In privacy mode every amount or account number typed into a note is hidden too;
    `hints`: the keys that add one work (not while read-only)."""
    text = Text()
    for note in notes:
        if text:
            text.append("\n\n")
        text.append(note.created.strftime("%Y-%m-%d %H:%M"), style="bold")
        if note.stage is not None:
            stage = t(f"stage.{note.stage.value}")
            text.append("  " + t("pf.note_stage", stage=stage), style="cyan")
        text.append("\n")
        shown = hide_figures(note.text) if privacy else note.text
        text.append_text(plain(shown, multiline=True))
    if not text:
        text.append(t("pf.no_notes" if hints else "pf.no_notes.read_only"), style="dim")
    return text
