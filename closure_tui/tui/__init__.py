"""The Textual app. Only imported when the TUI is launched."""
