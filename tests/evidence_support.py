"""Helpers shared by the history, evidence, report and backup tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.session import open_closures
from tests.cli_helpers import as_json


def open_service(data_dir: Path, clock: FixedClock) -> Closures:
    return open_closures(data_dir, clock, writable=True)


def listing(service: Closures) -> list[dict[str, Any]]:
    """What `list --all --json` shows, without ids (as a user compares two stores)."""
    from closure_tui.services.json_view import platform_json

    docs = [platform_json(p, reveal=True) for p in service.platforms()]
    for doc in docs:
        doc.pop("id")
    return docs


def list_all(data_dir: Path) -> list[dict[str, Any]]:
    """`list --all --json` of the real program, without ids."""
    docs = as_json(data_dir, "list", "--all")
    for doc in docs:
        doc.pop("id")
    return docs


def sample_store(service: Closures, clock: FixedClock) -> None:
    """Two platforms with a payee, payments, evidence, a skipped stage and notes."""
    jiebei = service.add_platform("借呗", original="12000.50", settled="6000", hotline="95188")
    pid = jiebei.value.id
    service.set_evidence(
        pid, StageKey.NEGOTIATED, {"pay_by": "2026-12-05", "agreed_with": "贷后 王女士"}
    )
    service.tick(pid, StageKey.NEGOTIATED, "2026-11-20")
    service.set_payee(
        pid,
        name="重庆蚂蚁消费金融有限公司",
        bank="招商银行",
        account="6222021234567890123",
        verified_via="官方客服热线 95188",
        verified_on="2026-11-21",
    )
    service.add_payment(pid, "3000", "2026-11-22", "TX20261122")
    service.add_payment(pid, "3000", "2026-11-25", "TX20261125")
    service.tick(pid, StageKey.PAID, "2026-11-25")
    clock.advance(hours=1)
    service.add_note(pid, "客服确认已结清，\n证明 3 个工作日内寄出。", StageKey.PAID)
    card = service.add_platform("招商银行信用卡", kind="credit_card", original="8000")
    service.skip(card.value.id, StageKey.ACCOUNT_CANCELLED, "信用卡没有单独的 App 账户")
