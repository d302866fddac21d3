"""A note: who said what and when, optionally about one stage. Multi-line; ctrl+s saves."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Select, TextArea

from closure_tui.domain.errors import DomainError
from closure_tui.domain.notes import Note
from closure_tui.domain.stages import STAGE_ORDER, StageKey
from closure_tui.domain.text import clean_note, display_safe
from closure_tui.i18n import describe, t
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, Invalid
from closure_tui.tui.text import plain
from closure_tui.tui.widgets.safe_text_area import SafeTextArea


def stage_select(field_id: str, stage: StageKey | None) -> Select[str]:
    """A choice of one stage, or none (a note or contact about the platform as a whole)."""
    stages = [(t(f"stage.{key.value}"), key.value) for key in STAGE_ORDER]
    return Select(
        stages,
        prompt=t("form.note.no_stage"),
        value=stage.value if stage else Select.NULL,
        compact=True,
        id=field_id,
    )


@dataclass(frozen=True, slots=True)
class NoteAnswer:
    text: str
    stage: StageKey | None


class NoteForm(FormModal[NoteAnswer]):
    """Dismisses with `{"text": str, "stage": StageKey | None}`."""

    AUTO_FOCUS = "#note-text"

    def __init__(
        self, platform_name: str, stage: StageKey | None = None, *, note: Note | None = None
    ) -> None:
        super().__init__()
        self.platform_name = platform_name
        self.note = note
        self.stage = note.stage if note is not None else stage

    def title_text(self) -> Text:
        key = "form.note.title" if self.note is None else "form.note.edit_title"
        return plain(t(key, name=self.platform_name))

    def fields(self) -> ComposeResult:
        text = display_safe(self.note.text, multiline=True) if self.note is not None else ""
        yield FieldRow(t("form.note.text"), SafeTextArea(text, id="note-text", soft_wrap=True))
        yield FieldRow(t("form.note.stage"), stage_select("note-stage", self.stage))

    def collect(self) -> NoteAnswer:
        try:
            text = clean_note(self.query_one("#note-text", TextArea).text)
        except DomainError as error:
            self.show_error("note-text", describe(error.key, error.params))
            raise Invalid from None
        self.show_error("note-text", "")
        chosen = self.query_one("#note-stage", Select).value
        stage = StageKey(str(chosen)) if isinstance(chosen, str) else None
        return NoteAnswer(text, stage)
