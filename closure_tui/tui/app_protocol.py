"""What screens, dialogs and widgets need from the app, and the one way they reach it.

They depend on this Protocol, not on the app module, so the app can import every screen
while no screen imports the app: the modules form a tree (`tests/test_import_contract.py`).
The app's own Textual members (`push_screen`, `notify`, ...) stay on `node.app`. Modules
import these Protocols for annotations only (under TYPE_CHECKING) and reach the app through
`tui.closure_app`, so no Protocol class is built at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from textual.timer import Timer

    from closure_tui.config import Config
    from closure_tui.domain.clock import Clock
    from closure_tui.domain.errors import DomainError
    from closure_tui.domain.stages import StageKey
    from closure_tui.services.closures import Closures

T = TypeVar("T")


class ClosureAppApi(Protocol):
    """The app as its screens see it: the open data, the user's settings, the way to change
    the data (`perform`) and to read what may turn out damaged (`read`)."""

    service: Closures | None
    read_only: bool
    privacy: bool
    data_version: int
    language: str
    today: date
    config: Config
    clock: Clock
    data_dir: Path

    def perform(
        self,
        change: Callable[[Closures], T],
        refused: Callable[[DomainError], None] | None = None,
        *,
        warned: bool = False,
    ) -> T | None:
        """Run one use case; report refusals and warnings; None when nothing was saved."""

    def read(self, query: Callable[[Closures], T], default: T) -> T:
        """Run a query; a damaged file is reported and `default` returned."""

    def allows(self, action: str) -> bool:
        """False for an action that cannot run now (writes while read-only, no data)."""

    def ask_reminder(self, platform_id: int, stage: StageKey | None = None) -> None:
        """Open the form for a new reminder about the platform (and stage)."""

    def ask_snooze(self, reminder_id: int) -> None:
        """Ask until when to snooze the reminder."""

    def ask_reminder_edit(self, reminder_id: int) -> None:
        """Edit the reminder's date and text."""

    def open_store(self) -> None:
        """Open the data again (after a backup was restored)."""

    def close_store(self) -> None:
        """Close the data (before a backup is restored over it)."""


class AppHost(ClosureAppApi, Protocol):
    """What the app's own parts (undo, exports, reminders, following the writer) use: the
    screens' view and the few Textual members they call."""

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None: ...

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any: ...

    def set_interval(self, interval: float, callback: Callable[[], object]) -> Timer: ...

    def watch(
        self, obj: Any, attribute_name: str, callback: Callable[[], None], init: bool = True
    ) -> None: ...

    def refresh_bindings(self) -> None: ...


class InApp(Protocol):
    """A screen, dialog, widget or palette provider: anything with its running `app`."""

    @property
    def app(self) -> Any: ...
