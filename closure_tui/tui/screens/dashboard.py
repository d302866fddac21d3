"""The home screen: every platform's progress at a glance, filtered and sorted.

It reads through `app.service` and refreshes whenever `data_version`, the
language or privacy mode changes; it never writes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.lazy import Lazy
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from closure_tui.domain.judgement import Judgement
from closure_tui.domain.platform import Platform
from closure_tui.domain.reminders import Reminder
from closure_tui.i18n import t, tn
from closure_tui.services.listing import (
    MARKS,
    View,
    next_label,
    progress_count,
    select,
)
from closure_tui.services.reminders import Reminders
from closure_tui.services.summary import Summary, summarise
from closure_tui.tui.actions import WriteGuard, bindings
from closure_tui.tui.breach_marker import breach_marked, platforms_in_breach
from closure_tui.tui.reminder_cells import next_reminder_cell
from closure_tui.tui.report_marker import closed_judgements, next_cell
from closure_tui.tui.text import money, plain
from closure_tui.tui.widgets.platform_table import PlatformTable
from closure_tui.tui.widgets.safe_input import SafeInput
from closure_tui.tui.widgets.summary_line import SummaryLine
from closure_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from textual.widgets import Input

    from closure_tui.services.closures import Closures
    from closure_tui.tui.app_protocol import ClosureAppApi

#: Column keys, in display order; each header is the catalogue entry `col.<key>`.
COLUMNS = ("name", "kind", "progress", "next", "settled", "reminder")
#: When the row is too wide the kind, next step and reminder give way first (a date stays
#: whole), then a long name, then all three further; progress (`3/6`) and the amount never.
GIVE = (((1, 8), (3, 10), (5, 10)), ((0, 16),), ((0, 6), (1, 6), (3, 6)))
#: Right-justified columns (their header too).
RIGHT = frozenset({"settled"})
MARK_STYLES = {"▰": "bold green", "▱": "dim", "▭": "yellow"}


def progress_cell(platform: Platform) -> Text:
    """`▰▰▱▭▱▱ 2/5`: done green, to do dim, not applicable yellow and a different glyph."""
    cell = Text(no_wrap=True)
    for stage in platform.stages:
        mark = MARKS[stage.state]
        cell.append(mark, style=MARK_STYLES[mark])
    cell.append(f" {progress_count(platform)}")
    return cell


class RowCells:
    """Builds every platform's cells for one data version.

    Kind, progress and next step take few distinct values: each is built once and
    shared, so a store of thousands of platforms builds its rows in a few milliseconds.
    """

    def __init__(
        self,
        privacy: bool,
        today: date,
        reminders: dict[int, Reminder],
        judgements: dict[int, Judgement],
        breaching: frozenset[int] = frozenset(),
    ) -> None:
        self.privacy = privacy
        self.today = today
        self.reminders = reminders
        self.judgements = judgements
        self.breaching = breaching
        self._shared: dict[object, Text] = {}
        self._blank = Text()

    def _share(self, key: object, build: Callable[[], Text]) -> Text:
        cell = self._shared.get(key)
        if cell is None:
            cell = self._shared[key] = build()
        return cell

    def row(self, platform: Platform) -> tuple[Text, ...]:
        states = tuple([stage.state for stage in platform.stages])
        next_stage = platform.next_stage
        reminder = self.reminders.get(platform.id)
        verdict = self.judgements.get(platform.id)
        return (
            breach_marked(platform.name) if platform.id in self.breaching else plain(platform.name),
            self._share(("kind", platform.kind), lambda: Text(t(f"kind.{platform.kind.value}"))),
            self._share(("progress", states), lambda: progress_cell(platform)),
            self._share(
                ("next", next_stage, verdict),
                lambda: next_cell(next_label(platform), "" if next_stage else "green", verdict),
            ),
            Text(money(platform.settled, privacy=self.privacy), justify="right"),
            self._blank if reminder is None else next_reminder_cell(reminder, self.today),
        )


class DashboardScreen(WriteGuard, Screen[None]):
    """Platforms as a table with a summary line, a view (`o`) and a name filter (`/`)."""

    #: Its own styles, parsed with the widgets' as the screen registers: a screen bringing a
    #: stylesheet file (`CSS_PATH`) makes Textual parse every stylesheet again, on the way
    #: to the first frame.
    DEFAULT_CSS = """
    DashboardScreen {
        #summary {
            height: 1;
            padding: 0 1;
            color: $text-muted;
        }
        #filter {
            margin: 0 1;
            display: none;
        }
        #platforms {
            width: 100%;
            height: 1fr;
        }
        #message {
            padding: 1 2;
            display: none;
            &.empty {
                color: $text-muted;
            }
            &.welcome {
                margin: 1 2;
                border: round $primary;
            }
        }
    }
    """
    #: In the Footer (80 columns): open, filter, add, agenda, undo and `?`; the rest in `?`.
    BINDINGS = bindings("dashboard")
    #: The table has the keys; Textual focuses it once the screen is composed.
    AUTO_FOCUS = "#platforms"

    view: reactive[View] = reactive(View.OUTSTANDING, init=False)

    def __init__(self) -> None:
        super().__init__()
        #: What the rows were built from (data version, language, privacy, day).
        self._data_key: tuple[object, ...] = ()
        self._everything: list[Platform] = []
        #: Each view's sorted (casefolded name, platform id) pairs; emptied whenever
        #: `_data_key` changes.
        self._in_view: dict[View, list[tuple[str, int]]] = {}
        self.filter_input = SafeInput(id="filter", compact=True)

    def compose(self) -> ComposeResult:
        """The filter and the Footer are mounted just after the first frame (`Lazy`): the
        filter is hidden until `/` and the Footer lists its keys only a refresh after it
        mounts anyway, so the first frame looks the same without building either."""
        yield TitleBar()
        yield SummaryLine(id="summary")
        yield Lazy(self.filter_input)
        yield PlatformTable(id="platforms", give=GIVE)
        yield Static(id="message", markup=False)
        yield Lazy(Footer())

    @property
    def closure_app(self) -> ClosureAppApi:
        return cast("ClosureAppApi", self.app)

    @property
    def table(self) -> PlatformTable:
        return self.query_one(PlatformTable)

    @property
    def filtering(self) -> bool:
        return self.filter_input.display

    def on_mount(self) -> None:
        for name in ("data_version", "language", "privacy", "today"):
            self.watch(self.app, name, self.reload, init=False)
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.filtering
        if action == "filter":
            return self.focused is not self.filter_input
        return super().check_action(action, parameters)

    def watch_view(self) -> None:
        self.reload()

    def summary_variants(self, summary: Summary, confirmed: int = 0) -> list[Text]:
        """The summary line, most detailed first; the narrower ones keep the saved amount.
        With a closed platform, how many the credit report confirms follows the counts."""
        privacy = self.closure_app.privacy
        platforms = tn("count.platforms", summary.platforms)
        counts = t("dash.summary.counts", platforms=platforms, closed=summary.closed)
        steps = t("dash.summary.steps", steps=tn("count.steps", summary.steps_left))
        saved = money(summary.saved, privacy=privacy)
        full = t(
            "dash.summary.money",
            original=money(summary.original, privacy=privacy),
            settled=money(summary.settled, privacy=privacy),
            saved=saved,
        )
        short = t("dash.summary.saved", saved=saved)
        report = [t("dash.summary.confirmed", confirmed=confirmed)] if summary.closed else []
        variants = (
            [counts, *report, steps, full],
            [counts, *report, steps, short],
            [counts, *report, short],
            [counts, short],
            [short],
        )
        return [Text("  ·  ".join(parts), no_wrap=True) for parts in variants]

    # ---- refreshing ----------------------------------------------------------------------

    def reload(self) -> None:
        """Show the platforms in view matching the filter, keeping the highlighted one."""
        service = self.closure_app.service
        if service is None:
            return
        app = self.closure_app
        today = service.today()
        # What does not depend on the filter is rebuilt only when the data changed,
        # so a filter keystroke only narrows a sorted list of ids.
        data_key = (app.data_version, app.language, app.privacy, today)
        if data_key != self._data_key:
            self._data_key = data_key
            self._load(service, today)
        self._show()

    def _load(self, service: Closures, today: date) -> None:
        """Every platform's cells into the table, and the summary line."""
        privacy = self.closure_app.privacy
        everything = self._everything = service.platforms()
        self._in_view = {}
        judgements = closed_judgements(service, everything)
        breaching = platforms_in_breach(self.closure_app)
        reminders = Reminders(service).next_by_platform()
        cells = RowCells(privacy, today, reminders, judgements, breaching)
        headers = [
            Text(t(f"col.{key}"), justify="right" if key in RIGHT else "left") for key in COLUMNS
        ]
        self.table.load(headers, {platform.id: cells.row(platform) for platform in everything})
        confirmed = sum(j is Judgement.CONFIRMED for j in judgements.values())
        variants = self.summary_variants(summarise(everything), confirmed)
        self.query_one("#summary", SummaryLine).show(variants)
        self.query_one("#summary").display = bool(everything)

    def _show(self) -> None:
        """The rows of the current view whose name contains the filter."""
        in_view = self._in_view.get(self.view)
        if in_view is None:
            in_view = [(p.name.casefold(), p.id) for p in select(self._everything, self.view)]
            self._in_view[self.view] = in_view
        query = self.filter_input.value if self.filtering else ""
        wanted = query.strip().casefold()
        shown = [platform_id for name, platform_id in in_view if wanted in name]
        table = self.table
        table.show(shown)
        table.display = bool(shown)
        if not self._everything:
            self._message(self.welcome_text(), "welcome")
        elif not shown:
            self._message(self.empty_text(query), "empty")
        else:
            self._message(None)
        self.sub_title = t(f"dash.title.{self.view.value}", shown=len(shown))

    def _message(self, text: Text | None, kind: str = "") -> None:
        """Show `text` in the message line, styled as `kind` (`welcome` to an empty store,
        `empty` for a view or filter showing nothing), or hide the line (None)."""
        line = self.query_one("#message", Static)
        line.display = text is not None
        if text is not None:
            line.set_classes(kind)
            line.update(text)

    def welcome_text(self) -> Text:
        key = "dash.welcome" if self.closure_app.allows("add_platform") else "dash.read_only"
        return Text(t(key))

    def empty_text(self, query: str) -> Text:
        if query.strip():
            return Text(t("dash.no_match", query=query))
        return Text(t(f"dash.empty.{self.view.value}"))

    # ---- actions -------------------------------------------------------------------------

    def action_cycle_view(self) -> None:
        self.view = self.view.next()

    def show_view(self, view: View) -> None:
        self.view = view

    def action_filter(self) -> None:
        filter_input = self.filter_input
        filter_input.display = True
        self.refresh_bindings()
        filter_input.placeholder = t("dash.filter.placeholder")
        # At once, not deferred like `focus()`: with `/` a priority binding, keys typed
        # right after it (quickly, pasted, or from an input method) reach the filter.
        self.set_focus(filter_input)

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

    def on_platform_table_selected(self, event: PlatformTable.Selected) -> None:
        self.open_platform(event.platform_id)

    def open_platform(self, platform_id: int) -> None:
        from closure_tui.tui.screens.platform import PlatformScreen

        self.app.push_screen(PlatformScreen(platform_id))
