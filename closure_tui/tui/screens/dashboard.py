"""The home screen: every platform's progress at a glance, filtered and sorted.

It reads through `app.service` and refreshes whenever `data_version`, the
language or privacy mode changes; it never writes itself.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from closure_tui.domain.platform import Platform
from closure_tui.domain.reminders import Reminder
from closure_tui.i18n import t
from closure_tui.services.listing import (
    MARKS,
    View,
    next_label,
    progress_count,
    select,
)
from closure_tui.services.reminders import Reminders
from closure_tui.services.summary import Summary, summarise
from closure_tui.tui.bindings import WriteGuard, bind, localize
from closure_tui.tui.reminder_cells import next_reminder_cell
from closure_tui.tui.text import money, plain
from closure_tui.tui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from closure_tui.tui.app import ClosureApp

#: Column keys, in display order; each header is the catalogue entry `col.<key>`.
COLUMNS = ("name", "kind", "progress", "next", "settled", "reminder")
#: Rows added before the first paint, then per chunk after each paint.
FIRST_ROWS, MORE_ROWS = 100, 100
#: Seconds between chunks, so the screen repaints and keys are read in between.
CHUNK_PAUSE = 0.01
MARK_STYLES = {"▰": "bold green", "▱": "dim", "▭": "yellow"}


def progress_cell(platform: Platform) -> Text:
    """`▰▰▱▭▱▱ 2/5`: done green, to do dim, not applicable yellow and a different glyph."""
    cell = Text(no_wrap=True)
    for stage in platform.stages:
        mark = MARKS[stage.state]
        cell.append(mark, style=MARK_STYLES[mark])
    cell.append(f" {progress_count(platform)}")
    return cell


class PlatformTable(DataTable[Text]):
    """The platform list; `enter` opens the highlighted platform."""

    BINDINGS = [bind("enter", "select_cursor", "open")]

    def on_mount(self) -> None:
        localize(self)


class DashboardScreen(WriteGuard, Screen[None]):
    """Platforms as a table with a summary line, a view (`o`) and a name filter (`/`)."""

    CSS_PATH = "dashboard.tcss"
    BINDINGS = [
        bind("slash", "filter", "filter", priority=True),
        bind("o", "cycle_view", "view"),
        bind("escape", "clear_filter", "clear_filter"),
    ]

    view: reactive[View] = reactive(View.OUTSTANDING, init=False)
    _fill_generation = 0
    _data_key: tuple[object, ...] = ()
    _everything: list[Platform] = []
    #: Each platform's next open reminder, recomputed by `reload` (never mutated).
    _next_reminders: dict[int, Reminder] = {}
    #: Built cells by platform id, and each view's sorted (casefolded name, platform)
    #: pairs; both emptied by `reload` whenever `_data_key` changes.
    _rows: dict[int, tuple[Text, ...]] = {}
    _in_view: dict[View, list[tuple[str, Platform]]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary", markup=False)
        yield SafeInput(id="filter", compact=True)
        yield PlatformTable(id="platforms", cursor_type="row", zebra_stripes=True)
        yield Static(id="empty", markup=False)
        yield Static(id="welcome", markup=False)
        yield Footer()

    @property
    def closure_app(self) -> ClosureApp:
        return cast("ClosureApp", self.app)

    @property
    def table(self) -> PlatformTable:
        return self.query_one(PlatformTable)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#filter", Input)

    def on_mount(self) -> None:
        self.filter_input.display = False
        for name in ("data_version", "language", "privacy"):
            self.watch(self.app, name, self.reload, init=False)
        self.reload()
        self.table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.filter_input.display
        if action == "filter":
            return self.focused is not self.filter_input
        return super().check_action(action, parameters)

    def watch_view(self) -> None:
        self.reload()

    # ---- cells ---------------------------------------------------------------------------

    def reminder_cell(self, platform: Platform, today: date | None) -> Text:
        """The date of the next open reminder: overdue in red, due today highlighted."""
        nearest = self._next_reminders.get(platform.id)
        return next_reminder_cell(nearest, today) if today is not None else Text()

    def row(self, platform: Platform, today: date | None) -> tuple[Text, ...]:
        """The platform's cells, built once per data version and reused while filtering."""
        cached = self._rows.get(platform.id)
        if cached is not None:
            return cached
        settled = money(platform.settled, privacy=self.closure_app.privacy)
        cells = (
            plain(platform.name),
            Text(t(f"kind.{platform.kind.value}")),
            progress_cell(platform),
            Text(next_label(platform), style="" if platform.next_stage else "green"),
            Text(settled, justify="right"),
            self.reminder_cell(platform, today),
        )
        self._rows[platform.id] = cells
        return cells

    def summary_text(self, summary: Summary) -> Text:
        privacy = self.closure_app.privacy
        parts = [
            t("dash.summary.counts", platforms=summary.platforms, closed=summary.closed),
            t("dash.summary.steps", steps=summary.steps_left),
            t(
                "dash.summary.money",
                original=money(summary.original, privacy=privacy),
                settled=money(summary.settled, privacy=privacy),
                saved=money(summary.saved, privacy=privacy),
            ),
        ]
        return Text("  ·  ".join(parts), no_wrap=True, overflow="ellipsis")

    # ---- refreshing ----------------------------------------------------------------------

    def reload(self) -> None:
        """Rebuild the table from the store, keeping the highlighted platform if still shown."""
        service = self.closure_app.service
        if service is None:
            return
        app = self.closure_app
        today = service.today()
        # What does not depend on the filter is recomputed only when the data changed,
        # so a filter keystroke only narrows a sorted list and reuses built cells.
        data_key = (app.data_version, app.language, app.privacy, today)
        changed = data_key != self._data_key
        if changed:
            self._everything = service.platforms()
            self._next_reminders = Reminders(service).next_by_platform()
            self._rows = {}
            self._in_view = {}
        everything = self._everything
        in_view = self._in_view.get(self.view)
        if in_view is None:
            in_view = [(p.name.casefold(), p) for p in select(everything, self.view)]
            self._in_view[self.view] = in_view
        query = self.filter_input.value
        wanted = query.strip().casefold()
        shown = [p for name, p in in_view if wanted in name]
        table = self.table
        highlighted = self.highlighted_id()
        table.clear(columns=True)
        for key in COLUMNS:
            table.add_column(Text(t(f"col.{key}")), key=key)
        self._fill_generation += 1
        self._fill(shown, 0, highlighted, self._fill_generation, today)
        if changed:
            self._data_key = data_key
            self.query_one("#summary", Static).update(self.summary_text(summarise(everything)))
        welcome = not everything
        self.query_one("#welcome", Static).update(Text(t("dash.welcome")))
        self.query_one("#welcome").display = welcome
        self.query_one("#summary").display = not welcome
        table.display = bool(shown)
        empty = self.query_one("#empty", Static)
        empty.display = not welcome and not shown
        empty.update(self.empty_text(query))
        self.sub_title = t(f"dash.title.{self.view.value}", shown=len(shown))

    def _fill(
        self,
        shown: list[Platform],
        start: int,
        highlighted: int | None,
        generation: int,
        today: date | None,
    ) -> None:
        """Add rows from `start`: a screenful before the next paint, the rest after it.

        Building and measuring thousands of rows took seconds; the rows on screen now
        come first, the others in chunks after each paint, and a newer reload (a
        filter keystroke) drops the chunks still pending.
        """
        if generation != self._fill_generation:
            return
        table = self.table
        stop = start + (FIRST_ROWS if start == 0 else MORE_ROWS)
        for platform in shown[start:stop]:
            table.add_row(*self.row(platform, today), key=str(platform.id))
        if highlighted is not None and str(highlighted) in table.rows:
            table.move_cursor(row=table.get_row_index(str(highlighted)))
            highlighted = None
        if stop < len(shown):
            # A timer, not `call_after_refresh`: keys typed meanwhile go first.
            self.set_timer(
                CHUNK_PAUSE, lambda: self._fill(shown, stop, highlighted, generation, today)
            )

    def empty_text(self, query: str) -> Text:
        if query.strip():
            return Text(t("dash.no_match", query=query))
        return Text(t(f"dash.empty.{self.view.value}"))

    def highlighted_id(self) -> int | None:
        table = self.table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    # ---- actions -------------------------------------------------------------------------

    def action_cycle_view(self) -> None:
        self.view = self.view.next()

    def show_view(self, view: View) -> None:
        self.view = view

    def action_filter(self) -> None:
        self.filter_input.display = True
        self.refresh_bindings()
        self.filter_input.placeholder = t("dash.filter.placeholder")
        # At once, not deferred like `focus()`: with `/` a priority binding, keys typed
        # right after it (quickly, pasted, or from an input method) reach the filter.
        self.set_focus(self.filter_input)

    def action_clear_filter(self) -> None:
        self.filter_input.value = ""
        self.filter_input.display = False
        self.refresh_bindings()
        self.table.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_platform(int(event.row_key.value))

    def open_platform(self, platform_id: int) -> None:
        from closure_tui.tui.screens.platform import PlatformScreen

        self.app.push_screen(PlatformScreen(platform_id))
