"""The command-line contract, parsed once by argparse. Help text follows the UI language.

The language is chosen before the parser is built, so help, usage errors and argparse's
own words are in it: `--lang` wherever it is, else `language` in config.toml (whose
problems are reported as the app reports them), else the locale.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from closure_tui import i18n
from closure_tui.cli.localized_argparse import (
    CommandParser,
    Parser,
    add_global_options,
    global_options,
    in_language,
    refuse_choice,
)
from closure_tui.cli.registry import warn
from closure_tui.config import load_config
from closure_tui.domain.errors import Problem
from closure_tui.domain.platform import Kind
from closure_tui.domain.stages import STAGE_ORDER
from closure_tui.i18n import describe, t
from closure_tui.locations import config_file

STAGES = [key.value for key in STAGE_ORDER]

Registrar = Callable[["argparse._SubParsersAction[Any]"], None]


class _Version(argparse.Action):
    """Reads the installed version only when asked: package metadata costs a fifth of start-up."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from closure_tui.version import app_version

        print(f"closure-tui {app_version()}")
        parser.exit()


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace(" ", "").replace("_", "")


def kind_value(text: str) -> str:
    """The kind's key for its key or its name in either language (`信用卡`, `网贷(上征信)`,
    `credit card`), else `text` unchanged, for the service to refuse with the choices."""
    wanted = _folded(text)
    for kind in Kind:
        if wanted in {_folded(kind.value), *map(_folded, i18n.CATALOGUE[f"kind.{kind.value}"])}:
            return kind.value
    return text


def _kinds_help() -> str:
    names = ", ".join(f"{kind.value} ({t(f'kind.{kind.value}')})" for kind in Kind)
    return t("cli.h.kind", choices=names)


def _platform_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", type=kind_value, help=_kinds_help())
    parser.add_argument("--original", metavar="AMOUNT", help=t("cli.h.original"))
    parser.add_argument("--settled", metavar="AMOUNT", help=t("cli.h.settled"))
    parser.add_argument("--hotline", metavar="TEXT", help=t("cli.h.hotline"))
    parser.add_argument("--app", metavar="TEXT", help=t("cli.h.app"))
    parser.add_argument("--funder", metavar="TEXT", help=t("cli.h.funder"))


def build_parser(extra: Sequence[Registrar] = ()) -> Parser:
    """The whole command line: the core commands and those `extra` registrars add."""
    parser = Parser(prog="closure-tui", description=t("cli.description"))
    parser.add_argument("--version", action=_Version, nargs=0, help=t("cli.h.version"))
    add_global_options(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for register in [_platform_commands, _stage_commands, _store_commands, *extra]:
        register(sub)
    return parser


def extension_parsers() -> list[Registrar]:
    """The extension commands' registrars (imported only once a command is parsed)."""
    from closure_tui.cli.registry import extension_modules

    return [module.add_parsers for module in extension_modules()]


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
        args = build_parser(extension_parsers()).parse_args(argv)
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


def _platform_commands(sub: argparse._SubParsersAction[Any]) -> None:
    add = sub.add_parser("add", help=t("cli.h.add"))
    add.add_argument("name", metavar="NAME")
    _platform_options(add)

    edit = sub.add_parser("edit", help=t("cli.h.edit"))
    edit.add_argument("platform", metavar="PLATFORM")
    edit.add_argument("--name", help=t("cli.h.new_name"))
    _platform_options(edit)

    remove = sub.add_parser("remove", help=t("cli.h.remove"))
    remove.add_argument("platform", metavar="PLATFORM")
    remove.add_argument("--yes", action="store_true", help=t("cli.h.yes"))

    listing = sub.add_parser("list", help=t("cli.h.list"))
    which = listing.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help=t("cli.h.all"))
    which.add_argument("--closed", action="store_true", help=t("cli.h.closed"))
    listing.add_argument("--json", action="store_true", help=t("cli.h.json"))

    show = sub.add_parser("show", help=t("cli.h.show"))
    show.add_argument("platform", metavar="PLATFORM")
    show.add_argument("--json", action="store_true", help=t("cli.h.json"))
    show.add_argument("--reveal", action="store_true", help=t("cli.h.reveal"))


def _stage_commands(sub: argparse._SubParsersAction[Any]) -> None:
    tick = sub.add_parser("tick", help=t("cli.h.tick"))
    tick.add_argument("platform", metavar="PLATFORM")
    tick.add_argument("stage", metavar="STAGE", help=", ".join(STAGES))
    tick.add_argument("--on", metavar="DATE", help=t("cli.h.on"))
    tick.add_argument("--pay-by", metavar="DATE", help=t("cli.h.pay_by"))

    untick = sub.add_parser("untick", help=t("cli.h.untick"))
    untick.add_argument("platform", metavar="PLATFORM")
    untick.add_argument("stage", metavar="STAGE", help=", ".join(STAGES))

    skip = sub.add_parser("skip", help=t("cli.h.skip"))
    skip.add_argument("platform", metavar="PLATFORM")
    skip.add_argument("stage", metavar="STAGE", help=", ".join(STAGES))
    skip.add_argument("--reason", required=True, metavar="TEXT", help=t("cli.h.reason"))

    payee = sub.add_parser("payee", help=t("cli.h.payee"))
    payee.add_argument("platform", metavar="PLATFORM")
    payee.add_argument("--name", required=True, metavar="TEXT", help=t("cli.h.payee_name"))
    payee.add_argument("--bank", required=True, metavar="TEXT", help=t("cli.h.bank"))
    payee.add_argument("--account", required=True, metavar="DIGITS", help=t("cli.h.account"))
    payee.add_argument(
        "--verified-via", required=True, metavar="TEXT", help=t("cli.h.verified_via")
    )
    payee.add_argument("--verified-on", metavar="DATE", help=t("cli.h.verified_on"))

    pay = sub.add_parser("pay", help=t("cli.h.pay"))
    pay.add_argument("platform", metavar="PLATFORM")
    pay.add_argument("amount", metavar="AMOUNT")
    pay.add_argument("--on", metavar="DATE", help=t("cli.h.on"))
    pay.add_argument("--ref", default="", metavar="TEXT", help=t("cli.h.ref"))

    note = sub.add_parser("note", help=t("cli.h.note"))
    note.add_argument("platform", metavar="PLATFORM")
    note.add_argument("text", metavar="TEXT")
    note.add_argument("--stage", metavar="STAGE", help=", ".join(STAGES))


def _store_commands(sub: argparse._SubParsersAction[Any]) -> None:
    restore = sub.add_parser("restore", help=t("cli.h.restore"))
    restore.add_argument("backup", nargs="?", metavar="BACKUP", help=t("cli.h.backup"))
