"""The whole command-line contract, run as a real program on a fresh data directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from closure_tui.domain.stages import STAGE_ORDER
from tests.cli_helpers import as_json, cli, ok
from tests.store_helpers import stored
from tests.storekit import file_bytes

STAGES = [key.value for key in STAGE_ORDER]
ACCOUNT = "6225880123450123"


@pytest.fixture
def filled(data_dir: Path) -> Path:
    """Three lenders with Chinese names, one of them worked through to closure."""
    ok(
        data_dir,
        "add",
        "蚂蚁借呗",
        "--original",
        "30000",
        "--settled",
        "12000.50",
        "--hotline",
        "95188",
        "--app",
        "支付宝",
        "--funder",
        "重庆蚂蚁消费金融",
    )
    ok(data_dir, "add", "蚂蚁花呗", "--kind", "online_loan")
    ok(data_dir, "add", "招商银行信用卡", "--kind", "credit_card", "--settled", "5000")
    return data_dir


def test_add_then_list_shows_outstanding_platforms(filled: Path) -> None:
    listing = ok(filled, "list")
    assert "蚂蚁借呗" in listing and "招商银行信用卡" in listing
    assert "¥12,000.50" in listing
    platforms = as_json(filled, "list")
    assert [p["name"] for p in platforms] == ["蚂蚁借呗", "蚂蚁花呗", "招商银行信用卡"]
    first = platforms[0]
    assert first["id"] == 1
    assert first["kind"] == "online_loan"
    assert (first["original"], first["settled"]) == ("30000.00", "12000.50")
    assert first["closed"] is False
    assert first["next_stage"] == "negotiated"
    assert list(first["stages"]) == STAGES
    for stage in first["stages"].values():
        assert {"state", "done_on", "skip_reason", "evidence"} <= stage.keys()
    assert {"payee", "payments"} <= first["stages"]["paid"].keys()
    assert platforms[2]["kind"] == "credit_card"


def test_add_output_names_the_new_platform(data_dir: Path) -> None:
    assert "微粒贷" in ok(data_dir, "add", "微粒贷")
    assert "#1" in ok(data_dir, "list")


def test_edit_changes_only_the_given_fields(filled: Path) -> None:
    ok(filled, "edit", "蚂蚁借呗", "--settled", "11000", "--name", "借呗")
    platform = as_json(filled, "show", "借呗")
    assert platform["name"] == "借呗"
    assert platform["settled"] == "11000.00"
    assert platform["original"] == "30000.00"
    assert platform["hotline"] == "95188"
    assert platform["funder"] == "重庆蚂蚁消费金融"


def test_work_a_platform_through_to_closed(filled: Path) -> None:
    name = "招商银行信用卡"
    ok(filled, "tick", name, "negotiated", "--on", "2026-11-01")
    payee = ["--name", "招商银行股份有限公司", "--bank", "招商银行", "--account", ACCOUNT]
    result = cli(filled, "payee", name, *payee, "--verified-via", "95555", "--verified-on", "昨天")
    assert result.returncode == 0 and result.stderr == ""
    ok(filled, "pay", name, "5000", "--on", "2026-11-05", "--ref", "HX0001")
    ok(filled, "tick", name, "paid", "--on", "2026-11-05")
    ok(filled, "tick", name, "certificate", "--on", "yesterday")
    ok(filled, "skip", name, "account_cancelled", "--reason", "信用卡没有 App 账户")
    ok(filled, "tick", name, "credit_line_cancelled")
    assert as_json(filled, "show", name)["next_stage"] == "card_unbound"
    ok(filled, "tick", name, "card_unbound")
    platform = as_json(filled, "show", name)
    assert platform["closed"] is True and platform["next_stage"] is None
    stages = platform["stages"]
    assert stages["negotiated"]["done_on"] == "2026-11-01"
    assert stages["certificate"]["state"] == "done"
    assert stages["account_cancelled"] == {
        "state": "skipped",
        "done_on": None,
        "skip_reason": "信用卡没有 App 账户",
        "evidence": {"channel": "", "confirmed_by_phone": None},
    }
    assert stages["paid"]["payments"] == [
        {"amount": "5000.00", "on": "2026-11-05", "reference": "HX0001"}
    ]
    assert name not in ok(filled, "list")
    assert [p["name"] for p in as_json(filled, "list", "--closed")] == [name]
    assert len(as_json(filled, "list", "--all")) == 3
    ok(filled, "untick", name, "card_unbound")
    assert [p["name"] for p in as_json(filled, "list", "--closed")] == []


def test_ticking_a_skipped_stage_clears_its_reason(filled: Path) -> None:
    name = "招商银行信用卡"
    ok(filled, "skip", name, "card_unbound", "--reason", "no card bound")
    ok(filled, "tick", name, "card_unbound", "--on", "2026-11-30")
    stage = as_json(filled, "show", name)["stages"]["card_unbound"]
    assert (stage["state"], stage["done_on"], stage["skip_reason"]) == ("done", "2026-11-30", "")
    shown = ok(filled, "show", name)
    assert "no card bound" not in shown
    [line] = [line for line in shown.splitlines() if "Card unbound" in line]
    assert line.endswith(" 2026-11-30")


def test_account_numbers_are_masked_unless_revealed(filled: Path) -> None:
    ok(
        filled,
        "payee",
        "蚂蚁借呗",
        "--name",
        "重庆蚂蚁消费金融有限公司",
        "--bank",
        "网商银行",
        "--account",
        ACCOUNT,
        "--verified-via",
        "支付宝 App 内官方客服",
    )
    outputs = [
        ok(filled, "show", "蚂蚁借呗"),
        ok(filled, "show", "蚂蚁借呗", "--json"),
        ok(filled, "list", "--json"),
        ok(filled, "list", "--all", "--json"),
        ok(filled, "list"),
    ]
    for output in outputs:
        assert ACCOUNT not in output
    assert "****0123" in outputs[0]
    assert as_json(filled, "show", "蚂蚁借呗")["stages"]["paid"]["payee"]["account"] == "****0123"
    assert ACCOUNT in ok(filled, "show", "蚂蚁借呗", "--reveal")
    revealed = json.loads(ok(filled, "show", "蚂蚁借呗", "--json", "--reveal"))
    assert revealed["stages"]["paid"]["payee"]["account"] == ACCOUNT
    assert (
        stored(filled, "closure.json")["platforms"]["1"]["stages"]["paid"]["payee"]["account"]
        == ACCOUNT
    )


def test_notes_show_newest_first_with_their_stage(filled: Path) -> None:
    ok(filled, "note", "蚂蚁花呗", "客服说一周内还款\n\t减免方案过期作废", "--stage", "negotiated")
    ok(filled, "note", "蚂蚁花", "已拿到工单号 A123")
    shown = as_json(filled, "show", "蚂蚁花呗")
    assert [n["text"] for n in shown["notes"]] == [
        "已拿到工单号 A123",
        "客服说一周内还款\n\t减免方案过期作废",
    ]
    assert shown["notes"][1]["stage"] == "negotiated"
    text = ok(filled, "show", "蚂蚁花呗")
    assert "减免方案过期作废" in text and "已协商结清方案" not in text
    assert "Negotiated" in text


def test_platform_resolution_by_name_prefix_and_id(filled: Path) -> None:
    assert as_json(filled, "show", "蚂蚁借呗")["id"] == 1
    assert as_json(filled, "show", "招商")["id"] == 3
    assert as_json(filled, "show", "2")["id"] == 2
    assert as_json(filled, "show", "#3")["id"] == 3
    result = cli(filled, "show", "蚂蚁")
    assert result.returncode == 1
    assert "蚂蚁借呗 (#1)" in result.stderr and "蚂蚁花呗 (#2)" in result.stderr
    assert result.stdout == ""


def test_remove_needs_yes(filled: Path) -> None:
    before = file_bytes(filled)
    refused = cli(filled, "remove", "蚂蚁花呗")
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert file_bytes(filled) == before
    ok(filled, "note", "蚂蚁花呗", "to be removed")
    ok(filled, "remove", "蚂蚁花呗", "--yes")
    assert [p["name"] for p in as_json(filled, "list", "--all")] == ["蚂蚁借呗", "招商银行信用卡"]
    notes = stored(filled, "notes.json")["notes"].values()
    assert "to be removed" not in [note["text"] for note in notes]
    assert as_json(filled, "show", "3")["name"] == "招商银行信用卡"


def test_fresh_directory_lists_nothing_and_creates_nothing(data_dir: Path) -> None:
    assert as_json(data_dir, "list") == []
    assert "closure-tui add" in ok(data_dir, "list")
    assert not data_dir.exists()
