"""What the app's action mixins are type-checked against: a Textual `App` with the members
of `ClosureApp` they use. At run time the mixins derive from `object` and get all of it
from `ClosureApp`, which lists them before `App`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from textual.app import App

    from closure_tui.config import Config
    from closure_tui.domain.clock import Clock
    from closure_tui.domain.errors import DomainError
    from closure_tui.services.closures import Closures

    class AppMembers(App[None]):
        clock: Clock
        config: Config
        data_dir: Path
        data_version: int
        privacy: bool
        service: Closures | None
        read_only: bool
        today: date

        def read(self, query: Callable[[Closures], T], default: T) -> T: ...

        def action_help(self) -> None: ...

        def perform(
            self,
            change: Callable[[Closures], T],
            refused: Callable[[DomainError], None] | None = None,
        ) -> T | None: ...

else:
    AppMembers = object
