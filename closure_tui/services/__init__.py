"""Use cases shared by the CLI and the TUI; neither touches TinyDB directly."""
