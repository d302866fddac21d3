"""Hostile text through the command line: refused on input, shown literally, never an escape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest

from closure_tui.cli import main
from closure_tui.domain.clock import FixedClock
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Payee, Payment
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.services.session import closures_session
from closure_tui.store.store import Store
from tests import hostile
from tests.storekit import cli

PAYEE_REST = ("--account", "62220001", "--verified-via", "hotline")
PAYEE_REST = ("--account", "62220001", "--verified-via", "hotline")
FIELD_COMMANDS = {
    "name": lambda text: ("add", text),
    "hotline": lambda text: ("edit", "P", "--hotline", text),
    "note": lambda text: ("note", "P", text),
    "payee": lambda text: ("payee", "P", "--name", text, "--bank", "b", *PAYEE_REST),
    "reference": lambda text: ("pay", "P", "1", "--ref", text),
    "reason": lambda text: ("skip", "P", "card_unbound", "--reason", text),
}


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """The CLI entry point in this process (fast); the sample below runs the real program."""

    def invoke(data_dir: Path, *args: str) -> Ran:
        code = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return invoke


@pytest.fixture
def base(data_dir: Path, run: Callable[..., Ran]) -> Path:
    assert run(data_dir, "add", "P").returncode == 0
    return data_dir


@pytest.mark.parametrize("field", sorted(FIELD_COMMANDS))
def test_control_and_bidi_text_is_refused_with_a_message(
    field: str, base: Path, run: Callable[..., Ran]
) -> None:
    before = (base / "closure.json").read_bytes()
    for label, text in hostile.REFUSED.items():
        result = run(base, *FIELD_COMMANDS[field](text))
        assert result.returncode == 1, (field, label)
        assert "U+" in result.stderr, (field, label, result.stderr)
        assert hostile.forbidden(result.stderr) == [], (field, label)
        assert "Traceback" not in result.stderr
    assert (base / "closure.json").read_bytes() == before


def test_markup_and_invisible_text_is_kept_and_shown_exactly(
    base: Path, run: Callable[..., Ran]
) -> None:
    for label, text in hostile.ACCEPTED.items():
        for field in ("hotline", "note", "reference", "reason"):
            result = run(base, *FIELD_COMMANDS[field](text))
            assert result.returncode == 0, (field, label, result.stderr)
        shown = run(base, "show", "P").stdout
        assert shown.count(text) >= 4, label
        named = run(base, "add", f"n{text}")
        if label in hostile.INVISIBLE_IN_NAMES:
            assert named.returncode == 1
            assert "invisible character (U+200B)" in named.stderr
            continue
        assert named.returncode == 0, (label, named.stderr)
        assert f"n{text}" in run(base, "show", f"n{text}").stdout


@pytest.mark.parametrize("label", ["click", "clear_screen", "rlo"])
def test_the_real_program_agrees(label: str, base: Path) -> None:
    text = hostile.ALL[label]
    result = cli(base, "note", "P", text)
    assert result.returncode == (0 if label in hostile.ACCEPTED else 1)
    assert hostile.forbidden(result.stdout + result.stderr) == []


def test_over_long_text_is_refused_with_the_limit(base: Path) -> None:
    for args in (
        ("add", "借" * 81),
        ("note", "P", "x" * 20_001),
        ("edit", "P", "--app", "y" * 201),
    ):
        result = cli(base, *args)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert any(limit in result.stderr for limit in ("80", "20000", "20,000", "200"))


def test_hostile_text_already_in_the_file_never_reaches_the_terminal(
    data_dir: Path, clock: FixedClock, run: Callable[..., Ran]
) -> None:
    """A hand-edited or older file can hold anything; list and show must still be safe."""
    evil = "".join(hostile.ALL.values())
    with closures_session(data_dir, clock, writable=True) as service:
        platform = service.add_platform("P").value
    store = Store.open(data_dir, clock, writable=True)
    try:
        stage = replace(
            platform.stage(StageKey.CARD_UNBOUND), state=StageState.SKIPPED, skip_reason=evil
        )
        store.platforms.put(
            replace(
                platform.with_stage(stage),
                name=evil,
                hotline=evil,
                app=evil,
                funder=evil,
                payee=Payee(name=evil, bank=evil, account="6222" + evil, verified_via=evil),
                payments=(Payment(amount=Decimal("1.00"), on=clock.now().date(), reference=evil),),
            )
        )
        store.notes.insert(
            lambda new_id: Note(
                id=new_id, platform_id=platform.id, created=clock.now(), text=evil, stage=None
            )
        )
    finally:
        store.close()
    for args in (("list",), ("list", "--json"), ("show", "1"), ("show", "1", "--json")):
        for reveal in ((), ("--reveal",)) if args[0] == "show" else ((),):
            result = run(data_dir, *args, *reveal)
            assert result.returncode == 0, (args, result.stderr)
            assert hostile.forbidden(result.stdout) == [], (args, reveal)
            if args != ("list",):  # the list cuts names to its column
                assert "[@click=app.quit]x[/]" in result.stdout
