"""A file the record of checked files trusts, whose records no longer decode (written by a
newer version, or read by rules made stricter), is reported as damaged, never a crash; it
then loses its place in the record, so the next open checks it in full."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.errors import StoreDamaged
from closure_tui.services.session import closures_session
from closure_tui.store import verified
from closure_tui.store.store import MAIN_FILE
from closure_tui.store.verified import RECORD_FILE, file_sha256
from tests.cli_helpers import cli


def _recorded_files(data_dir: Path) -> dict[str, object]:
    return json.loads((data_dir / RECORD_FILE).read_text(encoding="ascii"))["files"]


def newer_version_wrote(data_dir: Path, clock: FixedClock) -> Path:
    """A store whose `closure.json` holds a kind this version does not know, recorded as
    checked, as a newer version that added the kind would have left it."""
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform("借呗")
    main = data_dir / MAIN_FILE
    data = json.loads(main.read_text(encoding="utf-8"))
    data["platforms"]["1"]["kind"] = "kind_from_the_future"
    main.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    record = json.loads((data_dir / RECORD_FILE).read_text(encoding="ascii"))
    entry = record["files"][MAIN_FILE]
    entry.update(size=main.stat().st_size, sha256=file_sha256(main), stat=[0, 0, 0, 0])
    (data_dir / RECORD_FILE).write_text(json.dumps(record), encoding="ascii")
    return main


@pytest.mark.parametrize("writable", [True, False])
def test_a_trusted_file_that_does_not_decode_is_damaged(
    data_dir: Path, clock: FixedClock, writable: bool
) -> None:
    main = newer_version_wrote(data_dir, clock)
    with (
        pytest.raises(StoreDamaged) as raised,
        closures_session(data_dir, clock, writable=writable, lazy=not writable) as service,
    ):
        service.platforms()
    assert raised.value.path == main
    assert any("kind_from_the_future" in problem for problem in raised.value.problems)
    assert MAIN_FILE not in _recorded_files(data_dir)


def test_once_reported_the_file_is_checked_in_full_at_the_next_open(
    data_dir: Path, clock: FixedClock
) -> None:
    newer_version_wrote(data_dir, clock)
    with (
        pytest.raises(StoreDamaged),
        closures_session(data_dir, clock, writable=False, lazy=True) as service,
    ):
        service.platforms()
    with (
        pytest.raises(StoreDamaged),
        closures_session(data_dir, clock, writable=True),
    ):
        pass


def test_damage_found_on_use_stays_reported_on_the_next_use(
    data_dir: Path, clock: FixedClock
) -> None:
    newer_version_wrote(data_dir, clock)
    with closures_session(data_dir, clock, writable=False, lazy=True) as service:
        for _ in range(2):
            with pytest.raises(StoreDamaged):
                service.platforms()


@pytest.mark.parametrize("command", [["list"], ["show", "借呗"]])
def test_reading_commands_report_it_as_damaged(
    data_dir: Path, clock: FixedClock, command: list[str]
) -> None:
    main = newer_version_wrote(data_dir, clock)
    result = cli(data_dir, *command)
    assert result.returncode == 1
    assert "damaged" in result.stderr and str(main) in result.stderr


def test_rules_version_follows_the_rules_files(tmp_path: Path) -> None:
    rules = tmp_path / "codec.py"
    rules.write_text("STRICT = False\n", encoding="utf-8")
    before = verified.rules_version([rules])
    assert verified.rules_version([rules]) == before
    rules.write_text("STRICT = True\n", encoding="utf-8")
    assert verified.rules_version([rules]) != before
