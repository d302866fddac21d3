"""Attaching evidence files to a stage, and noticing when one went missing or changed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from closure_tui.domain.errors import DomainError
from closure_tui.domain.evidence import Attachment, FileStatus
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.outcome import Outcome
from closure_tui.store.codec import RecordInvalid, decode_platform
from closure_tui.store.datafiles import MAIN_FILE, read_replayed
from closure_tui.store.evidence_files import FileFacts, copy_into_evidence, hash_file
from closure_tui.store.schema import is_doc_id
from closure_tui.store.storage import FileDamaged


def keep_file(
    service: Closures, path: Path, copy_prefix: str | None
) -> tuple[Path, FileFacts, str]:
    """The file's full path, size and SHA-256, and its private copy (named with
    `copy_prefix`; none when it is None). Raises DomainError when it cannot be read."""
    source = path.expanduser().resolve()
    if not source.is_file():
        raise DomainError("err.evidence.not_a_file", path=str(source))
    try:
        if copy_prefix is not None:
            facts, stored = copy_into_evidence(service.data_dir, source, copy_prefix)
        else:
            facts, stored = hash_file(source), ""
    except OSError as error:
        raise DomainError(
            "err.evidence.unreadable", path=str(source), reason=error.strerror or str(error)
        ) from None
    return source, facts, stored


def attach(
    service: Closures, platform_id: int, stage: StageKey, path: Path, *, copy: bool
) -> Outcome[Attachment]:
    """Record `path` (size, SHA-256) on the stage; with `copy`, keep a private copy too."""
    platform = service.get(platform_id)
    source, facts, stored = keep_file(
        service, path, f"p{platform.id}-{stage.value}" if copy else None
    )
    attachment = Attachment(
        stage=stage,
        path=str(source),
        size=facts.size,
        sha256=facts.sha256,
        attached_at=service.clock.now(),
        stored=stored,
    )
    with service.history.change("evidence.attach"):
        updated = replace(platform, attachments=(*platform.attachments, attachment))
        service.store.platforms.put(updated)
    return Outcome(attachment)


@dataclass(frozen=True, slots=True)
class EvidenceCheck:
    """One attachment and what was found on disk: the kept copy if any, else the original."""

    platform: Platform
    attachment: Attachment
    checked: Path
    status: FileStatus


class HashedFile(Protocol):
    """A file as recorded: its size and SHA-256."""

    @property
    def size(self) -> int: ...
    @property
    def sha256(self) -> str: ...


def file_status(path: Path, attachment: HashedFile) -> FileStatus:
    """Missing, changed (size or hash differ) or ok; the hash is only read when sizes match."""
    try:
        if not path.is_file():
            return FileStatus.MISSING
        if path.stat().st_size != attachment.size:
            return FileStatus.CHANGED
        same = hash_file(path).sha256 == attachment.sha256
    except OSError:
        return FileStatus.MISSING
    return FileStatus.OK if same else FileStatus.CHANGED


def _escapes(data_dir: Path, copy: Path) -> bool:
    """A kept copy (or `evidence/`) replaced by a link leading out of the data directory:
    it is not the copy, and what it points at is not read."""
    try:
        return not copy.resolve().is_relative_to(data_dir.resolve())
    except (OSError, RuntimeError):
        return True


def check_platform(data_dir: Path, platform: Platform) -> list[EvidenceCheck]:
    checks = []
    for attachment in platform.attachments:
        checked, status = kept_status(data_dir, attachment.stored, attachment.path, attachment)
        checks.append(EvidenceCheck(platform, attachment, checked, status))
    return checks


def kept_status(
    data_dir: Path, stored: str, path: str, recorded: HashedFile
) -> tuple[Path, FileStatus]:
    """The file to check (the kept copy if any, else the original) and its status."""
    if stored:
        checked = data_dir / stored
        if _escapes(data_dir, checked):
            return checked, FileStatus.CHANGED
    else:
        checked = Path(path)
    return checked, file_status(checked, recorded)


def check_evidence(service: Closures) -> list[EvidenceCheck]:
    """Every attachment of every platform, checked (for `doctor` and the platform screen)."""
    data_dir = service.data_dir
    return [check for p in service.platforms() for check in check_platform(data_dir, p)]


def evidence_problems(service: Closures) -> list[EvidenceCheck]:
    return [check for check in check_evidence(service) if check.status is not FileStatus.OK]


def check_data_dir(data_dir: Path) -> list[EvidenceCheck]:
    """Every attachment checked, reading `closure.json` directly (for `doctor`, which must
    work when the store refuses to open). Records that do not decode are skipped: the
    damaged file is reported by doctor's own file check."""
    try:
        table = read_replayed(data_dir / MAIN_FILE).get("platforms", {})
    except (OSError, FileDamaged):
        return []
    checks: list[EvidenceCheck] = []
    for doc_id, doc in table.items() if isinstance(table, dict) else ():
        if not (is_doc_id(doc_id) and isinstance(doc, dict)):
            continue
        try:
            platform = decode_platform(int(doc_id), doc)
        except RecordInvalid:
            continue
        checks.extend(check_platform(data_dir, platform))
    return checks
