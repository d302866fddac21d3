"""Which platforms a list shows, in what order, and how their progress reads.

Shared by the CLI's `list` and the TUI dashboard so both agree on what
"outstanding" means and how a row's progress looks.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import STAGE_ORDER, StageState
from closure_tui.i18n import t

DONE_MARK, TODO_MARK, SKIP_MARK = "▰", "▱", "▭"
MARKS = {StageState.DONE: DONE_MARK, StageState.TODO: TODO_MARK, StageState.SKIPPED: SKIP_MARK}


class View(StrEnum):
    """The dashboard's views, in the order `o` cycles through them."""

    OUTSTANDING = "outstanding"
    ALL = "all"
    CLOSED = "closed"

    def next(self) -> View:
        views = list(View)
        return views[(views.index(self) + 1) % len(views)]


def progress_marks(platform: Platform) -> str:
    """One mark a stage: done ▰, to do ▱, not applicable ▭."""
    return "".join(MARKS[stage.state] for stage in platform.stages)


def progress_count(platform: Platform) -> str:
    return f"{platform.done_count}/{platform.applicable_count}"


def progress_bar(platform: Platform) -> str:
    return f"{progress_marks(platform)} {progress_count(platform)}"


def next_label(platform: Platform) -> str:
    key = platform.next_stage
    return t(f"stage.{key.value}") if key else t("cli.closed")


def in_view(platform: Platform, view: View) -> bool:
    if view is View.OUTSTANDING:
        return not platform.closed
    if view is View.CLOSED:
        return platform.closed
    return True


def name_matches(platform: Platform, query: str) -> bool:
    """Case-insensitive substring match on the name (Chinese names match by any part)."""
    return _named(platform, query.strip().casefold())


def _named(platform: Platform, wanted: str) -> bool:
    """`name_matches` for a query already stripped and casefolded."""
    return not wanted or wanted in platform.name.casefold()


def sort_key(platform: Platform) -> tuple[int, int, str, int]:
    """Outstanding before closed; among outstanding, the earliest next stage first
    (a platform still negotiating comes before one only waiting for a card unbinding);
    then by name, then by id."""
    next_stage = platform.next_stage
    closed = next_stage is None
    position = len(STAGE_ORDER) if closed else STAGE_ORDER.index(next_stage)
    return (int(closed), position, platform.name.casefold(), platform.id)


def select(platforms: Iterable[Platform], view: View, query: str = "") -> list[Platform]:
    """The platforms a view shows, filtered by name and sorted by `sort_key`."""
    wanted = query.strip().casefold()
    chosen = [p for p in platforms if in_view(p, view) and _named(p, wanted)]
    return sorted(chosen, key=sort_key)
