"""Yes/no confirmations, and the stronger one that asks to type a name back."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Static

from closure_tui.i18n import t
from closure_tui.tui.actions import bindings
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, Invalid, text_input
from closure_tui.tui.text import plain


class ConfirmModal(ModalScreen[bool]):
    """Says why before acting; `y`/the button confirms, `escape`/`n` cancels."""

    AUTO_FOCUS = "#cancel"

    CSS_PATH = "forms.tcss"
    BINDINGS = bindings("confirm")

    def __init__(self, title: str | Text, reasons: Sequence[str | Text], yes_label: str) -> None:
        super().__init__()
        self.title_text = title
        self.reasons = list(reasons)
        self.yes_label = yes_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, markup=False, classes="dialog-title")
            for reason in self.reasons:
                yield Static(reason, markup=False, classes="warning-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes_label, variant="warning", id="confirm")
                yield Button(t("form.cancel"), id="cancel")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class TypeNameToConfirm(FormModal[bool]):
    """Removing a platform throws away its evidence: the user types its name back exactly."""

    AUTO_FOCUS = "#confirm-name"

    save_label_key = "confirm.remove.yes"
    save_variant = "error"
    #: The catalogue keys of the dialog's texts (`confirm.remove.title` …).
    keys = "confirm.remove"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name_to_type = name

    def title_text(self) -> Text:
        return plain(t(f"{self.keys}.title", name=self.name_to_type))

    def fields(self) -> ComposeResult:
        yield Static(t(f"{self.keys}.body"), markup=False, classes="dialog-text")
        yield FieldRow(plain(self.name_to_type, style="bold"), text_input("confirm-name"))

    def collect(self) -> bool:
        if self.query_one("#confirm-name", Input).value != self.name_to_type:
            self.show_error("confirm-name", t(f"{self.keys}.mismatch"))
            raise Invalid
        return True


class TypeNameToForget(TypeNameToConfirm):
    """Forgetting cannot be undone and reaches into the backups: the same typed name."""

    save_label_key = "confirm.forget.yes"
    keys = "confirm.forget"
