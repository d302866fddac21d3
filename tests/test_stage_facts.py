"""Stage facts stay true: no done date in the future, a done stage keeps its date, an
untick of a stage to do changes nothing, and suspicious amounts and payees are flagged."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_inprocess import Ran, in_process

PAYEE = ("--name", "某某消费金融有限公司", "--bank", "招商银行", "--account", "6222000011112222")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    return in_process(capsys)


@pytest.fixture
def store(data_dir: Path, run: Callable[..., Ran]) -> Path:
    assert run(data_dir, "add", "借呗", "--original", "12000").returncode == 0
    return data_dir


def _files(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in data_dir.glob("*.json")}


def _stage(run: Callable[..., Ran], data_dir: Path, key: str) -> dict:
    return json.loads(run(data_dir, "show", "借呗", "--json").stdout)["stages"][key]


@pytest.mark.parametrize(("lang", "words"), [("en", "in the future"), ("zh", "还没到")])
def test_a_done_date_in_the_future_is_refused(
    lang: str, words: str, store: Path, run: Callable[..., Ran]
) -> None:
    before = _files(store)
    result = run(store, "tick", "借呗", "negotiated", "--on", "tomorrow", lang=lang)
    assert result.returncode == 1 and words in result.stderr
    assert _files(store) == before


def test_ticking_a_done_stage_again_keeps_its_date_and_says_when(
    store: Path, run: Callable[..., Ran]
) -> None:
    assert run(store, "tick", "借呗", "negotiated", "--on", "2025-03-01").returncode == 0
    before = _files(store)
    again = run(store, "tick", "借呗", "negotiated")
    assert again.returncode == 0
    assert "already done on 2025-03-01" in again.stdout
    assert _files(store) == before  # nothing recorded, not even a history entry
    moved = run(store, "tick", "借呗", "negotiated", "--on", "2025-03-02")
    assert moved.returncode == 0
    assert _stage(run, store, "negotiated")["done_on"] == "2025-03-02"


@pytest.mark.parametrize(("lang", "words"), [("en", "already to do"), ("zh", "本来就是待办")])
def test_untick_of_a_stage_to_do_says_so_and_records_nothing(
    lang: str, words: str, store: Path, run: Callable[..., Ran]
) -> None:
    before = _files(store)
    result = run(store, "untick", "借呗", "certificate", lang=lang)
    assert result.returncode == 1 and words in result.stderr
    assert _files(store) == before


def test_a_settled_amount_above_the_original_warns(store: Path, run: Callable[..., Ran]) -> None:
    edited = run(store, "edit", "借呗", "--settled", "13000")
    assert edited.returncode == 0 and "more than the original" in edited.stderr
    added = run(store, "add", "花呗", "--original", "100", "--settled", "1000", lang="zh")
    assert added.returncode == 0 and "比原欠" in added.stderr
    fine = run(store, "edit", "借呗", "--settled", "6000")
    assert "more than the original" not in fine.stderr


def test_pay_to_an_unverified_payee_warns_like_tick_paid(
    store: Path, run: Callable[..., Ran]
) -> None:
    nobody = run(store, "pay", "借呗", "100", "--on", "2025-03-05")
    assert nobody.returncode == 0 and "third-party collectors" in nobody.stderr
    assert run(store, "payee", "借呗", *PAYEE, "--verified-via", "").returncode == 0
    unverified = run(store, "pay", "借呗", "100", "--on", "2025-03-05")
    assert "third-party collectors" in unverified.stderr


def test_a_payee_verified_after_the_payment_is_flagged(
    store: Path, run: Callable[..., Ran]
) -> None:
    assert run(store, "pay", "借呗", "6000", "--on", "2025-03-05").returncode == 0
    late = ("--verified-via", "95188", "--verified-on", "2025-03-10")
    payee = run(store, "payee", "借呗", *PAYEE, *late)
    assert "paid on 2025-03-05" in payee.stderr and "verified on 2025-03-10" in payee.stderr
    tick = run(store, "tick", "借呗", "paid", "--on", "2025-03-05")
    assert "verified on 2025-03-10" in tick.stderr
    again = run(store, "pay", "借呗", "1", "--on", "2025-03-11")
    assert "verified on 2025-03-10" in again.stderr  # the earlier payment still was
    on_time = ("--verified-via", "95188", "--verified-on", "2025-03-01")
    assert "verified on" not in run(store, "payee", "借呗", *PAYEE, *on_time).stderr


def test_show_lists_attached_files(store: Path, tmp_path: Path, run: Callable[..., Ran]) -> None:
    scan = tmp_path / "结清证明.pdf"
    scan.write_bytes(b"%PDF stamped")
    assert run(store, "attach", "借呗", "certificate", str(scan)).returncode == 0
    shown = run(store, "show", "借呗").stdout
    assert "结清证明.pdf" in shown and "12 B" in shown
    assert "Settlement certificate" in shown.split("Files:")[1]


def test_the_paid_form_warns_like_pay(store: Path, run: Callable[..., Ran]) -> None:
    """Payments added through the app's paid form get the same payee warnings."""
    from closure_tui.domain.clock import SystemClock
    from closure_tui.services.paid import NewPayment, save_paid
    from closure_tui.services.session import closures_session

    with closures_session(store, SystemClock(), writable=True) as service:
        added = save_paid(service, 1, add=[NewPayment("100", "2025-03-05", "")])
        assert "warn.unverified_payee" in [w.key for w in added.warnings]
        late = {
            "name": "某某消费金融有限公司",
            "bank": "招商银行",
            "account": "6222000011112222",
            "verified_via": "95188",
            "verified_on": "2025-03-10",
        }
        named = save_paid(service, 1, payee=late)
        assert [w.key for w in named.warnings] == ["warn.paid_before_verified"]
