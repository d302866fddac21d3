"""`?`: the keys of the screen it was opened from, what each stage means, and the list order."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.keys import key_to_character
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from closure_tui.domain.stages import STAGE_ORDER
from closure_tui.i18n import CATALOGUE, t
from closure_tui.tui.actions import bindings, description


def screen_bindings(screen: Screen[Any]) -> list[Binding]:
    """The screen's active bindings that carry an id (ours), in the order they apply,
    keys as remapped by the keymap, disabled (read-only) ones left out, and so are the
    keys the focused field takes as typed text (`?` or `q` in a form)."""
    found: list[Binding] = []
    focused = screen.focused
    for key, active in screen.active_bindings.items():
        binding = active.binding
        typed = focused is not None and focused.check_consume_key(key, key_to_character(key))
        if binding.id and active.enabled and not typed:
            found.append(binding if binding.key == key else replace(binding, key=key))
    return found


def two_columns(rows: list[tuple[str, str]]) -> Table:
    """A borderless grid: a bold first column that never wraps, a second that does."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for left, right in rows:
        grid.add_row(Text(left), Text(right))
    return grid


class HelpScreen(ModalScreen[None]):
    """A scrollable sheet; `escape` or `?` closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = bindings("help")

    def __init__(self, target: Screen[Any]) -> None:
        super().__init__()
        self.target = target
        self.bindings = screen_bindings(target)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="sheet") as sheet:
            sheet.border_title = t("help.title")
            sheet.border_subtitle = t("help.close")
            yield self.section("help.keys", two_columns(self.key_rows()))
            if hasattr(self.target, "show_view"):
                yield self.section("help.order_title", Text(t("help.order")))
            yield self.section(
                "help.stages", Group(two_columns(self.stage_rows()), Text(t("help.marks")))
            )
            yield self.section("help.credit_report", Text(t("help.credit_report.body")))

    @staticmethod
    def section(title_key: str, body: Table | Text | Group) -> Static:
        return Static(Group(Text(t(title_key), style="bold underline"), body), markup=False)

    def key_rows(self) -> list[tuple[str, str]]:
        """Each key with its Footer description, or the longer `bind.<id>.help` if any."""
        rows = []
        for binding in self.bindings:
            longer = f"bind.{binding.id}.help"
            text = t(longer) if longer in CATALOGUE else description(binding)
            rows.append((self.app.get_key_display(binding), text))
        return rows

    def stage_rows(self) -> list[tuple[str, str]]:
        return [
            (f"{number}. {t('stage.' + key.value)}", t(f"stage.{key.value}.help"))
            for number, key in enumerate(STAGE_ORDER, start=1)
        ]
