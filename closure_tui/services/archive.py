"""The archive: a zip holding the JSON backup, the evidence copies and a SHA256SUMS manifest.

A JSON backup alone leaves every attached file behind; the archive carries them, so a
store restored on another machine still has its evidence. Reading one trusts nothing:
only `backup.json`, `SHA256SUMS` and `evidence/<file name>` entries are allowed (no
absolute paths, no `..`, no sub-folders), and every entry must match the manifest.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from closure_tui.domain.evidence import EVIDENCE_DIR
from closure_tui.domain.text import escape_for_json
from closure_tui.i18n import t

BACKUP_ENTRY = "backup.json"
MANIFEST_ENTRY = "SHA256SUMS"
#: What an archive may hold in all (uncompressed), so a zip bomb is refused unread.
MAX_TOTAL_BYTES = 4 << 30
#: What a damaged, encrypted or oddly compressed zip raises while it is read.
_UNREADABLE = (OSError, EOFError, RuntimeError, NotImplementedError, zipfile.BadZipFile, zlib.error)
_MANIFEST_LINE = re.compile(r"([0-9a-f]{64}) [ *](.+)")


def _evidence_names(backup: dict[str, Any]) -> set[str]:
    """The evidence copies the backup's platforms and report checks refer to
    (`evidence/<name>`)."""
    tables = backup["tables"]
    kept: list[Any] = [
        item
        for doc in tables.get("platforms", {}).values()
        for item in doc.get("attachments", []) or []
    ]
    kept += [doc.get("file") for doc in tables.get("report_checks", {}).values()]
    kept += [
        item
        for table in ("contacts", "complaints")
        for doc in tables.get(table, {}).values()
        for item in doc.get("files", []) or []
    ]
    stored = (item.get("stored") if isinstance(item, dict) else None for item in kept)
    return {name for name in stored if isinstance(name, str) and _evidence_entry(name)}


def _evidence_entry(name: str) -> bool:
    """`evidence/<one plain file name>`: nothing that could land outside that folder."""
    parts = PurePosixPath(name).parts
    return (
        len(parts) == 2
        and parts[0] == EVIDENCE_DIR
        and parts[1] not in (".", "..")
        and "\\" not in name
        and "\x00" not in name
    )


def archive_bytes(backup: dict[str, Any], data_dir: Path) -> bytes:
    """The zip: backup, the evidence copies that exist, and their SHA-256 manifest."""
    entries: dict[str, bytes] = {
        BACKUP_ENTRY: (
            escape_for_json(json.dumps(backup, ensure_ascii=False, indent=2)) + "\n"
        ).encode()
    }
    for name in sorted(_evidence_names(backup)):
        path = data_dir / name
        if path.is_file() and not path.is_symlink():
            entries[name] = path.read_bytes()
    manifest = "".join(
        f"{hashlib.sha256(content).hexdigest()}  {name}\n" for name, content in entries.items()
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
        archive.writestr(MANIFEST_ENTRY, manifest)
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class ArchiveContent:
    """The backup's bytes and the evidence files by entry name; `problems` when unusable."""

    backup: bytes
    evidence: dict[str, bytes]
    problems: list[str]


def _manifest(raw: bytes, problems: list[str]) -> dict[str, str]:
    sums: dict[str, str] = {}
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
        match = _MANIFEST_LINE.fullmatch(line)
        if match is None or match.group(2) in sums:
            problems.append(t("err.archive.manifest_line", line=number))
            continue
        sums[match.group(2)] = match.group(1)
    return sums


def _entry_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    if name.startswith("/") or ".." in PurePosixPath(name).parts or "\\" in name:
        return t("err.archive.unsafe_path", name=name)
    if info.is_dir() or not (name in (BACKUP_ENTRY, MANIFEST_ENTRY) or _evidence_entry(name)):
        return t("err.archive.unexpected", name=name)
    return None


def read_archive(path: Path) -> ArchiveContent:
    """Every entry checked (names, manifest, hashes) before anything is used."""
    problems: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            problems += [p for p in map(_entry_problem, infos) if p is not None]
            names = [info.filename for info in infos]
            if len(set(names)) != len(names):
                problems.append(t("err.archive.duplicate"))
            if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
                problems.append(t("err.archive.too_big"))
            if problems:
                return ArchiveContent(b"", {}, problems)
            if MANIFEST_ENTRY not in names or BACKUP_ENTRY not in names:
                return ArchiveContent(b"", {}, [t("err.archive.incomplete")])
            sums = _manifest(archive.read(MANIFEST_ENTRY), problems)
            content = {name: archive.read(name) for name in names if name != MANIFEST_ENTRY}
    except (
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        zipfile.BadZipFile,
        zlib.error,
    ) as error:
        return ArchiveContent(b"", {}, [t("err.archive.unreadable", reason=str(error))])
    for name in sorted(set(sums) | set(content)):
        data = content.get(name)
        if data is None:
            problems.append(t("err.archive.missing", name=name))
        elif sums.get(name) != hashlib.sha256(data).hexdigest():
            problems.append(t("err.archive.hash", name=name))
    evidence = {name: data for name, data in content.items() if name != BACKUP_ENTRY}
    return ArchiveContent(content[BACKUP_ENTRY], evidence, problems)


def clashing_evidence(data_dir: Path, evidence: dict[str, bytes]) -> list[str]:
    """Entries whose name is taken in `evidence/` by a file with other content."""
    clashes = []
    for name, data in sorted(evidence.items()):
        target = data_dir / name
        if target.is_symlink() or (target.exists() and target.read_bytes() != data):
            clashes.append(t("err.archive.clash", name=name))
    return clashes


def put_evidence(data_dir: Path, evidence: dict[str, bytes]) -> None:
    """Write the archive's evidence copies (private, atomic) before any record names them."""
    from closure_tui.store.fsutil import atomic_write, ensure_private_dir

    if evidence:
        ensure_private_dir(data_dir / EVIDENCE_DIR)
    for name, data in sorted(evidence.items()):
        target = data_dir / name
        if not target.exists():
            atomic_write(target, data)
