"""A long-lived helper process for the kill suites (not a test module).

It imports the app once, then for every command line on stdin forks a worker
that writes through the services until it is SIGKILLed by the test. The
worker reports each write only after it returned (`ack ...`), with one
unbuffered `os.write`, so an acknowledged write is one the store claimed done.
After the worker dies this process prints `dead STATUS`.

Commands: `write DIR ROUND` (edits, notes and new platforms), `restore DIR`
(restores backups over and over), `compact DIR ROUND` (a note, then a fold of every
journal, over and over) and `migrate DIR` (opens an older store for writing once,
which migrates it, then waits to be killed).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from closure_tui.domain.clock import SystemClock
from closure_tui.services.session import closures_session, restore_backup

COUNTER = "计数器"
ROUND_SPAN = 100_000


def _ack(text: str) -> None:
    os.write(1, f"ack {text}\n".encode())


def _writer(data_dir: Path, round_number: int) -> None:
    with closures_session(data_dir, SystemClock(), writable=True) as service:
        counter = service.resolve(COUNTER)
        for step in range(ROUND_SPAN):
            seq = round_number * ROUND_SPAN + step
            service.edit_platform(counter.id, hotline=str(seq))
            _ack(f"hotline {seq}")
            if step % 4 == 3:
                service.add_note(counter.id, f"备注 {seq}")
                _ack(f"note 备注 {seq}")
            if step % 16 == 15:
                service.add_platform(f"平台 {seq}")
                _ack(f"platform 平台 {seq}")


def _restorer(data_dir: Path) -> None:
    while True:
        name, _ = restore_backup(data_dir, SystemClock())
        _ack(f"restore {name}")


def _compactor(data_dir: Path, round_number: int) -> None:
    for step in range(ROUND_SPAN):
        with closures_session(data_dir, SystemClock(), writable=True) as service:
            seq = round_number * ROUND_SPAN + step
            service.add_note(service.resolve(COUNTER).id, f"备注 {seq}")
            _ack(f"note 备注 {seq}")
            service.store.compact()
            _ack(f"compact {seq}")


def _migrator(data_dir: Path) -> None:
    with closures_session(data_dir, SystemClock(), writable=True):
        _ack("migrated")
    while True:
        time.sleep(1)


def _run(command: list[str]) -> None:
    if command[0] == "write":
        _writer(Path(command[1]), int(command[2]))
    elif command[0] == "compact":
        _compactor(Path(command[1]), int(command[2]))
    elif command[0] == "migrate":
        _migrator(Path(command[1]))
    else:
        _restorer(Path(command[1]))


def main() -> None:
    for line in sys.stdin:
        command = line.split()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                _run(command)
            except BaseException as error:  # reported to the test, which fails on it
                os.write(1, f"error {type(error).__name__}: {error}\n".encode())
                os._exit(3)
            os._exit(0)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"dead {status}", flush=True)


if __name__ == "__main__":
    main()
