"""A read-only app follows the instance that writes: when the writer saves, the data is
read again (within two seconds) and every screen redraws through `data_version`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from closure_tui.services.errors import StoreError
from closure_tui.services.follow import FOLLOW_INTERVAL, DataWatch
from closure_tui.services.session import open_closures

if TYPE_CHECKING:
    from textual.timer import Timer

    from closure_tui.tui.app_protocol import AppHost


class WriterFollower:
    """Owned by the app; started when the data opens read-only."""

    def __init__(self, app: AppHost) -> None:
        self.app = app
        self.watch: DataWatch | None = None
        self.timer: Timer | None = None

    def start(self) -> None:
        """Look at the data files' stat once a second while read-only."""
        self.watch = DataWatch(self.app.data_dir)
        if self.timer is None:
            self.timer = self.app.set_interval(FOLLOW_INTERVAL, self.reload_if_saved)

    def reload_if_saved(self) -> bool:
        """Read the data again when the writer saved since the last look; True if it did.

        A file that cannot be read now keeps the data shown until the files change again."""
        app, watch = self.app, self.watch
        if not app.read_only or watch is None or not watch.changed():
            return False
        try:
            fresh = open_closures(
                app.data_dir, app.clock, writable=False, offsets=app.config.followups
            )
        except StoreError:
            return False
        stale, app.service = app.service, fresh
        if stale is not None:
            stale.close()
        app.data_version += 1
        return True
