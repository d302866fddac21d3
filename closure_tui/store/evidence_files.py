"""Evidence files on disk: hashed by streaming, copied into the private `evidence/` folder.

File contents are only ever streamed through SHA-256 (and into the copy); they
are never decoded, logged or shown.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from closure_tui.domain.evidence import EVIDENCE_DIR
from closure_tui.store.fsutil import (
    PRIVATE_FILE,
    ensure_private_dir,
    fsync_dir,
    is_temp_name,
    temp_path_for,
)
from closure_tui.store.refusals import LinkRefused

CHUNK = 1 << 20
_UNSAFE = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True, slots=True)
class FileFacts:
    size: int
    sha256: str


def hash_file(path: Path) -> FileFacts:
    """Size and SHA-256 of `path`, read in chunks. Raises OSError."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return FileFacts(size, digest.hexdigest())


def evidence_dir(data_dir: Path) -> Path:
    return data_dir / EVIDENCE_DIR


def evidence_copies(data_dir: Path) -> list[Path]:
    """The copies kept in `evidence/` (plain files; temporaries of an attach left out)."""
    folder = evidence_dir(data_dir)
    if folder.is_symlink() or not folder.is_dir():
        return []
    return sorted(
        entry
        for entry in folder.iterdir()
        if not entry.is_symlink() and entry.is_file() and not is_temp_name(entry.name)
    )


def copy_into_evidence(data_dir: Path, source: Path, prefix: str) -> tuple[FileFacts, str]:
    """Copy `source` into `evidence/` (0600, folder 0700), hashing as it streams.

    Returns the facts and the copy's path relative to the data directory. The copy
    is named `<prefix>-<hash start>-<file name>`, so the same file attached twice is
    stored once and a different file never overwrites an earlier one. An `evidence/`
    that is a link is refused (`LinkRefused`): copies are never written through it.
    """
    folder = evidence_dir(data_dir)
    if folder.is_symlink():
        raise LinkRefused(folder)
    ensure_private_dir(folder)
    temp = temp_path_for(folder / "incoming")
    digest = hashlib.sha256()
    size = 0
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        facts = FileFacts(size, digest.hexdigest())
        safe_name = _UNSAFE.sub("_", source.name)[-80:] or "file"
        target = folder / f"{prefix}-{facts.sha256[:12]}-{safe_name}"
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(folder)
    return facts, str(target.relative_to(data_dir))
