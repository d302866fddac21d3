"""The reminder commands, run as the real program.

The program reads the system clock, so these tests only use dates relative to it
(`yesterday`, `+10d`) and assert relative outcomes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from closure_tui.domain.clock import SystemClock
from closure_tui.store.store import Store
from tests.cli_helpers import cli, ok
from tests.store_helpers import compacted
from tests.storekit import file_bytes


def test_overdue_shows_in_due_and_ten_days_out_only_within_14(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "add", "花呗")
    ok(data_dir, "remind", "借呗", "yesterday", "call the hotline", "--stage", "certificate")
    ok(data_dir, "remind", "花呗", "+10d", "ask for the certificate")
    plain = ok(data_dir, "due")
    assert "借呗" in plain
    assert "Settlement certificate" in plain
    assert "overdue by 1 day" in plain
    assert (date.today() - timedelta(days=1)).isoformat() in plain
    assert "花呗" not in plain
    wider = ok(data_dir, "due", "--within", "14").splitlines()
    assert len(wider) == 2
    assert "借呗" in wider[0]
    assert "花呗" in wider[1]
    assert "due in 10 days" in wider[1]


def test_due_json_fields(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "yesterday", "call")
    [item] = json.loads(ok(data_dir, "due", "--json"))
    assert set(item) == {"schema", "id", "platform", "stage", "date", "text", "overdue"}
    assert item["platform"] == "借呗"
    assert item["stage"] is None
    assert item["text"] == "call"
    assert item["overdue"] == 1
    assert json.loads(ok(data_dir, "due", "--json", "--within", "0")) == [item]


def test_due_says_so_when_nothing_is_due_and_quiet_prints_nothing(data_dir: Path) -> None:
    assert ok(data_dir, "due").strip() == "Nothing due."
    assert ok(data_dir, "due", "--quiet") == ""
    assert "没有到期的提醒" in ok(data_dir, "--lang", "zh", "due")


def test_due_in_chinese(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "昨天", "打电话", "--stage", "paid")
    out = ok(data_dir, "--lang", "zh", "due")
    assert "已逾期 1 天" in out
    assert "已还款至核实的对公账户" in out


def test_due_reads_while_another_instance_holds_the_lock(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "today", "call")
    holder = Store.open(data_dir, SystemClock(), writable=True)
    try:
        assert "借呗" in ok(data_dir, "due")
        refused = cli(data_dir, "remind", "借呗", "today", "again")
        assert refused.returncode == 1
    finally:
        holder.close()


def test_due_never_imports_textual(data_dir: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "closure_tui",
            "--data-dir",
            str(data_dir),
            "due",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines()]
    assert "closure_tui.services.reminder_labels" in imported
    assert not [name for name in imported if name.startswith(("textual", "icalendar"))]


def test_dismiss_and_snooze(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "today", "first")
    ok(data_dir, "remind", "借呗", "today", "second")
    assert "Reminder #1 dismissed." in ok(data_dir, "dismiss", "1")
    later = (date.today() + timedelta(days=3)).isoformat()
    assert later in ok(data_dir, "snooze", "#2", "+3d")
    assert ok(data_dir, "due").strip() == "Nothing due."
    assert "second" in ok(data_dir, "due", "--within", "3")
    listed = json.loads(ok(data_dir, "reminders", "--all", "--json"))
    states = {item["id"]: (item["state"], item["snoozed_until"]) for item in listed}
    assert states == {1: ("dismissed", None), 2: ("open", later)}
    assert [item["id"] for item in json.loads(ok(data_dir, "reminders", "借呗", "--json"))] == [2]


def test_refusals_exit_1_without_traceback_and_change_nothing(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "today", "first")
    before = file_bytes(data_dir)
    for args in (
        ("dismiss", "7"),
        ("snooze", "1", "yesterday"),
        ("snooze", "1", "someday"),
        ("remind", "nobody", "today", "x"),
        ("remind", "借呗", "today"),
        ("tick", "借呗", "paid", "--pay-by", "+5d"),
    ):
        result = cli(data_dir, *args)
        assert result.returncode == 1, args
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("error:")
    assert file_bytes(data_dir) == before
    assert cli(data_dir, "due", "--within", "soon").returncode == 1


def test_pay_by_and_closing_schedule_follow_ups(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "tick", "借呗", "negotiated", "--pay-by", "+5d")
    [lapse] = json.loads(ok(data_dir, "reminders", "--json"))
    assert lapse["kind"] == "offer_lapse"
    assert lapse["date"] == (date.today() + timedelta(days=4)).isoformat()
    for stage in ("paid", "certificate", "account_cancelled", "credit_line_cancelled"):
        ok(data_dir, "tick", "借呗", stage)
    ok(data_dir, "skip", "借呗", "card_unbound", "--reason", "no card")
    open_kinds = {
        item["kind"]: item["date"] for item in json.loads(ok(data_dir, "reminders", "--json"))
    }
    assert open_kinds == {"credit_report": (date.today() + timedelta(days=45)).isoformat()}


def test_export_ics_from_the_command_line(data_dir: Path, tmp_path: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "+2d", "call", "--stage", "certificate")
    target = tmp_path / "closure.ics"
    written = ok(data_dir, "export", "--format", "ics", "--output", str(target))
    assert str(target) in written
    [todo] = Calendar.from_ical(target.read_bytes()).walk("VTODO")
    assert str(todo["SUMMARY"]) == "借呗 · Settlement certificate: call"
    assert len(todo.walk("VALARM")) == 1


def test_a_damaged_reminder_record_is_refused_on_open(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "today", "call")
    compacted(data_dir, SystemClock())  # the base holds the reminder, to be damaged
    path = data_dir / "closure.json"
    doc = json.loads(path.read_text())
    doc["reminders"]["1"]["date"] = "tomorrow-ish"
    path.write_text(json.dumps(doc))
    result = cli(data_dir, "due")
    assert result.returncode == 1
    assert "reminders #1" in result.stderr


def test_a_reminder_stored_without_a_state_is_due(data_dir: Path) -> None:
    """As the codec reads it (an older version's record): open, so `due` lists it, also
    once the file is trusted and `due` decodes only the open reminders."""
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "yesterday", "call")
    ok(data_dir, "remind", "借呗", "yesterday", "closed one")
    ok(data_dir, "done", "2")
    compacted(data_dir, SystemClock())  # the base holds the reminders, edited below
    path = data_dir / "closure.json"
    doc = json.loads(path.read_text())
    del doc["reminders"]["1"]["state"]
    path.write_text(json.dumps(doc))
    ok(data_dir, "add", "花呗")  # a writer checks the file and records it as checked
    for _ in range(2):
        listed = ok(data_dir, "due", "--quiet").splitlines()
        assert [line.split()[0] for line in listed] == ["#1"]
