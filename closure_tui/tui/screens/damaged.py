"""Shown instead of the dashboard when a data file cannot be read: what happened (the parser's
complaint in the user's language, with its line), where the file and its backups are, and
the good backups to restore from, each with its number, date and how many platforms."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from closure_tui.i18n import t, tn
from closure_tui.services.damage import restore_points
from closure_tui.services.errors import StoreDamaged, StoreError, StoreTooNew
from closure_tui.services.session import restore_backup
from closure_tui.services.snapshots import BackupInfo
from closure_tui.tui.actions import bindings
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.widgets.title_bar import TitleBar


def point_params(point: BackupInfo) -> dict[str, object]:
    taken = f"{point.taken:%Y-%m-%d %H:%M}"
    return {
        "number": point.number,
        "taken": taken,
        "platforms": tn("count.platforms", point.platforms or 0),
    }


class DamagedScreen(Screen[None]):
    """`r` (or Enter) on a backup asks for confirmation, `y` restores, `escape` backs out."""

    CSS_PATH = "damaged.tcss"
    BINDINGS = bindings("damaged")

    confirming: reactive[bool] = reactive(False)

    def __init__(self, error: StoreDamaged) -> None:
        super().__init__()
        self.error = error
        self.points: list[BackupInfo] = []

    @property
    def can_restore(self) -> bool:
        """A newer program's file is not damaged: an old backup would only lose data."""
        return not isinstance(self.error, StoreTooNew) and bool(self.points)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="explain"):
            yield Static(id="what", markup=False)
            yield Static(id="offer", markup=False)
            yield Static(id="question", markup=False)
        yield OptionList(id="backups", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        app = closure_app(self)
        if not isinstance(self.error, StoreTooNew):
            self.points = restore_points(app.data_dir)
        self.watch(self.app, "language", self.relabel)
        backups = self.query_one("#backups", OptionList)
        backups.display = self.can_restore
        if self.can_restore:
            backups.focus()
        self.refresh_bindings()

    def relabel(self) -> None:
        self.title = t("damaged.title")
        self.query_one("#what", Static).update(Text(t("damaged.explain", **self.error.params())))
        if isinstance(self.error, StoreTooNew):
            offer = t("damaged.too_new")
        else:
            offer = t("damage.choose") if self.points else t("damage.no_backup")
        if self.points:
            offer = f"{offer}\n\n{t('damage.backups_title')}"
        self.query_one("#offer", Static).update(Text(offer))
        backups = self.query_one("#backups", OptionList)
        highlighted = backups.highlighted
        backups.clear_options()
        width = len(str(self.points[0].number)) if self.points else 0
        backups.add_options(
            Option(
                t("damage.backup_row", **{**point_params(p), "number": f"{p.number:<{width}}"}),
                id=str(p.number),
            )
            for p in self.points
        )
        backups.highlighted = highlighted if highlighted is not None else 0
        question = self.query_one("#question", Static)
        if self.chosen is not None:
            question.update(Text(t("damage.confirm", **point_params(self.chosen))))
        question.display = self.confirming
        self.query_one("#offer").display = not self.confirming

    @property
    def chosen(self) -> BackupInfo | None:
        index = self.query_one("#backups", OptionList).highlighted
        if index is None or not 0 <= index < len(self.points):
            return None
        return self.points[index]

    def watch_confirming(self) -> None:
        self.relabel()
        self.query_one("#backups", OptionList).disabled = self.confirming
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "ask_restore":
            return self.can_restore and not self.confirming
        if action in ("restore", "cancel"):
            return self.confirming
        return True

    @on(OptionList.OptionSelected, "#backups")
    def _selected(self) -> None:
        self.action_ask_restore()

    def action_ask_restore(self) -> None:
        if self.can_restore and self.chosen is not None:
            self.confirming = True

    def action_cancel(self) -> None:
        self.confirming = False
        self.query_one("#backups", OptionList).focus()

    def action_restore(self) -> None:
        app = closure_app(self)
        chosen = self.chosen
        if chosen is None:
            return
        app.close_store()
        try:
            name, _moved = restore_backup(app.data_dir, app.clock, str(chosen.number))
        except StoreError as error:
            self.confirming = False
            self.notify(t(error.key, **error.params()), severity="error", markup=False)
            return
        self.notify(t("damaged.restored", name=name), markup=False)
        self.app.pop_screen()
        app.open_store()
