"""`contact`, `contacts`, `complain`, `complaints` and `complaint`, run as the program runs
them (the system clock: complaint dates are relative to today)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closure_tui.cli import main

CALL = ("--direction", "in", "--channel", "phone", "--party", "collector")


def run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ok(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(data_dir, capsys, *args)
    assert code == 0, err
    return out


@pytest.fixture
def lender(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    ok(data_dir, capsys, "add", "借呗")
    return data_dir


def test_six_calls_and_one_at_night_show_both_breaches(
    lender: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for hour in range(9, 14):
        ok(
            lender,
            capsys,
            "contact",
            "借呗",
            "--at",
            f"2026-11-20 {hour:02d}:00",
            *CALL,
            "--staff-id",
            "A1",
        )
    said = ok(
        lender,
        capsys,
        "contact",
        "借呗",
        "--at",
        "2026-11-20 21:40",
        *CALL,
        "--staff-id",
        "A1",
        "--from-number",
        "95188",
        "they threatened a visit",
    )
    assert "more than 5 collection calls in one day" in said
    assert "outside 08:00–18:30" in said
    docs = json.loads(ok(lender, capsys, "contacts", "--json"))
    assert len(docs) == 6
    assert docs[-1]["breaches"] == ["too_many_calls", "outside_hours"]
    assert docs[-1]["text"] == "they threatened a visit"
    assert docs[-1]["from_number"] == "95188"
    assert docs[0]["breaches"] == ["too_many_calls"]
    zh = ok(lender, capsys, "--lang", "zh", "contacts", "借呗")
    assert "同一平台一天内催收电话超过 5 次" in zh
    assert "第三方催收" in zh


def test_a_contact_keeps_its_files_and_undo_removes_it(
    lender: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    recording = tmp_path / "call.m4a"
    recording.write_bytes(b"audio")
    ok(
        lender,
        capsys,
        "contact",
        "借呗",
        # Within calling hours whenever the suite runs: the time defaults to now.
        "--at",
        "2026-11-20 10:00",
        *CALL,
        "--party",
        "official",
        "--stage",
        "negotiated",
        "--file",
        str(recording),
        "--name",
        "王",
        "--staff-id",
        "8123",
        "agreed 5000 by 12-01",
    )
    [doc] = json.loads(ok(lender, capsys, "contacts", "借呗", "--json"))
    assert doc["stage"] == "negotiated"
    assert doc["files"][0]["size"] == 5
    assert (lender / doc["files"][0]["stored"]).read_bytes() == b"audio"
    assert doc["breaches"] == []
    ok(lender, capsys, "undo")
    assert json.loads(ok(lender, capsys, "contacts", "--json")) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--direction", "up", "--channel", "phone", "--party", "collector"), "Unknown direction"),
        (("--direction", "in", "--channel", "fax", "--party", "collector"), "Unknown channel"),
        ((*CALL, "--at", "2026-11-20"), "is not a time"),
        ((*CALL, "--file", "/no/such/file"), "/no/such/file"),
    ],
)
def test_bad_contacts_are_refused_and_change_nothing(
    lender: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, _, err = run(lender, capsys, "contact", "借呗", *args)
    assert code == 1
    assert message in err
    assert json.loads(ok(lender, capsys, "contacts", "--json")) == []


def test_a_complaint_is_due_on_its_reply_date_and_overdue_after(
    lender: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(lender, capsys, "contact", "借呗", *CALL)
    said = ok(
        lender,
        capsys,
        "complain",
        "借呗",
        "--channel",
        "12378",
        "--filed",
        "-3d",
        "--reply-by",
        "today",
        "--ticket",
        "T-9",
        "--cite",
        "1",
        "stop the calls",
    )
    assert "Recorded complaint #1" in said
    due = ok(lender, capsys, "due")
    assert "complaint reply" in due and "due today" in due and "T-9" in due
    ok(
        lender,
        capsys,
        "complain",
        "借呗",
        "--channel",
        "nifa",
        "--filed=-20d",
        "--reply-by",
        "yesterday",
    )
    assert "overdue by 1 day" in ok(lender, capsys, "due")
    listed = json.loads(ok(lender, capsys, "complaints", "--json"))
    assert [(c["id"], c["overdue"], c["cites"]) for c in listed] == [(2, 1, []), (1, 0, [1])]
    assert "reply overdue by 1 days" in ok(lender, capsys, "complaints")
    moved = ok(lender, capsys, "complaint", "2", "--status", "replied", "they called back")
    assert "replied" in moved
    assert "overdue" not in ok(lender, capsys, "due")
    [second] = [c for c in json.loads(ok(lender, capsys, "complaints", "--json")) if c["id"] == 2]
    assert (second["status"], second["outcome"]) == ("replied", "they called back")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--channel", "fax"), "Unknown complaint channel"),
        (("--channel", "12378", "--filed", "today", "--reply-by", "yesterday"), "is before"),
        (("--channel", "12378", "--cite", "7"), "no contact #7"),
    ],
)
def test_bad_complaints_are_refused(
    lender: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, _, err = run(lender, capsys, "complain", "借呗", *args)
    assert code == 1
    assert message in err
    assert json.loads(ok(lender, capsys, "complaints", "--json")) == []
    assert ok(lender, capsys, "due").strip() == "Nothing due."


def test_a_resolved_complaint_cannot_go_back_and_says_so_in_chinese(
    lender: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(lender, capsys, "complain", "借呗", "--channel", "platform")
    ok(lender, capsys, "complaint", "1", "--status", "resolved")
    code, _, err = run(lender, capsys, "--lang", "zh", "complaint", "1", "--status", "replied")
    assert code == 1
    assert "当前状态是「已解决」，不能改为「已回复」" in err
    assert "resolved" not in err and "replied" not in err


def test_a_complaint_escalated_to_another_names_it(
    lender: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(lender, capsys, "complain", "借呗", "--channel", "platform")
    ok(lender, capsys, "complain", "借呗", "--channel", "12378")
    code, _, err = run(lender, capsys, "complaint", "1", "--status", "escalated", "--to", "1")
    assert code == 1 and "another complaint" in err
    code, _, err = run(lender, capsys, "complaint", "1", "--status", "replied", "--to", "2")
    assert code == 1 and "Only an escalated complaint" in err
    ok(lender, capsys, "complaint", "1", "--status", "escalated", "--to", "2", "no answer")
    first = json.loads(ok(lender, capsys, "complaints", "--json"))[0]
    assert (first["status"], first["escalated_to"], first["outcome"]) == (
        "escalated",
        2,
        "no answer",
    )


def test_the_archive_carries_a_contacts_file_to_another_store(
    lender: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    recording = tmp_path / "call.m4a"
    recording.write_bytes(b"audio")
    ok(lender, capsys, "contact", "借呗", *CALL, "--file", str(recording))
    ok(lender, capsys, "complain", "借呗", "--channel", "12378", "--cite", "1")
    archive = tmp_path / "all.zip"
    ok(lender, capsys, "export", "--format", "archive", "--output", str(archive))
    other = tmp_path / "other"
    ok(other, capsys, "import", str(archive))
    [doc] = json.loads(ok(other, capsys, "contacts", "--json"))
    assert (other / doc["files"][0]["stored"]).read_bytes() == b"audio"
    [complaint] = json.loads(ok(other, capsys, "complaints", "--json"))
    assert complaint["cites"] == [doc["id"]]
