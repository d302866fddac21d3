"""I/O errors at every write, fsync and replace: the file holds exactly the old or the new
state, the in-memory view never claims an unsaved change, and the CLI refuses cleanly."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.session import closures_session, open_closures
from closure_tui.store.codec import encode_platform
from closure_tui.store.datafiles import is_segment
from closure_tui.store.errors import StoreWriteFailed
from closure_tui.store.store import HISTORY_FILE, MAIN_FILE
from tests.storekit import file_bytes, populate, temp_entries

CALLS = ("write", "fsync", "replace")
ERRNOS = (errno.EIO, errno.ENOSPC)

Operation = Callable[[Closures], object]


def _two_ticks(service: Closures) -> None:
    with service.store.transaction():
        service.tick(1, StageKey.PAID, "2026-11-05")
        service.tick(2, StageKey.NEGOTIATED, "2026-11-05")


OPERATIONS: dict[str, Operation] = {
    "transaction": _two_ticks,
    "add_platform": lambda s: s.add_platform("新平台", settled="100"),
    "tick": lambda s: s.tick(1, StageKey.PAID, "2026-11-05"),
    "payee": lambda s: s.set_payee(
        2, name="某公司", bank="某银行", account="6222000011112222", verified_via="热线"
    ),
    "note": lambda s: s.add_note(1, "新的备注"),
    "remove_platform": lambda s: s.remove_platform(1),
}


class Fault:
    """Make the Nth call of `os.<name>` raise OSError(code); count calls either way."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str, nth: int, code: int) -> None:
        self.calls = 0
        self.fired = False
        real = getattr(os, name)

        def failing(*args: object, **kwargs: object) -> object:
            self.calls += 1
            if self.calls == nth:
                self.fired = True
                raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        monkeypatch.setattr(os, name, failing)


def _view(service: Closures) -> tuple[list, list]:
    platforms = [encode_platform(p) | {"id": p.id} for p in service.platforms()]
    notes = sorted((n.id, n.text) for n in service.store.notes)
    return platforms, notes


def _disk_view(data_dir: Path, clock: FixedClock) -> tuple[list, list]:
    with closures_session(data_dir, clock, writable=False) as service:
        return _view(service)


@pytest.fixture
def template(tmp_path: Path, clock: FixedClock) -> Path:
    base = tmp_path / "template"
    populate(base, clock)
    return base


def _expected_after(template: Path, work: Path, clock: FixedClock, operation: Operation) -> dict:
    shutil.copytree(template, work)
    with closures_session(work, clock, writable=True) as service:
        operation(service)
    expected = file_bytes(work)
    shutil.rmtree(work)
    return expected


def _is_history(name: str) -> bool:
    """The history's base file or one of its segments."""
    return name == HISTORY_FILE or (is_segment(Path(name)) and name.startswith("history."))


class FaultRun:
    """One operation tried against fresh copies of the template, with one fault each time."""

    def __init__(self, name: str, template: Path, work: Path, clock: FixedClock) -> None:
        self.name = name
        self.operation = OPERATIONS[name]
        self.template = template
        self.work = work
        self.clock = clock
        self.old = file_bytes(template)
        self.new = _expected_after(template, work / "expected", clock, self.operation)
        self.tried = 0

    def attempt(self, patch: pytest.MonkeyPatch, call: str, code: int, nth: int) -> bool:
        """Fail the nth `call`; check the outcome; False once the operation ran without a fault."""
        work = self.work / f"{call}-{code}-{nth}"
        shutil.copytree(self.template, work)
        service = open_closures(work, self.clock, writable=True)
        failed = False
        try:
            with patch.context() as patched:
                fault = Fault(patched, call, nth, code)
                try:
                    self.operation(service)
                except StoreWriteFailed as error:
                    assert error.reason == os.strerror(code)
                    failed = True
            self.tried += fault.fired
            assert failed <= fault.fired
            assert _view(service) == _disk_view(work, self.clock), (call, code, nth)
            if failed:
                self._check_failed(service, work)
            elif service.store.unrecorded:  # the data was saved, its history entry was not
                self._check_unrecorded(service, work)
            else:  # no fault, or one that cannot lose data (the directory fsync)
                assert file_bytes(work) == self.new, (call, code, nth)
        finally:
            service.store.close()
        with closures_session(work, self.clock, writable=True):
            assert temp_entries(work) == []
        return fault.fired

    def _check_unrecorded(self, service: Closures, work: Path) -> None:
        """Reported as saved but not undoable: true of the files, and nothing to repeat."""
        now = file_bytes(work)
        assert all(now[name] == self.old[name] for name in now if _is_history(name))
        assert all(now[name] == self.new[name] for name in now if not _is_history(name))
        (failed,) = service.store.unrecorded
        assert failed.path.name == HISTORY_FILE

    def _check_failed(self, service: Closures, work: Path) -> None:
        now = file_bytes(work)
        for name, content in now.items():
            assert content in (self.old[name], self.new[name]), name
        if now == self.old:  # nothing saved: trying again completes it
            self.operation(service)
            assert file_bytes(work) == self.new
        else:  # a two-file change saved its first file; its notes are left as orphans
            assert self.name == "remove_platform"
            assert now[MAIN_FILE] == self.new[MAIN_FILE]


@pytest.mark.parametrize("operation_name", sorted(OPERATIONS))
def test_every_fault_point_leaves_old_or_new_state(
    operation_name: str,
    template: Path,
    tmp_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = FaultRun(operation_name, template, tmp_path, clock)
    for call in CALLS:
        for code in ERRNOS:
            nth = 1
            while run.attempt(monkeypatch, call, code, nth):
                nth += 1
                assert nth < 20
    print(f"fault points tried for {operation_name}: {run.tried}")
    assert run.tried >= len(CALLS) * len(ERRNOS)


FAULT_SHIM = """
import errno, os, sys
name, nth, code = sys.argv[1], int(sys.argv[2]), getattr(errno, sys.argv[3])
real, calls = getattr(os, name), [0]
def failing(*args, **kwargs):
    calls[0] += 1
    if calls[0] == nth:
        raise OSError(code, os.strerror(code))
    return real(*args, **kwargs)
setattr(os, name, failing)
from closure_tui.cli import main
sys.exit(main(sys.argv[4:]))
"""


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("code", ["EIO", "ENOSPC"])
def test_cli_reports_a_failed_save_and_changes_nothing(
    call: str, code: str, template: Path
) -> None:
    before = file_bytes(template)
    program = ["--data-dir", str(template), "add", "新平台"]
    result = subprocess.run(
        [sys.executable, "-c", FAULT_SHIM, call, "1", code, *program],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Saving failed" in result.stderr
    assert os.strerror(getattr(errno, code)) in result.stderr
    assert file_bytes(template) == before
