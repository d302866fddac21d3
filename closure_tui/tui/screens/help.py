"""`?`: the keys of the screen it was opened from, what each stage means, and the list order."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from closure_tui.domain.stages import STAGE_ORDER
from closure_tui.i18n import t
from closure_tui.textwidth import fit
from closure_tui.tui.bindings import bind, description

KEY_WIDTH = 12


def screen_bindings(screen: Screen) -> list[Binding]:
    """The screen's active bindings that carry an id (ours), in the order they apply,
    keys as remapped by the keymap, disabled (read-only) ones left out."""
    found: list[Binding] = []
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.id and active.enabled:
            found.append(binding if binding.key == key else replace(binding, key=key))
    return found


class HelpScreen(ModalScreen[None]):
    """A scrollable sheet; `escape` or `?` closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        bind("escape", "dismiss", "close"),
        bind("question_mark", "dismiss", "close", show=False),
    ]

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target
        self.bindings = screen_bindings(target)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="sheet") as sheet:
            sheet.border_title = t("help.title")
            sheet.border_subtitle = t("help.close")
            yield Static(self.keys_text(), markup=False)
            yield Static(self.stages_text(), markup=False)
            if hasattr(self.target, "show_view"):
                yield Static(self.order_text(), markup=False)

    def keys_text(self) -> Text:
        text = Text(t("help.keys") + "\n", style="bold")
        for binding in self.bindings:
            key = self.app.get_key_display(binding)
            text.append(fit(key, KEY_WIDTH), style="bold")
            text.append(description(binding) + "\n")
        text.append(fit(self.app.get_key_display(Binding("ctrl+p", "")), KEY_WIDTH), style="bold")
        text.append(t("help.palette"))
        return text

    def stages_text(self) -> Text:
        text = Text(t("help.stages") + "\n", style="bold")
        for number, key in enumerate(STAGE_ORDER, start=1):
            text.append(f"{number}. {t('stage.' + key.value)}\n", style="bold")
            text.append(f"   {t('stage.' + key.value + '.help')}\n")
        text.append(t("help.marks"))
        return text

    def order_text(self) -> Text:
        text = Text(t("help.order_title") + "\n", style="bold")
        text.append(t("help.order") + "\n")
        text.append(t("help.views"))
        return text
