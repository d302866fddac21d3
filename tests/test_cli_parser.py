"""The command line is parsed with as little built as the arguments need.

Launching the app builds no command parser and imports no command module; a named
command builds its own; anything else (help, a mistake) is parsed again by the whole parser.
"""

from __future__ import annotations

import pytest

from closure_tui.cli.parser import Registrar, parse_command_line


def _never_asked() -> list[Registrar]:
    raise AssertionError("the command modules were asked for")


@pytest.mark.parametrize(
    "argv",
    [[], ["--data-dir", "/tmp/x"], ["--lang=zh", "--data-dir=/tmp/x"], ["--lang", "en"]],
)
def test_launching_the_app_builds_no_command_parser(argv: list[str]) -> None:
    args = parse_command_line(argv, _never_asked)
    assert args.command is None


def test_a_named_command_is_parsed_with_its_own_parser() -> None:
    args = parse_command_line(["--data-dir", "/d", "tick", "借呗", "paid"], lambda: [])
    assert (args.command, args.data_dir, args.platform, args.stage) == (
        "tick",
        "/d",
        "借呗",
        "paid",
    )


@pytest.mark.parametrize("argv", [["--lang", "fr"], ["--data-dir"], ["--lang"]])
def test_a_launch_mistake_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit:
        parse_command_line(argv, lambda: [])
    assert exit.value.code == 2
    usage = capsys.readouterr().err
    assert usage.startswith("usage: closure-tui") and "--data-dir DIR" in usage
