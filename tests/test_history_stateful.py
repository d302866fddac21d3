"""Random changes, then undo all → the initial state and redo all → the final state."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.errors import DomainError
from closure_tui.domain.stages import StageKey
from closure_tui.services.evidence import attach
from closure_tui.services.session import open_closures
from tests.stateful import machine_settings

NAMES = st.sampled_from(["借呗", "花呗", "美团借钱", "招联金融", "微粒贷"])
STAGES = st.sampled_from(list(StageKey))
AMOUNTS = st.integers(min_value=1, max_value=99999).map(str)


class HistoryMachine(RuleBasedStateMachine):
    """Drives the services; every rule is a change a user can make."""

    @initialize()
    def open_store(self) -> None:
        self.root = Path(tempfile.mkdtemp())
        self.clock = FixedClock(datetime(2026, 11, 29, 9, 30))
        self.service = open_closures(self.root / "data", self.clock, writable=True)
        self.initial = self.state()
        self.service.add_platform("京东金条", original="5000")

    def state(self) -> dict[str, Any]:
        store = self.service.store
        return {name: store.table_docs(name) for name in ("platforms", "notes")}

    def pick(self, index: int) -> int | None:
        platforms = self.service.platforms()
        return platforms[index % len(platforms)].id if platforms else None

    def attempt(self, change: Any, *args: Any, **kwargs: Any) -> None:
        self.clock.advance(minutes=1)
        with contextlib.suppress(DomainError):
            change(*args, **kwargs)

    @rule(name=NAMES, original=AMOUNTS)
    def add(self, name: str, original: str) -> None:
        self.attempt(self.service.add_platform, name, original=original)

    @rule(index=st.integers(0, 9), settled=AMOUNTS, hotline=st.text("0123456789-", max_size=8))
    def edit(self, index: int, settled: str, hotline: str) -> None:
        if (pid := self.pick(index)) is not None:
            self.attempt(self.service.edit_platform, pid, settled=settled, hotline=hotline)

    @rule(index=st.integers(0, 9))
    def remove(self, index: int) -> None:
        if (pid := self.pick(index)) is not None:
            self.attempt(self.service.remove_platform, pid)

    @rule(index=st.integers(0, 9), stage=STAGES, how=st.sampled_from(["tick", "untick", "skip"]))
    def stage(self, index: int, stage: StageKey, how: str) -> None:
        if (pid := self.pick(index)) is None:
            return
        if how == "skip":
            self.attempt(self.service.skip, pid, stage, "不适用")
        else:
            self.attempt(getattr(self.service, how), pid, stage)

    @rule(index=st.integers(0, 9), who=st.text("王李张客服", min_size=1, max_size=4))
    def evidence(self, index: int, who: str) -> None:
        if (pid := self.pick(index)) is not None:
            values = {"agreed_with": who, "pay_by": "2026-12-01"}
            self.attempt(self.service.set_evidence, pid, StageKey.NEGOTIATED, values)

    @rule(index=st.integers(0, 9), account=st.text("0123456789", min_size=4, max_size=19))
    def payee(self, index: int, account: str) -> None:
        if (pid := self.pick(index)) is not None:
            self.attempt(
                self.service.set_payee,
                pid,
                name="某消费金融公司",
                bank="招商银行",
                account=account,
                verified_via="官方客服",
            )

    @rule(index=st.integers(0, 9), amount=AMOUNTS, drop=st.booleans())
    def payment(self, index: int, amount: str, drop: bool) -> None:
        if (pid := self.pick(index)) is None:
            return
        if drop:
            self.attempt(self.service.remove_payment, pid, 0)
        else:
            self.attempt(self.service.add_payment, pid, amount, None, "TX")

    @rule(index=st.integers(0, 9), text=st.text("结清证明已寄出 ok\n", min_size=1, max_size=20))
    def note(self, index: int, text: str) -> None:
        if (pid := self.pick(index)) is not None:
            self.attempt(self.service.add_note, pid, text)

    @rule(index=st.integers(0, 9), stage=STAGES, copy=st.booleans())
    def attach_file(self, index: int, stage: StageKey, copy: bool) -> None:
        if (pid := self.pick(index)) is not None:
            receipt = self.root / "receipt.png"
            receipt.write_bytes(f"receipt {index}".encode())
            self.attempt(attach, self.service, pid, stage, receipt, copy=copy)

    @precondition(lambda self: bool(self.service.history.undo_stack()))
    @rule()
    def undo_then_redo_is_a_no_op(self) -> None:
        before = self.state()
        self.service.history.undo()
        self.service.history.redo()
        assert self.state() == before

    @precondition(lambda self: bool(self.service.history.undo_stack()))
    @rule()
    def undo_one(self) -> None:
        self.service.history.undo()

    def teardown(self) -> None:
        try:
            final = self.state()
            applied = len(self.service.history.undo_stack())
            for _ in range(applied):
                self.service.history.undo()
            assert self.state() == self.initial
            assert not self.service.history.undo_stack()
            # Changes undone before the end stay undone: redo exactly what was applied.
            for _ in range(applied):
                self.service.history.redo()
            assert self.state() == final
        finally:
            self.service.store.close()
            shutil.rmtree(self.root, ignore_errors=True)


HistoryMachine.TestCase.settings = machine_settings(15)
TestHistory = HistoryMachine.TestCase
