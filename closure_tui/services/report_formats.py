"""The report formats by name, apart from their writers (`services.reports.EXPORTERS`):
the CLI's parser and the command palette list them without importing the writers."""

REPORT_FORMATS = ("md", "csv", "json", "archive")
#: The file extension of each format whose name is not its extension.
_EXTENSIONS = {"archive": "zip"}


def extension(fmt: str) -> str:
    """The extension of `fmt`'s files (`archive` → `zip`, otherwise the name itself)."""
    return _EXTENSIONS.get(fmt, fmt)
