"""The one-line title at the top of every full screen."""

from __future__ import annotations

from textual.content import Content
from textual.events import Click
from textual.widget import Widget

ICON = "⭘"
#: Cells kept on the left for the icon and on the right (where Header keeps its clock).
ICON_CELLS, RIGHT_CELLS = 8, 10


class TitleBar(Widget):
    """Draws the line Textual's `Header` draws (icon, then title — sub-title centred) as one
    widget: `Header` builds four, with their stylesheets, which was about 8 ms of a cold
    start. A click on the icon opens the command palette, as it does in `Header`."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            for name in ("title", "sub_title"):
                self.watch(node, name, self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = app.format_title(
            app.title if screen.title is None else screen.title,
            app.sub_title if screen.sub_title is None else screen.sub_title,
        )
        middle = max(self.size.width - ICON_CELLS - RIGHT_CELLS, 0)
        icon = Content(f" {ICON}").pad_right(ICON_CELLS - 2)
        return Content.assemble(icon, title.center(middle, ellipsis=True), " " * RIGHT_CELLS)

    async def on_click(self, event: Click) -> None:
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
