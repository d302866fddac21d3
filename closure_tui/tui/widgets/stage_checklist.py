"""The six stages as a checklist: a clickable box, the stage, its date and an evidence line."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Click
from textual.message import Message
from textual.widgets import ListItem, ListView, Static

from closure_tui.domain.platform import Platform, Stage
from closure_tui.domain.stages import STAGE_ORDER, StageKey, StageState
from closure_tui.i18n import t
from closure_tui.tui.widgets.evidence_view import evidence_summary

BOXES = {StageState.TODO: "[ ]", StageState.DONE: "[x]", StageState.SKIPPED: "[-]"}


class StageBox(Static):
    """The checkbox of one row; a click asks the screen to toggle that stage."""

    class Clicked(Message):
        def __init__(self, key: StageKey) -> None:
            super().__init__()
            self.key = key

    def __init__(self, key: StageKey) -> None:
        super().__init__(BOXES[StageState.TODO], markup=False, classes="stage-box")
        self.key = key

    def on_click(self, event: Click) -> None:
        self.post_message(self.Clicked(self.key))


class StageRow(ListItem):
    """One stage; its classes `-done` / `-skipped` let the stylesheet tell states apart."""

    def __init__(self, key: StageKey) -> None:
        super().__init__(id=f"stage-{key.value}")
        self.key = key

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield StageBox(self.key)
            yield Static("", markup=False, classes="stage-label")
            yield Static("", markup=False, classes="stage-date")
            yield Static("", markup=False, classes="stage-summary")

    def show(self, stage: Stage, summary: Text) -> None:
        self.query_one(StageBox).update(BOXES[stage.state])
        self.query_one(".stage-label", Static).update(t(f"stage.{self.key.value}"))
        done_on = stage.done_on.isoformat() if stage.done_on else ""
        self.query_one(".stage-date", Static).update(done_on or t(f"state.{stage.state.value}"))
        self.query_one(".stage-summary", Static).update(summary)
        self.set_class(stage.state is StageState.DONE, "-done")
        self.set_class(stage.state is StageState.SKIPPED, "-skipped")


class StageChecklist(ListView):
    """Up/down moves the highlight, Home / End to the first / last stage; the screen's
    bindings act on `highlighted_key`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(*(StageRow(key) for key in STAGE_ORDER), id="stages")

    @property
    def highlighted_key(self) -> StageKey:
        return STAGE_ORDER[self.index or 0]

    def show(self, platform: Platform, *, privacy: bool) -> None:
        for row in self.query(StageRow):
            summary = evidence_summary(platform, row.key, privacy=privacy)
            row.show(platform.stage(row.key), summary)

    def highlight(self, key: StageKey) -> None:
        self.index = STAGE_ORDER.index(key)

    def action_first(self) -> None:
        self.highlight(STAGE_ORDER[0])

    def action_last(self) -> None:
        self.highlight(STAGE_ORDER[-1])
