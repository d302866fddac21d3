"""The command line is read with as little built as the arguments need.

Launching the app reads `--data-dir`/`--lang` without argparse; a named command builds
its own parser; anything else (help, a mistake) is parsed by the whole parser.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from closure_tui.cli.argv import Launch, launch_options
from closure_tui.cli.parser import parse_command_line


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
    [
        ["list"],
        ["--data-dir", "/d", "due"],
        ["--lang", "fr"],
        ["--data-dir"],
        ["--data-dir", "--lang", "zh"],
        ["--help"],
        ["--version"],
        ["--dat", "/d"],
    ],
)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    assert launch_options(argv) is None


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


def test_the_entry_point_imports_no_parser_before_it_is_needed() -> None:
    """`closure-tui` itself goes straight to the app: argparse waits for a command."""
    script = "import sys, closure_tui.cli; print('argparse' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
