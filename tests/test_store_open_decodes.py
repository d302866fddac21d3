"""Opening a store decodes each record once: the check at open fills the typed caches."""

from __future__ import annotations

from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session
from closure_tui.store import datafiles
from closure_tui.store import records as records_module


def test_reminders_read_after_open_are_those_checked_at_open(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("借呗").value
        Reminders(service).add(platform.id, "2026-06-10", "打客服电话")
    decoded: list[int] = []
    real = records_module.decode_reminder

    def counting(doc_id: int, doc: dict) -> object:
        decoded.append(doc_id)
        return real(doc_id, doc)

    monkeypatch.setattr(records_module, "decode_reminder", counting)
    monkeypatch.setitem(datafiles.DECODERS, "reminders", counting)
    with closures_session(data_dir, clock, writable=False) as service:
        texts = [reminder.text for reminder in service.store.reminders]
    assert "打客服电话" in texts
    assert decoded == [1]  # checked at open, then not decoded again
