"""Exports cannot hurt their reader: no formulas in CSV, no Markdown structure from user
text, no control or bidi characters in JSON output."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Payee
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session
from closure_tui.store.store import Store
from tests import hostile
from tests.cli_inprocess import Ran, in_process

FORMULAS = ['=HYPERLINK("http://x","click")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    return in_process(capsys)


def _plant(data_dir: Path, clock: FixedClock, *, name: str, text: str) -> None:
    """Text the input rules would refuse, as a hand-edited or imported file can hold it."""
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("P").value
        Reminders(service).add(platform.id, "today", "call")
    store = Store.open(data_dir, clock, writable=True)
    try:
        payee = Payee(name=text, bank=text, account="62220001", verified_via=text)
        store.platforms.put(replace(platform, name=name, payee=payee))
        store.reminders.put(replace(store.reminders.get(1), text=text))
        store.notes.insert(lambda new_id: Note(new_id, platform.id, clock.now(), text, None))
    finally:
        store.close()


def _export(run: Callable[..., Ran], data_dir: Path, fmt: str, target: Path) -> bytes:
    result = run(data_dir, "export", "--format", fmt, "--output", str(target))
    assert result.returncode == 0, result.stderr
    return target.read_bytes()


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_that_look_like_formulas_are_text(
    formula: str, data_dir: Path, clock: FixedClock, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    _plant(data_dir, clock, name=formula, text=formula)
    raw = _export(run, data_dir, "csv", tmp_path / "r.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_markdown_report_gets_no_structure_from_user_text(
    data_dir: Path, clock: FixedClock, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    evil = "x | y\n# Heading\n[click](http://e.example) <img src=x onerror=alert(1)>\n- item"
    _plant(data_dir, clock, name="# Big | name", text=evil + "\u202e\x1b[2J")
    text = _export(run, data_dir, "md", tmp_path / "r.md").decode()
    assert hostile.forbidden(text) == []
    for line in text.splitlines():
        assert not line.lstrip().startswith(("# Heading", "- item", "# Big")), line
    assert re.search(r"(?<!\\)<img|(?<!\\)\]\(|(?<!\\)\[click|(?<!\\)\| y", text) is None
    assert "x \\| y" in text


@pytest.mark.parametrize(
    "args",
    [
        ("reminders", "--json"),
        ("reminders", "--all", "--json"),
        ("due", "--json"),
        ("history", "--json"),
        ("show", "1", "--json"),
        ("list", "--json"),
    ],
)
def test_json_output_carries_no_raw_control_or_bidi_character(
    args: tuple[str, ...], data_dir: Path, clock: FixedClock, run: Callable[..., Ran]
) -> None:
    evil = "".join(hostile.REFUSED.values())
    _plant(data_dir, clock, name="P" + evil, text=evil)
    result = run(data_dir, *args)
    assert result.returncode == 0, result.stderr
    assert hostile.forbidden(result.stdout) == []
    json.loads(result.stdout)


def test_json_backup_escapes_control_and_bidi_characters_losslessly(
    data_dir: Path, clock: FixedClock, tmp_path: Path, run: Callable[..., Ran]
) -> None:
    evil = "".join(hostile.REFUSED.values())
    _plant(data_dir, clock, name="P" + evil, text=evil)
    raw = _export(run, data_dir, "json", tmp_path / "b.json").decode()
    assert hostile.forbidden(raw.replace("\n", "")) == []
    notes = json.loads(raw)["tables"]["notes"]
    assert [doc["text"] for doc in notes.values()] == [evil]
