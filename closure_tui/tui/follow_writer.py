"""A read-only app follows the instance that writes: when the writer saves, the data is
read again (within two seconds) and every screen redraws through `data_version`."""

from __future__ import annotations

from textual.timer import Timer

from closure_tui.services.errors import StoreError
from closure_tui.services.follow import FOLLOW_INTERVAL, DataWatch
from closure_tui.services.session import open_closures
from closure_tui.tui.mixin_base import AppMembers


class FollowWriter(AppMembers):
    """Mixed into `ClosureApp`."""

    _data_watch: DataWatch | None = None
    _follow_timer: Timer | None = None

    def follow_writer(self) -> None:
        """Look at the data files' stat once a second while read-only."""
        self._data_watch = DataWatch(self.data_dir)
        if self._follow_timer is None:
            self._follow_timer = self.set_interval(FOLLOW_INTERVAL, self.reload_if_saved)

    def reload_if_saved(self) -> bool:
        """Read the data again when the writer saved since the last look; True if it did.

        A file that cannot be read now keeps the data shown until the files change again."""
        watch = self._data_watch
        if not self.read_only or watch is None or not watch.changed():
            return False
        try:
            fresh = open_closures(
                self.data_dir, self.clock, writable=False, offsets=self.config.followups
            )
        except StoreError:
            return False
        stale, self.service = self.service, fresh
        if stale is not None:
            stale.close()
        self.data_version += 1
        return True
