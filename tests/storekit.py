"""Helpers shared by the durability suites: a realistic store, CLI runs, file inspection."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from closure_tui.domain.clock import Clock
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.session import closures_session
from closure_tui.store.datafiles import journal_files
from closure_tui.store.fsutil import is_temp_name
from closure_tui.store.store import DATA_FILES
from tests.store_helpers import stored

ACCOUNT = "6222020200112233445"
RESTORE_HINT = "closure-tui restore"


def populate(data_dir: Path, clock: Clock) -> None:
    """A store with the shapes a real user has: payee, payments, evidence, skips and notes."""
    with closures_session(data_dir, clock, writable=True) as service:
        fill(service)


def fill(service: Closures) -> None:
    first = service.add_platform(
        "借呗", kind="online_loan", original="12000.50", settled="8000", hotline="95188"
    ).value
    second = service.add_platform("招商银行信用卡", kind="credit_card", settled="3000").value
    service.add_platform("网商贷", funder="某某银行")
    service.tick(first.id, StageKey.NEGOTIATED, "2026-11-01")
    service.set_evidence(
        first.id, StageKey.NEGOTIATED, {"pay_by": "2026-12-01", "agreed_with": "客服 工号 1234"}
    )
    service.set_payee(
        first.id,
        name="重庆某某小额贷款有限公司",
        bank="招商银行",
        account=ACCOUNT,
        verified_via="官方热线 95188",
        verified_on="2026-11-02",
    )
    service.add_payment(first.id, "4000", "2026-11-03", "REF-1")
    service.add_payment(first.id, "4000.00", "2026-11-04")
    service.skip(second.id, StageKey.CARD_UNBOUND, "没有绑定银行卡")
    service.set_evidence(second.id, StageKey.CERTIFICATE, {"stamped": True})
    service.add_note(first.id, "第一次通话\n对方同意分两期", StageKey.NEGOTIATED)
    service.add_note(second.id, "plain note")


def cli(data_dir: Path, *args: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real program as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "closure_tui", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def file_bytes(data_dir: Path) -> dict[str, bytes | None]:
    """The raw content of every data file and segment (None when absent)."""
    names = [*DATA_FILES, *(path.name for path in journal_files(data_dir))]
    return {
        name: (data_dir / name).read_bytes() if (data_dir / name).exists() else None
        for name in names
    }


def parse_all(data_dir: Path) -> dict[str, dict]:
    """Every present data file parsed strictly, with its segments replayed (raises when
    one is damaged)."""
    return {name: stored(data_dir, name) for name in DATA_FILES if (data_dir / name).exists()}


def temp_entries(data_dir: Path) -> list[Path]:
    """Temporary files or directories in the data directory and its backups."""
    found = []
    for directory in (data_dir, data_dir / "backups"):
        if directory.is_dir():
            found += [entry for entry in directory.iterdir() if is_temp_name(entry.name)]
    return found
