"""The report formats by name, apart from their writers (`services.reports.EXPORTERS`):
the CLI's parser and the command palette list them without importing the writers.
Each name is also its files' extension."""

REPORT_FORMATS = ("md", "csv", "json")
