"""argparse as the command line uses it: in the user's language, with one exit-code rule.

argparse writes its headings and messages through gettext (its module's `_` and
`ngettext`); `in_language` points those at the catalogue while a parser is built and
run, so argparse's own words follow `--lang` as ours do. `Parser` changes three things:
the usage-error line is translated; a value outside its `choices` (argparse's
`_check_value`) is a mistyped command (a usage error naming the nearest command) or
else a value the command refuses, as it refuses every value it checks itself (exit 1);
and a date counted back from today (`-3d`, `-2w`, `-1m`) is a value, as a negative
number is, rather than an unknown option (argparse's `_negative_number_matcher`).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from closure_tui.domain.errors import DomainError
from closure_tui.i18n import t
from closure_tui.i18n.catalog_cli_parser import ARGPARSE

#: What argparse takes as a value although it starts with `-`: its own negative numbers,
#: and the dates `parse_date` counts back from today.
_NEGATIVE = re.compile(r"^-\d+$|^-\d*\.\d+$|^-\d{1,4}[dwm]$")

#: argparse's message ids (the English side of the catalogue part) -> catalogue keys.
_KEYS = {english: key for key, (_, english) in ARGPARSE.items()}


def _translate(message: str) -> str:
    key = _KEYS.get(message)
    return t(key) if key is not None else message


def _translate_plural(singular: str, plural: str, count: int) -> str:
    return _translate(singular if count == 1 else plural)


@contextlib.contextmanager
def in_language() -> Iterator[None]:
    """argparse's own words in the current UI language while the body builds and parses."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _translate, _translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


@functools.cache
def _terminal_width() -> int:
    """What `shutil.get_terminal_size` says, without importing shutil (and bz2, lzma); once,
    not for each of the formatters argparse makes (one per argument it adds)."""
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
    """Usage errors exit 2 with the translated prefix; see the module for `_check_value`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = _NEGATIVE

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {t('cli.usage_error')}: {message}\n")

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        choices = [str(choice) for choice in action.choices]
        if isinstance(action, argparse._SubParsersAction):
            nearest = difflib.get_close_matches(str(value), choices, n=1)
            if nearest:
                message = t("cli.nearest_command", value=value, command=nearest[0])
            else:
                message = t("cli.unknown_command", value=value)
            raise argparse.ArgumentError(None, message)
        option = action.option_strings[0] if action.option_strings else action.metavar
        refuse_choice(str(option or action.dest), str(value), choices)


def refuse_choice(option: str, value: str, choices: Sequence[str]) -> NoReturn:
    """A value outside its choices is refused as every value a command checks is (exit 1)."""
    raise DomainError("err.choice", option=option, value=value, choices=", ".join(choices))


def add_global_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """The options every command line may set, before or after the command's name."""
    parser.add_argument("--data-dir", metavar="DIR", default=default, help=t("cli.h.data_dir"))
    parser.add_argument("--lang", metavar="LANG", default=default, help=t("cli.h.lang"))


class CommandParser(Parser):
    """A command's parser: it takes the global options too (left unset when not given, so
    `--lang zh list` keeps its language).

    Its arguments, the global options first, are added by `declare` when argparse first
    parses with it (to run the command or print its help): a command line builds one
    command's arguments and imports one command's module, not all forty (about 45 M of the
    635 M instructions `due --quiet` took at 500 platforms, and as much for `note` and
    `tick`). argparse alone picks the command, so what is parsed is exactly what the whole
    parser would parse."""

    def __init__(
        self, *args: Any, declare: Callable[[argparse.ArgumentParser], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._declare: Callable[[argparse.ArgumentParser], None] | None = declare

    def declared(self) -> CommandParser:
        """This parser with the global options and its command's arguments added."""
        if self._declare is not None:
            declare, self._declare = self._declare, None
            add_global_options(self, argparse.SUPPRESS)
            declare(self)
        return self

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._declare is not None:
            # The declaration may replace this method on the instance (intermixed text).
            return self.declared().parse_known_args(args, namespace)
        return super().parse_known_args(args, namespace)


class _Unreadable(Exception):
    """The global options are not readable on their own: the whole parser will explain."""


class _GlobalsOnly(Parser):
    def error(self, message: str) -> NoReturn:
        raise _Unreadable(message)


def global_options(argv: Sequence[str]) -> argparse.Namespace:
    """`data_dir` and `lang` as the command line sets them, wherever they are, read by
    argparse with the same definitions before the whole parser is built in that language.
    Both None when the arguments are not readable (the whole parser then says why)."""
    parser = _GlobalsOnly(add_help=False)
    add_global_options(parser, None)
    try:
        return parser.parse_known_args(argv)[0]
    except _Unreadable:
        return argparse.Namespace(data_dir=None, lang=None)
