"""The command line is parsed once, by argparse, in the user's language.

Launching the app reads `--data-dir`/`--lang` without argparse (one small function,
proven here to read what argparse reads); every other command line is parsed by the
whole parser, after the language of its messages was chosen.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import json
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from closure_tui import cli as cli_package
from closure_tui import i18n
from closure_tui.cli import main
from closure_tui.cli.argv import Launch, launch_options
from closure_tui.cli.commands import kind_value
from closure_tui.cli.localized_argparse import CommandParser, global_options, in_language
from closure_tui.cli.parser import build_parser
from closure_tui.cli.registry import COMMANDS, DIRECT, READERS, WRITERS
from closure_tui.i18n.catalog_cli_parser import ARGPARSE
from tests.cli_helpers import as_json, cli, ok

#: Words a generated command line is made of: the global options in every spelling,
#: their values, abbreviations, help, the end of options, commands and their options.
WORDS = [
    *["--data-dir", "--data-dir=/d", "--data-dir=", "--dat", "--d=/e", "/d", "数据", "-1"],
    *["--lang", "--lang=zh", "--lang=en", "--lang=fr", "--lang=", "--la=zh", "zh", "en", "fr"],
    *["-", "--", "-x", "-h", "--help", "--version", "=", "a b", "--lang=--data-dir"],
    *["list", "--all", "--json", "note", "Foo", "due", "--within", "3", "lst", "--stage", "paid"],
]
COMMAND_LINES = st.lists(st.sampled_from(WORDS) | st.text(max_size=4), max_size=7)


def _parsed(argv: list[str]) -> argparse.Namespace | None:
    """What the whole parser makes of `argv`, or None when it stops (an error, help)."""
    silent = io.StringIO()
    with contextlib.redirect_stdout(silent), contextlib.redirect_stderr(silent):
        try:
            return build_parser().parse_args(argv)
        except SystemExit:
            return None


@settings(max_examples=600, deadline=None)
@given(COMMAND_LINES)
def test_what_is_read_before_argparse_is_what_argparse_reads(argv: list[str]) -> None:
    """The fast path (when it answers) and the language chosen for the messages agree with
    the whole parser on every command line it accepts."""
    parsed = _parsed(argv)
    fast = launch_options(argv)
    if fast is not None:
        assert parsed is not None and parsed.command is None
        assert Launch(parsed.data_dir, parsed.lang) == fast
    if parsed is not None:
        early = global_options(argv)
        assert (early.data_dir, early.lang) == (parsed.data_dir, parsed.lang)


OPTION = st.one_of(
    st.tuples(
        st.just("--data-dir"),
        st.booleans(),
        st.text(min_size=1, max_size=6).filter(lambda value: not value.startswith("-")),
    ),
    st.tuples(st.just("--lang"), st.booleans(), st.sampled_from(i18n.LANGS)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(OPTION, max_size=4))
def test_the_fast_path_takes_every_launch_written_in_full(
    options: list[tuple[str, bool, str]],
) -> None:
    """Values that do not start with `-` (argparse would take those for options)."""
    argv: list[str] = []
    for name, joined, value in options:
        argv += [f"{name}={value}"] if joined else [name, value]
    assert launch_options(argv) is not None


def _actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                assert isinstance(command, CommandParser)
                yield from _actions(command.declared())


def test_argparse_converts_no_value_itself() -> None:
    """A `type=` that raises makes a bad value a usage error (2), where every other bad
    value is refused (1): values are checked by the commands, or by `choices`."""
    converted = {
        action.dest: action.type
        for action in _actions(build_parser())
        if action.type not in (None, kind_value)
    }
    assert converted == {}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], Launch(None, None)),
        (["--data-dir", "/tmp/x"], Launch("/tmp/x", None)),
        (["--lang=zh", "--data-dir=/tmp/数据"], Launch("/tmp/数据", "zh")),
        (["--lang", "en", "--lang", "zh"], Launch(None, "zh")),
    ],
)
def test_launching_the_app_needs_no_parser(argv: list[str], expected: Launch) -> None:
    assert launch_options(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [["list"], ["--lang", "fr"], ["--data-dir"], ["--data-dir", "--lang", "zh"], ["--help"]],
)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    assert launch_options(argv) is None


def test_text_after_the_end_of_options_is_text(data_dir: Path) -> None:
    ok(data_dir, "add", "Foo")
    noted = ok(data_dir, "note", "Foo", "--", "--lang=zh")
    assert noted.isascii()
    assert "--lang=zh" in ok(data_dir, "show", "Foo")


def test_global_options_go_before_or_after_the_command(data_dir: Path) -> None:
    before = ok(data_dir, "--lang", "zh", "list")
    after = ok(data_dir, "list", "--lang", "zh")
    assert before == after and "没有需要处理的平台" in after
    assert "没有需要处理的平台" in ok(data_dir, "--lang", "en", "list", "--lang=zh")
    elsewhere = data_dir.parent / "elsewhere"
    ok(data_dir, "add", "借呗")
    assert "借呗" in ok(data_dir, "list", "--data-dir", str(data_dir))
    assert "借呗" not in ok(data_dir, "list", "--data-dir", str(elsewhere))


def test_help_usage_errors_and_argparse_words_follow_the_language(data_dir: Path) -> None:
    help_text = ok(data_dir, "add", "--help", "--lang", "zh")
    assert help_text.startswith("用法：closure-tui add")
    assert "选项:" in help_text and "显示这份帮助并退出" in help_text
    assert "网贷（上征信）" in help_text
    missing = cli(data_dir, "tick", "--lang", "zh")
    assert missing.returncode == 2
    assert "用法错误: 缺少这些参数：PLATFORM, STAGE" in missing.stderr
    unknown = cli(data_dir, "list", "--bogus", env={"LANG": "zh_CN.UTF-8"})
    assert "无法识别的参数：--bogus" in unknown.stderr
    english = cli(data_dir, "tick")
    assert "the following arguments are required: PLATFORM, STAGE" in english.stderr


def test_argparse_still_writes_every_message_the_catalogue_translates() -> None:
    """A Python upgrade that rewords one of argparse's messages fails here, not silently."""
    source = inspect.getsource(argparse)
    missing = [english for _, english in ARGPARSE.values() if repr(english) not in source]
    assert missing == []


def test_argparse_is_itself_again_after_parsing() -> None:
    i18n.set_language("zh")
    with in_language():
        assert argparse._("options") == "选项"  # type: ignore[attr-defined]
    assert argparse._("options") == "options"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("typed", "hint"),
    [("lst", "did you mean “list”?"), ("udno", "did you mean “undo”?"), ("zzz", "--help")],
)
def test_a_mistyped_command_names_the_nearest(data_dir: Path, typed: str, hint: str) -> None:
    result = cli(data_dir, typed)
    assert result.returncode == 2
    assert hint in result.stderr and "did you mean" not in result.stderr.replace(hint, "")


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("信用卡", "credit_card"),
        ("网贷（上征信）", "online_loan"),
        ("网贷(不上征信)", "online_loan_unreported"),
        ("Credit card", "credit_card"),
        ("BANK_LOAN", "bank_loan"),
        ("payday", "payday"),
    ],
)
def test_kinds_are_named_in_either_language(typed: str, kind: str) -> None:
    assert kind_value(typed) == kind


def test_the_cli_takes_chinese_kind_names(data_dir: Path) -> None:
    ok(data_dir, "add", "招商银行信用卡", "--kind", "信用卡")
    ok(data_dir, "add", "借呗")
    ok(data_dir, "edit", "借呗", "--kind", "网贷（上征信）")
    kinds = {doc["name"]: doc["kind"] for doc in as_json(data_dir, "list", "--all")}
    assert kinds == {"招商银行信用卡": "credit_card", "借呗": "online_loan"}


def _write_config(home: Path, text: str) -> None:
    """The user's config.toml, where the test environment points the app for it."""
    config = home / "closure-config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(text, encoding="utf-8")


def test_the_language_comes_from_the_config_file_unless_given(
    data_dir: Path, isolated_environment: Path
) -> None:
    _write_config(isolated_environment, 'language = "zh"\n')
    assert "没有需要处理的平台" in ok(data_dir, "list")
    assert "No platforms" in ok(data_dir, "list", "--lang", "en")
    assert cli(data_dir, "lst").stderr.startswith("用法：")


def test_a_broken_config_is_reported_and_the_defaults_used(
    data_dir: Path, isolated_environment: Path
) -> None:
    _write_config(isolated_environment, 'language = "fr"\n[keymap\n')
    result = cli(data_dir, "list")
    assert result.returncode == 0 and "No platforms" in result.stdout
    assert result.stderr.startswith("warning: Problem in the config file, using defaults: ")
    zh = cli(data_dir, "list", "--lang", "zh")
    assert zh.stderr.startswith("注意：配置文件有问题，已使用默认设置：")


def test_config_problems_are_said_in_the_chosen_language(
    data_dir: Path, isolated_environment: Path
) -> None:
    config = 'language = "fr"\ncopy_evidence = 1\n[conduct]\nlatest = "noon"\n'
    _write_config(isolated_environment, config)
    zh = cli(data_dir, "list", "--lang", "zh").stderr
    assert "language 只能是 zh, en" in zh
    assert "copy_evidence 必须是 true 或 false" in zh
    assert "conduct.latest 必须是一天中的时间" in zh
    en = cli(data_dir, "list", "--lang", "en").stderr
    assert "conduct.latest must be a time of day such as '08:00'" in en


def test_a_usage_error_exits_2_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--data-dir"])
    assert exit.value.code == 2
    usage = capsys.readouterr().err
    assert usage.startswith("usage: closure-tui") and "--data-dir DIR" in usage


def test_the_entry_point_imports_no_parser_before_it_is_needed() -> None:
    """`closure-tui` itself goes straight to the app: argparse waits for a command."""
    script = "import sys, closure_tui.cli; print('argparse' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("back", ["-2d", "-1w", "-1m"])
def test_a_date_counted_back_is_a_value_not_an_option(data_dir: Path, back: str) -> None:
    ok(data_dir, "add", "借呗")
    ok(data_dir, "tick", "借呗", "negotiated", "--on", back)
    shown = json.loads(ok(data_dir, "show", "借呗", "--json"))
    assert shown["stages"]["negotiated"]["done_on"] < date.today().isoformat()


def test_each_command_is_listed_with_the_module_that_handles_it() -> None:
    """argparse imports a command's module only when it picks that command: a handler not
    listed in `COMMANDS` could never run, and one listed with another module never loads."""
    for info in pkgutil.iter_modules(cli_package.__path__):
        if info.name.startswith("commands"):
            importlib.import_module(f"closure_tui.cli.{info.name}")
    handlers = {**WRITERS, **READERS, **DIRECT}
    assert set(COMMANDS) == {*handlers, "restore"}
    for name, handler in handlers.items():
        assert handler.__module__ == COMMANDS[name], name
