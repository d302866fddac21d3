"""Forget means forget: after `forget`, no byte under the data folder holds the platform's
name, account number or note text; `remove` keeps it in the history for undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closure_tui.cli import main
from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.doctor import examine
from closure_tui.services.evidence import attach
from closure_tui.services.session import closures_session
from closure_tui.store.backups import list_snapshots
from closure_tui.store.restore import restore
from tests.store_helpers import stored
from tests.storekit import populate

NAME, RENAMED = "秘密小贷", "秘密小贷二号"
ACCOUNT = "6222999988887777"
NOTE = "只有我知道的通话内容"
SECRETS = (NAME, ACCOUNT, NOTE, "reminder-only-text")


def run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def every_byte(data_dir: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in data_dir.rglob("*") if path.is_file()}


def holding(data_dir: Path, secrets: tuple[str, ...] = SECRETS) -> list[str]:
    """Which secrets appear in which file, as UTF-8 or as JSON's \\u escapes."""
    found = []
    for path, raw in every_byte(data_dir).items():
        for secret in secrets:
            forms = {secret.encode(), json.dumps(secret).strip('"').encode()}
            if any(form in raw for form in forms):
                found.append(f"{secret} in {path}")
    return found


@pytest.fixture
def lived_in(data_dir: Path, clock: FixedClock, tmp_path: Path) -> Path:
    """A store where the platform has been around: renamed, paid, noted, attached, reminded,
    backed up many times, and restored once (so a replaced file was kept aside)."""
    populate(data_dir, clock)
    receipt = tmp_path / f"{NAME}-回单.pdf"
    receipt.write_bytes(f"transfer to {ACCOUNT}".encode())
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform(NAME, settled="5000").value
        service.set_payee(
            platform.id,
            name="某某公司",
            bank="某银行",
            account=ACCOUNT,
            verified_via="官方热线",
            verified_on="2026-11-02",
        )
        service.add_note(platform.id, NOTE)
    for step in range(4):
        clock.advance(days=1)
        with closures_session(data_dir, clock, writable=True) as service:
            platform = service.resolve(NAME if step < 2 else RENAMED)
            if step == 0:
                attach(service, platform.id, StageKey.PAID, receipt, copy=True)
            if step == 1:
                service.edit_platform(platform.id, name=RENAMED)
            if step == 2:
                service.tick(platform.id, StageKey.PAID, "2026-11-03")
            service.add_note(1, f"另一个平台的笔记 {step}")
    restore(data_dir, clock, str(list_snapshots(data_dir)[1].number))
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.resolve(RENAMED)
        service.tick(platform.id, StageKey.PAID, "2026-11-03")
    main(["--data-dir", str(data_dir), "remind", RENAMED, "+3d", "reminder-only-text"])
    assert holding(data_dir)
    assert list((data_dir / "evidence").iterdir())
    return data_dir


def test_forget_leaves_no_byte_of_it(
    lived_in: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(lived_in, capsys, "forget", RENAMED, "--yes")
    assert code == 0, out
    assert f"Forgot {RENAMED}" in out and "1 evidence copies" in out
    assert holding(lived_in, (*SECRETS, RENAMED)) == []
    with closures_session(lived_in, clock, writable=False) as service:
        assert [p.name for p in service.platforms()] == ["借呗", "招商银行信用卡", "网商贷"]
        assert len(service.notes(1)) >= 2
    assert [f for f in examine(lived_in) if f.attention] == []
    code, out = run(lived_in, capsys, "undo")
    assert RENAMED not in out


def test_forget_needs_yes_and_changes_nothing(
    lived_in: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = every_byte(lived_in)
    code, out = run(lived_in, capsys, "forget", RENAMED)
    assert code == 1 and "--yes" in out
    assert {path: raw for path, raw in every_byte(lived_in).items() if path.suffix == ".json"} == {
        path: raw for path, raw in before.items() if path.suffix == ".json"
    }


def test_remove_keeps_it_for_undo_and_forget_still_finds_it(
    lived_in: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(lived_in, capsys, "remove", RENAMED, "--yes")[0] == 0
    assert any(RENAMED in line for line in holding(lived_in, (RENAMED,)))
    stray = [f for f in examine(lived_in) if f.key == "doctor.evidence_stray"]
    assert stray and stray[0].params["count"] == 1
    code, out = run(lived_in, capsys, "forget", RENAMED, "--yes")
    assert code == 0, out
    assert holding(lived_in, (*SECRETS, RENAMED)) == []
    assert not [f for f in examine(lived_in) if f.key == "doctor.evidence_stray"]


def test_a_damaged_backup_holding_it_is_deleted(
    lived_in: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot = list_snapshots(lived_in)[0].path / "closure.json"
    raw = json.dumps(stored(snapshot.parent, snapshot.name), ensure_ascii=False).encode()
    snapshot.write_bytes(raw[:-20])  # the platform's records in a file that does not parse
    code, out = run(lived_in, capsys, "forget", RENAMED, "--yes")
    assert code == 0, out
    assert not snapshot.exists()
    assert holding(lived_in, (*SECRETS, RENAMED)) == []
