"""The baseline for first frame and memory: a bare Textual app that shows one Label."""

from textual.app import App, ComposeResult
from textual.widgets import Label

MARKER = "bare-app-ready"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label(MARKER)


if __name__ == "__main__":
    BareApp().run()
