"""The command-line contract, parsed once by argparse. Help text follows the UI language.

The language is chosen before the parser is built, so help, usage errors and argparse's
own words are in it: `--lang` wherever it is, else `language` in config.toml (whose
problems are reported as the app reports them), else the locale.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Sequence

from closure_tui import i18n
from closure_tui.cli.localized_argparse import (
    CommandParser,
    Parser,
    add_global_options,
    global_options,
    in_language,
    refuse_choice,
)
from closure_tui.cli.registry import COMMANDS, declare_arguments, warn
from closure_tui.config import load_config
from closure_tui.domain.errors import Problem
from closure_tui.i18n import describe, t
from closure_tui.locations import config_file


class _Version(argparse.Action):
    """Reads the installed version only when asked: package metadata costs a fifth of start-up."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from closure_tui.version import app_version

        print(f"closure-tui {app_version()}")
        parser.exit()


def build_parser() -> Parser:
    """The whole command line: every command, each declaring its arguments when used."""
    parser = Parser(prog="closure-tui", description=t("cli.description"))
    parser.add_argument("--version", action=_Version, nargs=0, help=t("cli.h.version"))
    add_global_options(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for name in COMMANDS:
        help_text = t(f"cli.h.{name.replace('-', '_')}")
        sub.add_parser(name, help=help_text, declare=functools.partial(declare_arguments, name))
    return parser


def read_command_line(argv: Sequence[str]) -> argparse.Namespace:
    """Choose the language, then parse `argv`. A usage error exits 2 (argparse); a value
    outside its choices, `--lang` included, raises DomainError (exit 1, as for every value
    the commands check)."""
    chosen = global_options(argv).lang
    loaded = load_config(config_file())
    if chosen not in i18n.LANGS:
        chosen = loaded.config.language or i18n.detect_language()
    i18n.set_language(chosen)
    with in_language():
        args = build_parser().parse_args(argv)
    if args.lang is not None and args.lang not in i18n.LANGS:
        refuse_choice("--lang", args.lang, i18n.LANGS)
    if args.command is not None:
        warn(
            [
                Problem("cli.config_problem", {"problem": describe(p.key, p.params)})
                for p in loaded.problems
            ]
        )
    return args
