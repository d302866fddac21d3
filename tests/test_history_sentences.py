"""History reads as sentences in the user's language, in the CLI and wherever it is shown."""

from __future__ import annotations

import re
from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.i18n import set_language
from closure_tui.services.history_sentences import Shown, event_lines, event_summary, lookup_for
from closure_tui.services.reminders import Reminders
from tests.cli_helpers import cli
from tests.evidence_support import open_service

#: What a user must never read in the history: field names, Python values, empty brackets.
RAW = re.compile(
    r"verified_on|sha256|stage:|done_on|pay_by|attached_at|\bTrue\b|\bFalse\b|\bNone\b"
    r"|\bopen\b|\(\)|（）"
)


def _story(data_dir: Path) -> None:
    cli(data_dir, "add", "招行", "--settled", "12000", "--original", "20000")
    payee = ("--name", "招行", "--bank", "招商银行", "--account", "6222021234567890")
    cli(data_dir, "payee", "招行", *payee, "--verified-via", "热线")
    cli(data_dir, "payee", "招行", *payee, "--verified-via", "热线", "--verified-on", "2026-11-30")
    cli(data_dir, "pay", "招行", "5000", "--on", "2026-11-30")
    cli(data_dir, "remind", "招行", "+2d", "打给招行贷后")
    cli(data_dir, "done", "1")


def test_cli_history_reads_as_sentences_in_chinese(data_dir: Path) -> None:
    _story(data_dir)
    shown = cli(data_dir, "history", lang="zh").stdout
    assert "已还款：收款账户核实日期 — → 2026-11-30" in shown
    assert "已还款：记录还款 ¥5,000.00（2026-11-30）" in shown
    assert "提醒「打给招行贷后」已完成" in shown
    assert "已还款：收款账号 — → ****7890" in shown
    assert RAW.search(shown) is None, RAW.search(shown)


def test_reminder_events_carry_their_platform(data_dir: Path) -> None:
    _story(data_dir)
    last = cli(data_dir, "history", lang="en").stdout.splitlines()[-2:]
    assert "招行  reminder done" in last[0]
    assert last[1].strip() == "Reminder “打给招行贷后” done"
    assert "Undone: 招行 · Reminder “打给招行贷后” done" in cli(data_dir, "undo").stdout


def test_stamped_reads_yes_and_no(data_dir: Path, clock: FixedClock) -> None:
    set_language("zh")
    try:
        service = open_service(data_dir, clock)
        pid = service.add_platform("借呗").value.id
        service.set_evidence(pid, StageKey.CERTIFICATE, {"stamped": False})
        service.set_evidence(pid, StageKey.CERTIFICATE, {"stamped": True})
        event = service.history.events()[-1]
        assert event_lines(event, lookup=lookup_for(service)) == ["结清证明：已盖章 否 → 是"]
        service.store.close()
    finally:
        set_language("en")


def test_privacy_hides_amounts_and_accounts_in_sentences(data_dir: Path, clock) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗", settled="8000").value.id
    service.set_payee(
        pid, name="蚂蚁", bank="招行", account="6222021234567890", verified_via="热线"
    )
    service.add_payment(pid, "8000", None, "")
    service.edit_platform(pid, settled="7500")
    service.add_note(pid, "转账 7500 到 6222021234567890", None)
    lookup = lookup_for(service)
    hidden = Shown(privacy=True)
    text = "\n".join(
        line
        for e in service.history.events()
        for line in event_lines(e, shown=hidden, lookup=lookup)
    )
    assert "•••" in text
    assert not re.search(r"7890|8,000|7,500|7500|8000", text), text
    service.store.close()


def test_a_reminder_done_in_the_agenda_names_its_platform(data_dir: Path, clock) -> None:
    service = open_service(data_dir, clock)
    reminders = Reminders(service).plug_in()
    pid = service.add_platform("借呗").value.id
    reminder = reminders.add(pid, "2026-12-05", "call the hotline")
    reminders.done(reminder.id)
    event = service.history.events()[-1]
    assert event.platform_name == "借呗"
    summary = event_summary(event, lookup=lookup_for(service))
    assert summary == "借呗 · Reminder “call the hotline” done"
    service.store.close()


def test_platform_edits_read_as_label_and_values(data_dir: Path, clock: FixedClock) -> None:
    set_language("zh")
    try:
        service = open_service(data_dir, clock)
        pid = service.add_platform("借呗", settled="8000").value.id
        service.edit_platform(pid, kind="credit_card", settled="7500", funder="某银行")
        lines = event_lines(service.history.events()[-1], lookup=lookup_for(service))
        assert "类型 网贷（上征信） → 信用卡" in lines
        assert "结清金额 ¥8,000.00 → ¥7,500.00" in lines
        assert "出资方 — → 某银行" in lines
        service.store.close()
    finally:
        set_language("en")


def test_an_undone_tick_names_its_stage(data_dir: Path) -> None:
    cli(data_dir, "add", "借呗")
    cli(data_dir, "tick", "借呗", "negotiated", "--pay-by", "+5d")
    assert cli(data_dir, "undo", lang="zh").stdout.strip() == "已撤销：借呗 · 已协商：步骤标记完成"
    assert cli(data_dir, "undo", lang="zh").stdout.strip() == "已撤销：借呗 · 添加平台"
