"""Where an export may be written: never into the data directory, never over a file unasked.

An export named like a data file (`closure.json`) inside the data directory would replace
the store itself; an existing file elsewhere may be the user's own and is kept unless
they pass `--force`.
"""

from __future__ import annotations

from pathlib import Path

from closure_tui.domain.errors import DomainError


def export_target(path: Path, data_dir: Path, *, force: bool) -> Path:
    """The absolute path to write, or DomainError saying why it may not be written."""
    target = path.expanduser().absolute()
    if not target.parent.is_dir():
        raise DomainError("err.export.no_folder", path=str(target.parent))
    if target.is_dir():
        raise DomainError("err.export.is_folder", path=str(target))
    if target.resolve().is_relative_to(data_dir.expanduser().resolve()):
        raise DomainError("err.export.in_data_dir", path=str(target), data_dir=str(data_dir))
    if (target.exists() or target.is_symlink()) and not force:
        raise DomainError("err.export.exists", path=str(target))
    return target
