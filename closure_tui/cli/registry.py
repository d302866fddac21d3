"""How subcommands plug in: each is listed in `COMMANDS` with the module that declares its
arguments (`@arguments`) and holds its handler, marked as reader or writer.

A command family lives in its own `commands_*.py` module. argparse imports a command's
module only when it parses that command, so a command line pays for its own command.
Writers take the store's lock for the command; readers never wait for it.
A `@direct` handler gets the data directory instead of an open store (for
commands such as `doctor` that must work when the store cannot be opened).

Exit codes follow one rule (README): argparse's grammar makes usage errors (2); every
value is refused with 1, so parsers take values as text (or `choices`, which the parser
refuses with 1) and the handler or a service checks them (a `DomainError`), never a
`type=` conversion, which argparse would turn into a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from closure_tui.domain.errors import Problem
from closure_tui.i18n import describe, t

if TYPE_CHECKING:
    from pathlib import Path

    from closure_tui.domain.clock import Clock
    from closure_tui.services.closures import Closures

Handler = Callable[["Closures", argparse.Namespace], int]
DirectHandler = Callable[["Path", "Clock", argparse.Namespace], int]
Declaration = Callable[[argparse.ArgumentParser], None]

WRITERS: dict[str, Handler] = {}
READERS: dict[str, Handler] = {}
DIRECT: dict[str, DirectHandler] = {}
ARGUMENTS: dict[str, Declaration] = {}

_FAMILIES = {
    "closure_tui.cli.commands": "add edit remove list show tick untick skip payee pay note restore",
    "closure_tui.cli.commands_reminders": "remind due reminders done dismiss snooze",
    "closure_tui.cli.commands_history": "history undo redo",
    "closure_tui.cli.commands_evidence": "attach",
    "closure_tui.cli.commands_export": "export",
    "closure_tui.cli.commands_import": "import",
    "closure_tui.cli.commands_doctor": "doctor",
    "closure_tui.cli.commands_backups": "backups",
    "closure_tui.cli.commands_forget": "forget",
    "closure_tui.cli.commands_contacts": "contact contacts complain complaints complaint",
    "closure_tui.cli.commands_credit": "report-check report-checks dispute disputes dispute-update",
}
#: Every command, in the order help lists them, and the module it lives in.
COMMANDS: dict[str, str] = {
    name: module for module, names in _FAMILIES.items() for name in names.split()
}


def writer(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        WRITERS[name] = handler
        return handler

    return register


def reader(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        READERS[name] = handler
        return handler

    return register


def direct(name: str) -> Callable[[DirectHandler], DirectHandler]:
    def register(handler: DirectHandler) -> DirectHandler:
        DIRECT[name] = handler
        return handler

    return register


def arguments(*names: str) -> Callable[[Declaration], Declaration]:
    """Mark the function that adds the named commands' arguments to their parser."""

    def register(declare: Declaration) -> Declaration:
        for name in names:
            ARGUMENTS[name] = declare
        return declare

    return register


def listing_arguments(parser: argparse.ArgumentParser) -> None:
    """A listing of records (contacts, complaints, report lines, disputes): one platform's
    or everyone's, as text or `--json`."""
    parser.add_argument("platform", metavar="PLATFORM", nargs="?")
    parser.add_argument("--json", action="store_true", help=t("cli.h.json"))


def declare_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    """Import the command's module (which registers its handler) and add its arguments."""
    importlib.import_module(COMMANDS[name])
    if name in ARGUMENTS:
        ARGUMENTS[name](parser)


def say(message: str) -> None:
    print(message)


def warn(problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(t("cli.warning_line", message=describe(problem.key, problem.params)), file=sys.stderr)
