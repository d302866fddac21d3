"""The summary screen: overall progress and a chart of original vs settled per platform."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from closure_tui.domain.platform import Platform
from closure_tui.i18n import t, tn
from closure_tui.services.summary import summarise
from closure_tui.textwidth import fit
from closure_tui.tui.actions import bindings
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.text import money
from closure_tui.tui.widgets.title_bar import TitleBar

BAR_WIDTH = 40
NAME_WIDTH = 16
FULL, EMPTY = "█", " "


def bar(amount: Decimal | None, largest: Decimal) -> str:
    """A horizontal bar `amount / largest` of `BAR_WIDTH` cells (empty when unknown)."""
    if amount is None or largest <= 0:
        return ""
    cells = round(BAR_WIDTH * amount / largest)
    return FULL * max(cells, 1 if amount > 0 else 0)


def _figure(amount: Decimal | None, privacy: bool) -> str:
    """The amount beside its bar; in privacy mode the bars stand alone."""
    return "" if privacy else f" {money(amount, privacy=False)}"


def chart(platforms: list[Platform], *, privacy: bool) -> Text:
    """Two bars per platform: original (dim) over settled (green), amounts beside them
    unless in privacy mode."""
    largest = max((p.original or p.settled or Decimal(0) for p in platforms), default=Decimal(0))
    text = Text(no_wrap=True)
    text.append(f"{' ' * NAME_WIDTH}  ")
    text.append(FULL * 2, style="grey50")
    text.append(f" {t('report.original')}   ")
    text.append(FULL * 2, style="green")
    text.append(f" {t('report.settled')}\n\n")
    for platform in platforms:
        name = fit(platform.name, NAME_WIDTH)
        text.append(f"{name}  ")
        text.append(bar(platform.original, largest), style="grey50")
        text.append(_figure(platform.original, privacy) + "\n")
        text.append(f"{' ' * NAME_WIDTH}  ")
        text.append(bar(platform.settled, largest), style="green")
        text.append(_figure(platform.settled, privacy) + "\n")
    return text


class SummaryScreen(Screen[None]):
    """Read-only; refreshes after every saved change and when privacy mode toggles."""

    BINDINGS = bindings("summary")
    CSS_PATH = "summary.tcss"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll():
            yield Static(id="totals")
            yield ProgressBar(id="progress", show_eta=False)
            yield Static(id="chart")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("cmd.summary")
        self.watch(self.app, "data_version", self.reload)
        self.watch(self.app, "privacy", self.reload)

    def reload(self, _: object = None) -> None:
        app = closure_app(self)
        if app.service is None:
            return
        platforms = app.service.platforms()
        privacy = app.privacy
        summary = summarise(platforms)
        done = sum(p.done_count for p in platforms)
        applicable = sum(p.applicable_count for p in platforms)
        self.query_one("#totals", Static).update(
            Text(
                t(
                    "tui.summary.totals",
                    platforms=tn("count.platforms", summary.platforms),
                    closed=summary.closed,
                    original=money(summary.original, privacy=privacy),
                    settled=money(summary.settled, privacy=privacy),
                    saved=money(summary.saved, privacy=privacy),
                    done=done,
                    applicable=applicable,
                )
            )
        )
        self.query_one("#progress", ProgressBar).update(total=max(applicable, 1), progress=done)
        self.query_one("#chart", Static).update(chart(platforms, privacy=privacy))
