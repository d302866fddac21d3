"""Bad input is refused with a message, exit 1 (2 for usage), and the data keeps its bytes.

The rule: 2 when the words do not fit the command line (argparse's grammar: an unknown
command or option, an argument missing or extra, options that exclude each other);
1 for every value the command cannot accept, whichever layer checks it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli_helpers import cli, ok

ACCOUNT_ARGS = ["--name", "某公司", "--bank", "招商银行", "--verified-via", "官方热线"]

REFUSED: dict[str, tuple[list[str | bytes], str]] = {
    "amount_nan": (["add", "京东金条", "--settled", "NaN"], "12000.50"),
    "amount_full_width": (["pay", "蚂蚁借呗", "１２３"], "12000.50"),
    "amount_arabic_indic": (["pay", "蚂蚁借呗", "١٢٣"], "12000.50"),
    "amount_negative": (["pay", "蚂蚁借呗", "-5"], "12000.50"),
    "amount_exponent": (["edit", "蚂蚁借呗", "--settled", "1e3"], "12000.50"),
    "amount_three_decimals": (["pay", "蚂蚁借呗", "0.005"], "12000.50"),
    "amount_21_digits": (["edit", "蚂蚁借呗", "--original", "1" * 21], "12000.50"),
    "amount_too_big": (["pay", "蚂蚁借呗", "10000000000.01"], "10,000,000,000"),
    "date_impossible": (["tick", "蚂蚁借呗", "paid", "--on", "2026-02-30"], "2026-02-30"),
    "date_out_of_range": (["pay", "蚂蚁借呗", "100", "--on", "1999-12-31"], "2000-01-01"),
    "date_empty": (["tick", "蚂蚁借呗", "paid", "--on", ""], "YYYY-MM-DD"),
    "date_garbage": (["tick", "蚂蚁借呗", "paid", "--on", "下周"], "YYYY-MM-DD"),
    "date_payee_garbage": (
        ["payee", "蚂蚁借呗", *ACCOUNT_ARGS, "--account", "1234", "--verified-on", "next week"],
        "YYYY-MM-DD",
    ),
    "stage_unknown": (["tick", "蚂蚁借呗", "done"], "card_unbound"),
    "note_stage_unknown": (["note", "蚂蚁借呗", "text", "--stage", "paid_off"], "card_unbound"),
    "platform_unknown": (["tick", "网商贷", "paid"], "网商贷"),
    "platform_ambiguous": (["tick", "蚂蚁", "paid"], "蚂蚁花呗 (#2)"),
    "name_duplicate": (["add", "  蚂蚁借呗 "], "蚂蚁借呗"),
    "name_duplicate_case": (["edit", "蚂蚁花呗", "--name", "KAKAO bank"], "KAKAO bank"),
    "name_duplicate_width": (["add", "Ｋａｋａｏ　Ｂａｎｋ"], "Ｋａｋａｏ　Ｂａｎｋ"),
    "name_empty": (["add", "   "], "name"),
    "name_too_long": (["add", "名" * 81], "80"),
    "name_escape": (["add", "借\x1b[31m呗"], "U+001B"),
    "name_bidi": (["add", "借\u202e呗"], "U+202E"),
    "name_newline": (["edit", "蚂蚁借呗", "--name", "借\n呗"], "U+000A"),
    "name_invalid_utf8": (["add", b"\xff\xfe"], "U+DCFF"),
    "note_too_long": (["note", "蚂蚁借呗", "备" * 20_001], "20000"),
    "note_escape": (["note", "蚂蚁借呗", "a\x1b]0;x\x07"], "U+001B"),
    "note_empty": (["note", "蚂蚁借呗", " \n "], "note"),
    "account_letters": (["payee", "蚂蚁借呗", *ACCOUNT_ARGS, "--account", "6225abcd"], "4 to 34"),
    "account_full_width": (["payee", "蚂蚁借呗", *ACCOUNT_ARGS, "--account", "６２２５８８"], "4"),
    "skip_without_reason": (["skip", "蚂蚁借呗", "card_unbound", "--reason", "  "], "reason"),
    "hotline_control": (["edit", "蚂蚁借呗", "--hotline", "95188\x07"], "U+0007"),
    "remove_without_yes": (["remove", "蚂蚁借呗"], "--yes"),
    "kind_unknown": (["add", "x", "--kind", "payday"], "online_loan_unreported"),
    "lang_unknown": (["--lang", "fr", "list"], "zh, en"),
    "lang_unknown_after_command": (["list", "--lang", "fr"], "zh, en"),
    "lang_unknown_without_command": (["--lang", "fr"], "zh, en"),
    "within_negative": (["due", "--within", "-3"], "3650"),
    "within_letters": (["due", "--within", "abc"], "3650"),
    "format_unknown": (["export", "--format", "pdf", "--output", "x.pdf"], "csv"),
}

USAGE: dict[str, list[str]] = {
    "no_such_command": ["bogus"],
    "mistyped_command": ["lst"],
    "unknown_option": ["list", "--bogus"],
    "option_without_value": ["tick", "蚂蚁借呗", "paid", "--on"],
    "extra_argument": ["show", "蚂蚁借呗", "extra"],
    "missing_stage": ["tick", "蚂蚁借呗"],
    "all_and_closed": ["list", "--all", "--closed"],
    "skip_missing_reason": ["skip", "蚂蚁借呗", "paid"],
    "lang_without_value": ["list", "--lang"],
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("template") / "data"
    ok(data_dir, "add", "蚂蚁借呗", "--settled", "3000")
    ok(data_dir, "add", "蚂蚁花呗")
    ok(data_dir, "add", "Kakao Bank")
    ok(data_dir, "note", "蚂蚁借呗", "已电话确认")
    return data_dir


@pytest.fixture
def prepared(template: Path, tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(template, data_dir)
    return data_dir


def snapshot(data_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(data_dir).as_posix(): path.read_bytes()
        for path in sorted(data_dir.rglob("*"))
        if path.is_file() and path.name != "closure.lock"
    }


def test_there_are_at_least_eight_kinds_of_refusal() -> None:
    kinds = {name.split("_")[0] for name in REFUSED}
    assert len(kinds) >= 8, kinds


@pytest.mark.parametrize(("args", "hint"), REFUSED.values(), ids=REFUSED.keys())
def test_bad_input_is_refused_and_nothing_changes(
    prepared: Path, args: list[str | bytes], hint: str
) -> None:
    before = snapshot(prepared)
    result = cli(prepared, *args)
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("error: ") or "--yes" in result.stderr
    assert hint in result.stderr
    assert result.stdout == ""
    assert snapshot(prepared) == before


@pytest.mark.parametrize("args", USAGE.values(), ids=USAGE.keys())
def test_usage_errors_exit_2_and_change_nothing(prepared: Path, args: list[str]) -> None:
    before = snapshot(prepared)
    result = cli(prepared, *args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert result.stdout == ""
    assert snapshot(prepared) == before


def test_refusals_follow_the_language(prepared: Path) -> None:
    zh = cli(prepared, "pay", "蚂蚁借呗", "１２３", lang="zh")
    assert zh.returncode == 1
    assert zh.stderr.startswith("错误：金额“１２３”无效")
    assert "全角数字" in zh.stderr
    by_locale = cli(prepared, "tick", "蚂蚁", "paid", env={"LANG": "zh_CN.UTF-8"})
    assert "对应多个平台" in by_locale.stderr
    by_lc_all = cli(
        prepared,
        "tick",
        "蚂蚁借呗",
        "paid",
        "--on",
        "2026-02-30",
        env={"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"},
    )
    assert "不存在" in by_lc_all.stderr
    forced_en = cli(prepared, "tick", "蚂蚁", "paid", env={"LANG": "zh_CN.UTF-8"}, lang="en")
    assert "matches several platforms" in forced_en.stderr
    equals_form = cli(prepared, "--lang=zh", "tick", "蚂蚁", "paid")
    assert equals_form.stderr.startswith("错误：“蚂蚁”对应多个平台")
    usage = cli(prepared, "tick", lang="zh")
    assert usage.returncode == 2 and "用法错误" in usage.stderr


def test_help_is_translated(prepared: Path) -> None:
    assert "平台类型" in ok(prepared, "add", "--help", lang="zh")
    assert "kind of debt" in ok(prepared, "add", "--help")


def test_warnings_go_to_stderr_and_keep_exit_0(prepared: Path) -> None:
    result = cli(prepared, "tick", "蚂蚁借呗", "paid")
    assert result.returncode == 0
    assert "warning: The earlier stage “Negotiated” is not done yet." in result.stderr
    assert "third-party collectors" in result.stderr
    assert "warning" not in result.stdout and "✓" in result.stdout
    zh_tick = cli(prepared, "tick", "蚂蚁花呗", "certificate", lang="zh")
    assert "注意：前面还有 2 个步骤没有完成，最早的是“已协商结清方案”。" in zh_tick.stderr
    zh = cli(prepared, "pay", "蚂蚁借呗", "1000", lang="zh")
    assert zh.returncode == 0
    assert "注意：已记录的还款合计 ¥1000.00，与约定的结清金额 ¥3000.00 不一致。" in zh.stderr
    assert "已记录还款" in zh.stdout
    settled = cli(prepared, "pay", "蚂蚁借呗", "2000").stderr
    assert "add up" not in settled and "third-party collectors" in settled  # still unverified


def test_success_messages_follow_the_language(prepared: Path) -> None:
    assert "已添加 网商贷（#4）。" in ok(prepared, "add", "网商贷", lang="zh")
    assert "已协商结清方案" in ok(prepared, "show", "网商贷", env={"LANG": "zh_CN.UTF-8"})
