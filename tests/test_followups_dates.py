"""A follow-up never gets a date the store would refuse, and one already on disk is reported.

Older versions derived follow-ups without checking their dates (`--pay-by 2000-01-01`
wrote one on 1999-12-31); every reader then crashed. Run as the real program.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from closure_tui.domain.clock import FixedClock, SystemClock
from closure_tui.domain.reminders import Reminder
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session
from tests.cli_helpers import cli, ok
from tests.store_helpers import compacted
from tests.test_cli_followups_faketime import FAKETIME, on


def _reminders_on_disk(data_dir: Path) -> dict[str, dict]:
    return json.loads((data_dir / "closure.json").read_text("utf-8")).get("reminders", {})


@pytest.mark.parametrize(
    ("tick", "said"),
    [
        # the offer lapse would fall on 1999-12-31: the pay-by is before the negotiation
        (("negotiated", "--pay-by", "2000-01-01"), ["2000-01-01", "before the day"]),
    ],
)
def test_a_tick_whose_follow_up_date_is_out_of_range_is_refused(
    data_dir: Path, tick: tuple[str, ...], said: list[str]
) -> None:
    ok(data_dir, "add", "借呗")
    refused = cli(data_dir, "tick", "借呗", *tick)
    assert refused.returncode == 1
    assert all(part in refused.stderr for part in [*said, "Nothing was changed"])
    assert _reminders_on_disk(data_dir) == {}
    assert "✓" not in ok(data_dir, "show", "借呗")


#: A done date may not be in the future, so paying on 2100-12-30 (whose certificate chase
#: would fall on 2101-01-06) happens on that day, by the system clock.
LAST_DAYS = "2100-12-30 10:00:00"


@pytest.mark.skipif(FAKETIME is None, reason="needs the faketime program")
def test_a_paid_tick_whose_follow_up_would_pass_2100_is_refused(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    refused = on(LAST_DAYS, data_dir, "tick", "借呗", "paid", "--on", "2100-12-30")
    assert refused.returncode == 1
    for part in ("Ask for the stamped settlement", "2101-01-06", "Nothing was changed"):
        assert part in refused.stderr
    assert _reminders_on_disk(data_dir) == {}


@pytest.mark.skipif(FAKETIME is None, reason="needs the faketime program")
def test_the_refusal_names_the_follow_up_in_chinese(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    zh = on(LAST_DAYS, data_dir, "--lang", "zh", "tick", "借呗", "paid", "--on", "2100-12-30")
    assert "向平台索要盖章的结清证明" in zh.stderr


@pytest.fixture
def bad_reminder(data_dir: Path) -> Path:
    """A store holding reminder #1 dated 1999-12-31, as an older version wrote it."""
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "+1d", "call 贷后")
    compacted(data_dir, SystemClock())  # the base holds the reminder, edited below
    path = data_dir / "closure.json"
    data = json.loads(path.read_text("utf-8"))
    data["reminders"]["1"]["date"] = "1999-12-31"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return data_dir


@pytest.mark.parametrize(
    "command",
    [("due",), ("due", "--quiet"), ("reminders", "--all", "--json"), ("reminders",)],
)
def test_readers_report_a_bad_reminder_instead_of_crashing(
    bad_reminder: Path, command: tuple[str, ...]
) -> None:
    result = cli(bad_reminder, *command)
    assert result.returncode == 0
    assert "Reminder #1 is dated 1999-12-31" in result.stderr
    assert "snooze 1" in result.stderr


def test_the_calendar_export_leaves_a_bad_reminder_out_and_says_so(
    bad_reminder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.ics"
    result = cli(bad_reminder, "export", "--format", "ics", "--output", str(target))
    assert result.returncode == 0
    assert "Reminder #1" in result.stderr
    assert Calendar.from_ical(target.read_bytes()).walk("VTODO") == []


def test_doctor_names_the_bad_reminder_and_the_file_is_not_damaged(bad_reminder: Path) -> None:
    report = cli(bad_reminder, "doctor")
    assert report.returncode == 1
    assert "closure.json: good" in report.stdout
    assert "Reminder #1 is dated 1999-12-31" in report.stdout


def test_a_bad_reminder_can_be_given_a_date_again(bad_reminder: Path) -> None:
    ok(bad_reminder, "snooze", "1", "+2d")
    assert "call 贷后" in ok(bad_reminder, "due", "--within", "3")
    assert "out of range" not in cli(bad_reminder, "doctor").stdout


def test_done_reminders_are_not_overdue_in_the_full_listing(data_dir: Path) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "remind", "借呗", "--", "-14d", "call")
    ok(data_dir, "done", "1")
    [listed] = json.loads(ok(data_dir, "reminders", "--all", "--json"))
    assert (listed["state"], listed["overdue"]) == ("done", 0)


@pytest.fixture
def zone() -> Iterator[object]:
    """Set the process's time zone (the store reads it through the C library)."""
    saved = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def test_reminder_times_keep_their_zone(data_dir: Path, zone) -> None:
    zone("UTC")
    with closures_session(data_dir, FixedClock(datetime(2026, 11, 29, 17, 0)), writable=True) as s:
        platform = s.add_platform("借呗").value
        made = Reminders(s).add(platform.id, "+1d", "call")
    zone("CST-8")
    with closures_session(data_dir, FixedClock(datetime(2026, 11, 30, 9, 0)), writable=False) as s:
        [kept] = Reminders(s).all()
    assert isinstance(kept, Reminder)
    assert kept.created == made.created
    assert kept.created.astimezone().hour == 1  # shown as 01:00 the next day in Shanghai
    listed = json.loads(ok(data_dir, "reminders", "--json"))[0]["created"]
    assert listed == "2026-11-30T01:00:00+08:00"
