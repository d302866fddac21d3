"""Links and paths: nothing is written, truncated, pruned or hashed through a link, and a
copy path read from a file can only point inside `evidence/`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.backup import read_backup
from closure_tui.services.doctor import examine
from closure_tui.services.evidence import attach
from closure_tui.services.session import closures_session
from closure_tui.store.backups import list_snapshots
from closure_tui.store.errors import StoreDamaged
from closure_tui.store.lock import LOCK_NAME
from closure_tui.store.refusals import LinkRefused
from closure_tui.store.store import MAIN_FILE
from tests.store_helpers import opened, v1_file, v1_platform, write_json
from tests.storekit import populate

ATTACHED = {
    "stage": "certificate",
    "path": "/home/me/cert.pdf",
    "size": 11,
    "sha256": "0" * 64,
    "attached_at": "2026-11-01T10:00:00",
}


def precious(tmp_path: Path) -> Path:
    target = tmp_path / "elsewhere" / "precious.txt"
    target.parent.mkdir()
    target.write_text("the user's own file")
    return target


def test_doctor_never_truncates_what_the_lock_links_to(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    populate(data_dir, clock)
    target = precious(tmp_path)
    (data_dir / LOCK_NAME).unlink()
    (data_dir / LOCK_NAME).symlink_to(target)
    found = examine(data_dir)
    assert target.read_text() == "the user's own file"
    assert any(f.key == "doctor.link" and f.attention for f in found)


def test_a_writer_refuses_a_linked_lock(data_dir: Path, clock: FixedClock, tmp_path: Path) -> None:
    populate(data_dir, clock)
    target = precious(tmp_path)
    (data_dir / LOCK_NAME).unlink()
    (data_dir / LOCK_NAME).symlink_to(target)
    with pytest.raises(LinkRefused), closures_session(data_dir, clock, writable=True):
        pass
    assert target.read_text() == "the user's own file"


def test_a_linked_backups_folder_is_never_pruned_through(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    populate(data_dir, clock)
    mine = tmp_path / "my-folders"
    for name in ("2023-photos", "000001-20200101T000000", "42"):
        (mine / name).mkdir(parents=True)
        (mine / name / "keep.txt").write_text("mine")
    (data_dir / "backups").symlink_to(mine, target_is_directory=True)
    for _ in range(12):
        clock.advance(days=1)
        with (
            pytest.raises(LinkRefused),
            closures_session(data_dir, clock, writable=True) as service,
        ):
            service.add_platform(f"平台{clock.now():%d}")
    assert sorted(p.name for p in mine.iterdir()) == ["000001-20200101T000000", "2023-photos", "42"]
    assert all((mine / name / "keep.txt").read_text() == "mine" for name in ("42", "2023-photos"))
    assert any(f.key == "doctor.link" and f.attention for f in examine(data_dir))


def test_pruning_removes_only_what_the_app_made(data_dir: Path, clock: FixedClock) -> None:
    populate(data_dir, clock)
    backups = data_dir / "backups"
    lookalike = backups / "000000-20200101T000000"
    (lookalike / "photos").mkdir(parents=True)
    (lookalike / MAIN_FILE).write_text("{}")
    linked = backups / "000000-20200102T000000"
    outside = data_dir.parent / "outside"
    outside.mkdir()
    (outside / MAIN_FILE).write_text("{}")
    linked.symlink_to(outside, target_is_directory=True)
    for _ in range(30):
        clock.advance(days=7)
        with closures_session(data_dir, clock, writable=True) as service:
            service.add_platform(f"平台{clock.now():%y%m%d}")
    assert (lookalike / "photos").is_dir()
    assert linked.is_symlink() and (outside / MAIN_FILE).read_text() == "{}"
    assert (lookalike / MAIN_FILE).read_text() == "{}"
    assert len(list_snapshots(data_dir)) < 30


def test_a_linked_data_file_is_refused_not_cut(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    populate(data_dir, clock)
    real = tmp_path / "synced" / MAIN_FILE
    real.parent.mkdir()
    (data_dir / MAIN_FILE).rename(real)
    (data_dir / MAIN_FILE).symlink_to(real)
    raw = real.read_bytes()
    for writable in (True, False):
        with pytest.raises(StoreDamaged) as refused, opened(data_dir, clock, writable=writable):
            pass
        assert refused.value.key == "err.store.data_link"
    assert (data_dir / MAIN_FILE).is_symlink() and real.read_bytes() == raw
    assert any(f.key == "doctor.file_damaged" for f in examine(data_dir))


@pytest.mark.parametrize(
    "stored", ["../../../../etc/passwd", "/etc/passwd", "evidence/../closure.json", "evidence/a/b"]
)
def test_a_copy_path_outside_evidence_is_damage(
    data_dir: Path, clock: FixedClock, tmp_path: Path, stored: str
) -> None:
    platform = v1_platform(attachments=[{**ATTACHED, "stored": stored}])
    write_json(data_dir / MAIN_FILE, v1_file({"1": platform}))
    with pytest.raises(StoreDamaged), opened(data_dir, clock):
        pass
    found = examine(data_dir)
    assert any(f.key == "doctor.file_damaged" for f in found)
    assert not any(f.key.startswith("doctor.evidence_") for f in found), found
    backup = tmp_path / "backup.json"
    tables = {"platforms": {"1": platform}}
    backup.write_text(json.dumps({"format": "closure-tui-backup", "schema": 1, "tables": tables}))
    _, problems = read_backup(backup)
    assert problems


def test_a_copy_inside_evidence_is_fine(data_dir: Path, clock: FixedClock) -> None:
    stored = "evidence/p1-certificate-000000000000-cert.pdf"
    platform = v1_platform(attachments=[{**ATTACHED, "stored": stored}])
    write_json(data_dir / MAIN_FILE, v1_file({"1": platform}))
    with opened(data_dir, clock) as store:
        assert store.platforms.get(1).attachments[0].stored == stored  # type: ignore[union-attr]


def test_a_kept_copy_replaced_by_a_link_out_is_not_read(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(b"transfer receipt")
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("借呗").value
        stored = attach(service, platform.id, StageKey.PAID, receipt, copy=True).value.stored
    assert [f.key for f in examine(data_dir) if f.key.startswith("doctor.evidence")] == [
        "doctor.evidence_ok"
    ]
    copy = data_dir / stored
    copy.unlink()
    copy.symlink_to(receipt)  # same bytes, but outside the data directory
    found = [f for f in examine(data_dir) if f.key.startswith("doctor.evidence")]
    assert [(f.key, f.attention) for f in found] == [("doctor.evidence_changed", True)]


def test_no_copy_is_written_through_a_linked_evidence_folder(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(b"transfer receipt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("借呗").value
        (data_dir / "evidence").symlink_to(elsewhere, target_is_directory=True)
        with pytest.raises(LinkRefused):
            attach(service, platform.id, StageKey.PAID, receipt, copy=True)
        assert service.get(platform.id).attachments == ()
    assert list(elsewhere.iterdir()) == []
