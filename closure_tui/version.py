"""The version, read from the installed package metadata (never hard-coded twice)."""

from importlib.metadata import PackageNotFoundError, version


def app_version() -> str:
    """Return the installed version, or a marker when running from an uninstalled tree."""
    try:
        return version("closure-tui")
    except PackageNotFoundError:
        return "0+unknown"
