"""The command-line contract. Help text follows the UI language."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from closure_tui.cli.argv import GLOBAL_OPTIONS
from closure_tui.domain.platform import Kind
from closure_tui.domain.stages import STAGE_ORDER
from closure_tui.i18n import LANGS, t

STAGES = [key.value for key in STAGE_ORDER]


def _terminal_width() -> int:
    """What `shutil.get_terminal_size` says, without importing shutil (and bz2, lzma)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized without the `shutil` import it would make."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        kwargs.setdefault("width", _terminal_width() - 2)
        super().__init__(prog, **kwargs)


class Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with the translated prefix, as argparse does in English."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {t('cli.usage_error')}: {message}\n")


class _NotThisCommand(Exception):
    """The narrowed parser cannot parse these arguments: build the whole one."""


class _NarrowParser(Parser):
    """The top-level parser when only one command's parser was built."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotThisCommand(message)


class _Unbuilt:
    """Stands in for the parser of a command not being run: takes its arguments, ignores them."""

    def __getattr__(self, name: str) -> Callable[..., _Unbuilt]:
        return self._ignore

    def _ignore(self, *args: object, **kwargs: object) -> _Unbuilt:
        return self


class _OnlyCommand:
    """A subparsers action that builds the parser of `wanted` only."""

    def __init__(
        self, sub: argparse._SubParsersAction[Any], wanted: str
    ) -> None:
        self._sub = sub
        self._wanted = wanted
        self.found = False

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if name != self._wanted:
            return _Unbuilt()
        self.found = True
        return self._sub.add_parser(name, **kwargs)


class _Version(argparse.Action):
    """Reads the installed version only when asked: package metadata costs a fifth of start-up."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from closure_tui.version import app_version

        print(f"closure-tui {app_version()}")
        parser.exit()


Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def _platform_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", choices=[k.value for k in Kind], help=t("cli.h.kind"))
    parser.add_argument("--original", metavar="AMOUNT", help=t("cli.h.original"))
    parser.add_argument("--settled", metavar="AMOUNT", help=t("cli.h.settled"))
    parser.add_argument("--hotline", metavar="TEXT", help=t("cli.h.hotline"))
    parser.add_argument("--app", metavar="TEXT", help=t("cli.h.app"))
    parser.add_argument("--funder", metavar="TEXT", help=t("cli.h.funder"))


def build_parser(extra: list[Registrar] | None = None, *, only: str | None = None) -> Parser:
    """The whole command line; with `only`, just that command's parser is built (the
    others cost most of the start-up of a quick command). Use `parse_command_line`."""
    narrow = only is not None
    parser_type = _NarrowParser if narrow else Parser
    parser = parser_type(prog="closure-tui", description=t("cli.description"))
    parser.add_argument("--version", action=_Version, nargs=0, help=t("cli.h.version"))
    parser.add_argument("--data-dir", metavar="DIR", help=t("cli.h.data_dir"))
    parser.add_argument("--lang", choices=list(LANGS), help=t("cli.h.lang"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    target: Any = _OnlyCommand(sub, only) if only is not None else sub
    for register in [_platform_commands, _stage_commands, _store_commands, *(extra or [])]:
        register(target)
    if narrow and not target.found:
        raise _NotThisCommand(only)
    return parser


def _named_command(argv: Sequence[str]) -> str | None:
    """The command word, when the arguments plainly name one (else None: parse in full)."""
    takes_value = False
    for arg in argv:
        if takes_value:
            takes_value = False
        elif arg in GLOBAL_OPTIONS:
            takes_value = True
        elif not arg.startswith("-"):
            return arg
        elif arg.partition("=")[0] not in GLOBAL_OPTIONS:
            return None  # help, version, or an abbreviation only argparse can resolve
    return None


def parse_command_line(
    argv: Sequence[str], extra: Callable[[], list[Registrar]]
) -> argparse.Namespace:
    """Parse with only the named command's parser built; anything it cannot parse (help,
    a mistake, an unknown word) is parsed again by the whole parser, for its messages.
    `extra` gives the extension commands' registrars, imported only now."""
    command = _named_command(argv)
    if command is not None:
        try:
            parsed = build_parser(extra(), only=command).parse_args(argv)
        except _NotThisCommand:
            pass
        else:
            if parsed.command == command:
                return parsed
    return build_parser(extra()).parse_args(argv)


def _platform_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def _stage_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def _store_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    restore = sub.add_parser("restore", help=t("cli.h.restore"))
    restore.add_argument("backup", nargs="?", metavar="BACKUP", help=t("cli.h.backup"))
