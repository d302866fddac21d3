"""Shown instead of the dashboard when a data file cannot be read: what happened, where the
file and its backups are, and (after a confirmation) restoring the newest good backup."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from closure_tui.i18n import t
from closure_tui.services.errors import StoreDamaged, StoreError, StoreTooNew
from closure_tui.services.session import restore_backup
from closure_tui.tui.bindings import bind
from closure_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from closure_tui.tui.app import ClosureApp


class DamagedScreen(Screen[None]):
    """`r` asks for confirmation, `y` restores, `escape` backs out of the question."""

    CSS_PATH = "damaged.tcss"
    BINDINGS = [
        bind("r", "ask_restore", "restore"),
        bind("y", "restore", "confirm"),
        bind("escape", "cancel", "cancel"),
    ]

    confirming: reactive[bool] = reactive(False)

    def __init__(self, error: StoreDamaged) -> None:
        super().__init__()
        self.error = error

    @property
    def can_restore(self) -> bool:
        """A newer program's file is not damaged: an old backup would only lose data."""
        return not isinstance(self.error, StoreTooNew)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="explain"):
            yield Static(id="what", markup=False)
            yield Static(id="offer", markup=False)
            yield Static(id="question", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "language", self.relabel)

    def relabel(self) -> None:
        self.title = t("damaged.title")
        self.query_one("#what", Static).update(Text(t("damaged.explain", **self.error.params())))
        offer = t("damaged.offer") if self.can_restore else t("damaged.too_new")
        self.query_one("#offer", Static).update(Text(offer))
        self.query_one("#question", Static).update(Text(t("damaged.confirm")))
        self.query_one("#question").display = self.confirming

    def watch_confirming(self) -> None:
        self.relabel()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "ask_restore":
            return self.can_restore and not self.confirming
        if action in ("restore", "cancel"):
            return self.confirming
        return True

    def action_ask_restore(self) -> None:
        self.confirming = True

    def action_cancel(self) -> None:
        self.confirming = False

    def action_restore(self) -> None:
        app = cast("ClosureApp", self.app)
        app.close_store()
        try:
            name, _moved = restore_backup(app.data_dir, app.clock)
        except StoreError as error:
            self.confirming = False
            self.notify(t(error.key, **error.params()), severity="error", markup=False)
            return
        self.notify(t("damaged.restored", name=name), markup=False)
        app.pop_screen()
        app.open_store()
