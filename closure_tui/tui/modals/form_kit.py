"""What every form shares: labelled fields with an inline message, Save/Cancel, escape cancels.

A form validates each field with the domain's own parsers before it dismisses, so the
user sees why a value is refused under the field instead of in a notification later.
A form given its change (`saving`) also runs it before closing: a refusal from the
services is shown in the form, which stays open with everything typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Static
from textual.widgets.button import ButtonVariant

from closure_tui.domain.errors import DomainError
from closure_tui.domain.text import display_safe
from closure_tui.i18n import describe, t
from closure_tui.tui.actions import bindings
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from closure_tui.services.closures import Closures

#: What a form's fields make: a frozen dataclass of typed values (or one value).
R = TypeVar("R")
#: Rows around a form's fields: footer, border, title, a line of message, the buttons.
CHROME_HEIGHT = 11
BODY_MAX_HEIGHT = 26
V = TypeVar("V")


class Invalid(Exception):
    """Raised by `FormModal.field_value` after it has shown the message under the field."""


class FieldRow(Vertical):
    """A label, the control, and the message shown under it when the value is refused."""

    def __init__(self, label: str | Text, control: Widget, *, hint: str = "") -> None:
        super().__init__(classes="field")
        self.label = label
        self.control = control
        self.hint = hint

    def compose(self) -> ComposeResult:
        yield Label(self.label, markup=False, classes="field-label")
        yield self.control
        if self.hint:
            yield Static(self.hint, markup=False, classes="field-hint")
        yield Static("", markup=False, classes="field-error")


def text_input(
    field_id: str, value: str | None = "", *, placeholder: str = "", **kwargs: Any
) -> Input:
    """A compact single-line input; `None` means empty (no current value).

    The current value is shown made safe: a stored value with an escape sequence or a
    bidi control (hand-edited file) must not reach the terminal; saving the form then
    stores the safe text the user saw.
    """
    shown = display_safe(value or "")
    return SafeInput(value=shown, placeholder=placeholder, id=field_id, compact=True, **kwargs)


class FormModal(ModalScreen[Any], Generic[R]):
    """A modal form: subclasses compose `fields()` and turn them into a result in `collect()`.

    It dismisses with that result, or, given its change (`saving`), with what the change
    returned once saved; None when cancelled.

        The first field has the focus (the scrolling body takes none, so no keystroke goes
        nowhere); Enter in a field saves, or moves to the next field when `ENTER_ADVANCES`.
    """

    CSS_PATH = "forms.tcss"
    BINDINGS = bindings("form")
    AUTO_FOCUS = ".dialog-body *"
    ENTER_ADVANCES = False
    #: Which field a refusal from the services is about: by its catalogue key, or by the
    #: `field` it names.
    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {}
    save_label_key = "form.save"
    save_variant: ButtonVariant = "primary"

    def __init__(self) -> None:
        super().__init__()
        self.change: Callable[[Closures, R], object] | None = None
        #: The user already confirmed this change's warnings (e.g. ticking out of order).
        self.warned = False

    def saving(self, change: Callable[[Closures, R], object]) -> FormModal[R]:
        """Run `change(service, result)` on save; the form closes (dismissing with what the
        change returned) only once it is saved, and shows a refusal where it was typed."""
        self.change = change
        return self

    def title_text(self) -> str | Text:
        raise NotImplementedError

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def collect(self) -> R:
        """The result, or `Invalid` after marking the refused fields."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            title = self.title_text()
            yield Static(title, markup=False, classes="dialog-title")
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield from self.fields()
            yield Static("", markup=False, id="form-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t(self.save_label_key), variant=self.save_variant, id="save")
                yield Button(t("form.cancel"), id="cancel")
        yield Footer()

    def on_resize(self, event: Resize) -> None:
        """The fields scroll, so Save / Cancel stay on screen however short the terminal."""
        body = self.query_one(".dialog-body")
        body.styles.max_height = max(3, min(BODY_MAX_HEIGHT, event.size.height - CHROME_HEIGHT))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            event.stop()
            self.action_save()
        elif event.button.id == "cancel":
            event.stop()
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        if self.ENTER_ADVANCES and event.input is not inputs[-1]:
            inputs[inputs.index(event.input) + 1].focus()
            return
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        try:
            result = self.collect()
        except Invalid:
            self.query_one("#form-error", Static).update(t("form.fix_errors"))
            return
        if self.change is None:
            self.dismiss(result)
            return
        change = self.change
        done = closure_app(self).perform(
            lambda service: change(service, result), refused=self.refused, warned=self.warned
        )
        if done is not None:
            self.dismiss(done)

    def refused(self, error: DomainError) -> None:
        """The services refused the change: say why here, under the field it is about."""
        message = describe(error.key, error.params)
        self.query_one("#form-error", Static).update(display_safe(message))
        field_id = self.refusal_field(error)
        if field_id is not None:
            self.show_error(field_id, message)
            self.query_one(f"#{field_id}").focus()

    def refusal_field(self, error: DomainError) -> str | None:
        """The field a refusal is about: by its catalogue key, or by the `field` it names."""
        named = str(error.params.get("field", ""))
        return self.REFUSAL_FIELDS.get(error.key) or self.REFUSAL_FIELDS.get(named)

    # ---- validation helpers ----------------------------------------------------------------

    def show_error(self, field_id: str, message: str) -> None:
        row = self.query_one(f"#{field_id}").parent
        assert row is not None
        row.query_one(".field-error", Static).update(message)
        row.set_class(bool(message), "-invalid")

    def field_value(self, field_id: str, parse: Callable[[str], V]) -> V:
        """Parse one input with a domain rule; show its refusal under the field."""
        raw = self.query_one(f"#{field_id}", Input).value
        try:
            value = parse(raw)
        except DomainError as error:
            self.show_error(field_id, describe(error.key, error.params))
            raise Invalid from None
        self.show_error(field_id, "")
        return value

    def collect_all(self, parsers: dict[str, Callable[[str], Any]]) -> dict[str, Any]:
        """Parse every field (so every problem is shown at once); `Invalid` if any failed."""
        values: dict[str, Any] = {}
        failed = False
        for field_id, parse in parsers.items():
            try:
                values[field_id] = self.field_value(field_id, parse)
            except Invalid:
                failed = True
        if failed:
            raise Invalid
        return values
