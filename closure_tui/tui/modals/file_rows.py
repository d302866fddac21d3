"""Several evidence files in one form: one path per box, each completed as it is typed.

A box per file is what a user who has never seen a separator expects, and keeps path
completion and a refusal about the one file it concerns. A new empty box appears under
the last one as soon as something is typed in it, so there is always room for one more.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from closure_tui.domain.errors import DomainError
from closure_tui.i18n import t
from closure_tui.tui.modals.attach_form import PathSuggester
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, R, text_input

#: The services' refusals of a file, naming it by its resolved `path`.
FILE_REFUSALS = frozenset({"err.evidence.not_a_file", "err.evidence.unreadable"})


def optional_path(text: str) -> tuple[Path, ...]:
    """The file to keep, if one was typed (the services check it is a readable file)."""
    return (Path(text.strip()),) if text.strip() else ()


class FileRows(Vertical):
    """Boxes `<prefix>-file-1`, `<prefix>-file-2`, …; the last one is always empty."""

    def __init__(self, prefix: str) -> None:
        super().__init__(id=f"{prefix}-files")
        self.prefix = prefix

    def compose(self) -> ComposeResult:
        yield self._row(1)

    def _row(self, number: int) -> FieldRow:
        return FieldRow(
            t("form.files.label", n=number),
            text_input(f"{self.prefix}-file-{number}", suggester=PathSuggester()),
            hint=t("form.files.hint") if number == 1 else "",
        )

    @on(Input.Changed)
    def _grow(self, event: Input.Changed) -> None:
        """Typing in the last box adds an empty one under it."""
        boxes = self.field_ids()
        if event.input.id == boxes[-1] and event.value.strip():
            self.mount(self._row(len(boxes) + 1))

    def field_ids(self) -> list[str]:
        return [str(box.id) for box in self.query(Input)]

    def field_of(self, error: DomainError) -> str | None:
        """The box holding the file a refusal names (the services name it resolved)."""
        if error.key not in FILE_REFUSALS:
            return None
        named = str(error.params.get("path", ""))
        for box in self.query(Input):
            typed = box.value.strip()
            if typed and str(Path(typed).expanduser().resolve()) == named:
                return str(box.id)
        return None


class FilesForm(FormModal[R]):
    """A form with a `FileRows`: the files typed, and a refusal of one of them shown
    under its own box."""

    def refusal_field(self, error: DomainError) -> str | None:
        return self.query_one(FileRows).field_of(error) or super().refusal_field(error)

    def file_parsers(self) -> dict[str, Callable[[str], tuple[Path, ...]]]:
        """Every box's parser, for `collect_all` (so each refusal is shown at once)."""
        return {field_id: optional_path for field_id in self.query_one(FileRows).field_ids()}

    def typed_files(self, values: dict[str, Any]) -> tuple[Path, ...]:
        """The files typed, in the order of their boxes."""
        ids = self.query_one(FileRows).field_ids()
        return tuple(path for field_id in ids for path in values[field_id])
