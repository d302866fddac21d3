"""Whole commands run on chosen dates (libfaketime), as a month of real use would run them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

FAKETIME = shutil.which("faketime")
pytestmark = pytest.mark.skipif(
    FAKETIME is None, reason="needs the faketime program (Debian package faketime)"
)


def on(day: str, data_dir: Path, *args: str, zone: str = "UTC") -> subprocess.CompletedProcess[str]:
    """`closure-tui ARGS` with the system clock set to `day` (e.g. `2027-03-01 10:00:00`)."""
    assert FAKETIME is not None
    command = [FAKETIME, day, sys.executable, "-m", "closure_tui", "--data-dir", str(data_dir)]
    result = subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "TZ": zone},
        check=False,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def done_on(day: str, data_dir: Path, *args: str, **kwargs: Any) -> str:
    result = on(day, data_dir, *args, **kwargs)
    assert result.returncode == 0, result.stderr
    return result.stdout


def due(day: str, data_dir: Path) -> list[dict[str, Any]]:
    return json.loads(done_on(day, data_dir, "due", "--json"))


def listing(day: str, data_dir: Path) -> list[dict[str, Any]]:
    return json.loads(done_on(day, data_dir, "reminders", "--all", "--json"))


def test_a_month_of_follow_ups(data_dir: Path) -> None:
    done_on("2027-03-01 10:00:00", data_dir, "add", "P")
    done_on("2027-03-01 10:00:00", data_dir, "tick", "P", "negotiated", "--pay-by", "2027-03-10")
    done_on("2027-03-01 10:05:00", data_dir, "tick", "P", "paid")
    done_on("2027-03-02 10:00:00", data_dir, "untick", "P", "paid")
    [lapse] = due("2027-03-09 09:00:00", data_dir)
    assert (lapse["date"], lapse["overdue"]) == ("2027-03-09", 0)
    assert "lapses" in lapse["text"]

    done_on("2027-03-10 10:00:00", data_dir, "tick", "P", "paid")
    chase = next(r for r in listing("2027-03-10 10:00:00", data_dir) if r["kind"] == "certificate")
    assert (chase["date"], chase["state"]) == ("2027-03-17", "open")
    done_on("2027-03-10 10:01:00", data_dir, "tick", "P", "paid", "--on", "2027-03-02")
    moved = next(r for r in listing("2027-03-10 10:01:00", data_dir) if r["id"] == chase["id"])
    assert (moved["date"], moved["overdue"]) == ("2027-03-09", 1)

    done_on("2027-03-11 10:00:00", data_dir, "done", str(chase["id"]))
    before = listing("2027-03-27 10:00:00", data_dir)
    done_on("2027-03-27 10:00:00", data_dir, "untick", "P", "paid")
    done_on("2027-03-27 10:01:00", data_dir, "tick", "P", "paid", "--on", "2027-03-02")
    assert listing("2027-03-27 10:02:00", data_dir) == before
    assert all(r["overdue"] == 0 for r in before if r["state"] != "open")


def test_due_follows_the_date_across_new_year(data_dir: Path) -> None:
    done_on("2027-12-30 10:00:00", data_dir, "add", "P")
    done_on("2027-12-30 10:00:00", data_dir, "remind", "P", "2028-01-01", "call 贷后")
    assert due("2027-12-31 23:59:30", data_dir) == []
    [today] = due("2028-01-01 00:00:30", data_dir)
    assert (today["date"], today["overdue"]) == ("2028-01-01", 0)
    [late] = due("2028-01-02 00:00:30", data_dir)
    assert late["overdue"] == 1


def test_a_pay_by_before_the_negotiation_is_refused(data_dir: Path) -> None:
    done_on("2027-03-01 10:00:00", data_dir, "add", "P")
    refused = on(
        "2027-03-01 10:00:00", data_dir, "tick", "P", "negotiated", "--pay-by", "2027-02-28"
    )
    assert refused.returncode == 1
    assert "2027-02-28" in refused.stderr
    assert listing("2027-03-01 10:00:00", data_dir) == []


def test_a_reminder_made_at_17_utc_is_exported_at_17_utc_whatever_the_zone(
    data_dir: Path, tmp_path: Path
) -> None:
    done_on("2027-03-01 17:00:00", data_dir, "add", "P")
    done_on("2027-03-01 17:00:00", data_dir, "remind", "P", "+2d", "call")
    created = set()
    for zone in ("UTC", "CST-8", "PST8PDT"):
        target = tmp_path / f"{zone}.ics"
        done_on(
            "2027-03-01 18:00:00",
            data_dir,
            "export",
            "--format",
            "ics",
            "--output",
            str(target),
            zone=zone,
        )
        created |= {line for line in target.read_text().splitlines() if line.startswith("CREATED")}
    # faketime lets the clock run on from 17:00:00, so only the minute is fixed.
    [stamp] = created
    assert stamp.startswith("CREATED:20270301T1700"), stamp
