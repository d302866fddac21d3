"""Remembering what this program last wrote to each data file, so opening need not re-check it.

Validating a file (strict parse, then decoding every record) is most of the time
an open takes, yet the bytes are usually exactly those this program wrote from
validated records. After each save the store records the file's stat signature
(inode, size, mtime, ctime, as they were right after the write) and, once the run
ends, the SHA-256 of those bytes. A file whose signature still matches, or whose
digest does, is known to hold what was validated: it is parsed with the plain C
JSON parser and its records are decoded only when used. Any other byte (damage,
another program, an older version's save, a restored backup) changes the digest:
full validation, exactly as without a record. A file that a writer had to check in
full at open is recorded the same way (digest at once), so one full check is enough
even when that run ends without saving (a killed app, a closed terminal window).

The signature is trusted only when the file changed before the record was last
written (its ctime older than the record's mtime); a change in the same clock tick
as the record could keep every field of the signature, so such a file is hashed
(as git treats "racily clean" files).

A backup's hard link moves a file's ctime but not its bytes: a file seen to hold
recorded content is recorded again with the new ctime, marked as linked, so the next
open trusts it even if the link and the record share a clock tick (its mtime, which any
write moves, must still be older than the record).

The record is only a cache: missing, unreadable or made under other rules, it is
ignored; it is written without fsync (the data file it describes is already
durable, and a lost or torn record only costs a full check). The rules are the
source of the modules that decide what decodes (`rules_version`), so a stricter
decoder re-checks every file once without anyone remembering to say so.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from closure_tui.store.fsutil import file_sha256, read_file, replace_quietly
from closure_tui.store.schema import CURRENT_SCHEMA

RECORD_FILE = ".verified.json"
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _is_rule_file(folder: str, name: str) -> bool:
    """What decides whether a stored record is valid: the codecs, the schema and the domain."""
    if folder == "store":
        return name in ("schema.py", "datafiles.py") or (
            name.startswith("codec") and name.endswith(".py")
        )
    return name.endswith(".py")


Signature = list[int]


def rules_version(files: Iterable[str | Path]) -> str:
    """A checksum of the rules' source: files checked under other rules are checked again.
    Empty when a file cannot be read, and then no record is trusted."""
    checksum = 0
    try:
        for path in files:
            checksum = zlib.crc32(read_file(path), checksum)
    except OSError:
        return ""
    return f"{checksum:08x}"


@functools.cache
def current_rules() -> str:
    """Read by every open: plain paths, as a `Path` per file cost more than reading it."""
    files = []
    for folder in ("domain", "store"):
        where = os.path.join(_PACKAGE, folder)
        names = sorted(os.listdir(where))
        files += [os.path.join(where, name) for name in names if _is_rule_file(folder, name)]
    return rules_version(files)


def signature(status: os.stat_result) -> Signature:
    return [status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns]


def sha256_hex(data: bytes) -> str:
    import hashlib  # only a file whose signature changed is hashed: keep it out of start-up

    return hashlib.sha256(data).hexdigest()


class Record:
    """The record of one data directory, as read at open and updated after each save."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / RECORD_FILE
        self._files: dict[str, dict[str, Any]] = {}
        self._written_ns = 0
        #: Signatures seen to hold recorded content in this run (checked once, not again).
        self._seen: dict[str, Signature] = {}
        self._unhashed: dict[str, Path] = {}
        self._checked = False
        self._relinked = False
        self._load()

    def _load(self) -> None:
        try:
            with self.path.open("rb") as handle:
                written_ns = os.fstat(handle.fileno()).st_mtime_ns
                record = json.loads(handle.read())
        except (OSError, ValueError):
            return
        if (
            not isinstance(record, dict)
            or record.get("schema") != CURRENT_SCHEMA
            or not current_rules()
            or record.get("rules") != current_rules()
            or not isinstance(record.get("files"), dict)
        ):
            return
        self._files = {
            name: entry for name, entry in record["files"].items() if isinstance(entry, dict)
        }
        self._written_ns = written_ns

    def _trusted_signature(self, name: str, current: Signature) -> bool:
        if self._seen.get(name) == current:
            return True
        entry = self._files.get(name, {})
        if entry.get("stat") != current or current[2] >= self._written_ns:
            return False
        # A ctime from our own backup link may share the record's tick: the bytes were
        # seen unchanged right before it, and a write since would have moved the mtime.
        return current[3] < self._written_ns or entry.get("linked") == current[3]

    def _recorded_digest(self, name: str, size: int) -> str | None:
        """The digest recorded for `name`, if the size matches too (else no need to hash)."""
        entry = self._files.get(name, {})
        digest = entry.get("sha256")
        return digest if isinstance(digest, str) and entry.get("size") == size else None

    def unchanged(self, path: Path) -> bool:
        """Whether the file on disk holds what was recorded (hashing only when needed)."""
        current = _signature_or_none(path)
        if current is None:
            return False
        return self._matches(path.name, current, current[1], lambda: file_sha256(path))

    def holds(self, path: Path, raw: bytes, status: os.stat_result) -> bool:
        """Whether `raw`, just read from the open file with `status`, is recorded content."""
        return self._matches(path.name, signature(status), len(raw), lambda: sha256_hex(raw))

    def _matches(
        self, name: str, current: Signature, size: int, digest: Callable[[], str | None]
    ) -> bool:
        """A trusted signature, else the recorded digest of `size` bytes (computed only
        when the size fits)."""
        if self._trusted_signature(name, current):
            self._seen[name] = current
            return True
        recorded = self._recorded_digest(name, size)
        if recorded is None or digest() != recorded:
            return False
        self._seen[name] = current
        return True

    def checked(self, path: Path, raw: bytes, status: os.stat_result) -> None:
        """After `raw`, read from the file with `status`, passed the full check at open."""
        self._note(path.name, status)["sha256"] = sha256_hex(raw)
        self._checked = True

    def save_checked(self) -> None:
        """Keep what `checked` noted; called once the open (or first use) has succeeded,
        so an open refused for a damaged file leaves the directory as it was."""
        if self._checked:
            self._checked = False
            self._save()

    def written(self, path: Path) -> None:
        """After `path` was saved: its signature now, its digest when the run ends."""
        try:
            status = path.stat()
        except OSError:
            self._files.pop(path.name, None)
        else:
            self._note(path.name, status)
            self._unhashed[path.name] = path
        self._save()

    def forget(self, path: Path) -> None:
        """`path` did not hold valid records after all: check it in full next time."""
        name = path.name
        self._seen.pop(name, None)
        self._unhashed.pop(name, None)
        if self._files.pop(name, None) is not None:
            self._save()

    def _note(self, name: str, status: os.stat_result) -> dict[str, Any]:
        """A fresh entry for `name` as it is now (its digest still to add)."""
        entry = self._files[name] = {"stat": signature(status), "size": status.st_size}
        self._seen[name] = entry["stat"]
        return entry

    def linked(self, path: Path) -> None:
        """After a backup linked `path`: a link moves the file's ctime, not its bytes, so a
        file seen to hold recorded content this run keeps its record under the new ctime
        (saved when the run ends, a tick later, so the next run trusts it again)."""
        entry = self._files.get(path.name)
        seen = self._seen.get(path.name)
        current = _signature_or_none(path)
        if entry is None or seen is None or current is None or current[:3] != seen[:3]:
            return
        entry["stat"] = self._seen[path.name] = current
        entry["linked"] = current[3]
        self._relinked = True

    def finish(self) -> None:
        """Add the digests of files saved in this run, while they still hold what was saved."""
        if self._relinked and not self._unhashed:
            self._relinked = False
            self._save()
        if not self._unhashed:
            return
        unhashed, self._unhashed = self._unhashed, {}
        for name, path in unhashed.items():
            entry = self._files.get(name)
            if entry is None:
                continue
            before = _signature_or_none(path)
            digest = file_sha256(path)
            still = before == entry["stat"] and _signature_or_none(path) == before
            if still and digest is not None:
                entry["sha256"] = digest
            else:
                del self._files[name]
        self._save()

    def _save(self) -> None:
        record = {"schema": CURRENT_SCHEMA, "rules": current_rules(), "files": self._files}
        with contextlib.suppress(OSError):
            replace_quietly(self.path, json.dumps(record).encode("ascii"))


def _signature_or_none(path: Path) -> Signature | None:
    try:
        return signature(path.stat())
    except OSError:
        return None
