"""A side panel of the platform screen that redraws itself after every change."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from closure_tui.services.closures import Closures
from closure_tui.tui.closure_app import closure_app


class PlatformPanel(Static):
    """Subclasses build their plain text in `build`; user data is never markup."""

    DEFAULT_CSS = """
    PlatformPanel { height: auto; padding: 0 1; }
    """

    def __init__(self, platform_id: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.platform_id = platform_id

    def on_mount(self) -> None:
        self.watch(self.app, "data_version", self.reload)
        self.watch(self.app, "language", self.reload, init=False)
        self.watch(self.app, "privacy", self.reload, init=False)

    def reload(self, _: object = None) -> None:
        app = closure_app(self)
        service = app.service
        if service is not None and service.find(self.platform_id) is not None:
            text = app.read(self.build, None)
            if text is not None:
                self.update(text)

    def build(self, service: Closures) -> Text:
        raise NotImplementedError
