"""How subcommands plug in: a parser hook and a handler marked as reader or writer.

A command family lives in its own `commands_*.py` module, listed in `EXTENSIONS`,
defining `add_parsers(sub)` and its handlers decorated with `@reader` / `@writer`.
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
from types import ModuleType
from typing import TYPE_CHECKING

from closure_tui.domain.errors import Problem
from closure_tui.i18n import describe, t

if TYPE_CHECKING:
    from pathlib import Path

    from closure_tui.domain.clock import Clock
    from closure_tui.services.closures import Closures

Handler = Callable[["Closures", argparse.Namespace], int]
DirectHandler = Callable[["Path", "Clock", argparse.Namespace], int]

WRITERS: dict[str, Handler] = {}
READERS: dict[str, Handler] = {}
DIRECT: dict[str, DirectHandler] = {}

#: Command families beyond the core contract (each adds its own subcommands).
EXTENSIONS: tuple[str, ...] = (
    "closure_tui.cli.commands_reminders",
    "closure_tui.cli.commands_history",
    "closure_tui.cli.commands_evidence",
    "closure_tui.cli.commands_export",
    "closure_tui.cli.commands_import",
    "closure_tui.cli.commands_doctor",
    "closure_tui.cli.commands_backups",
    "closure_tui.cli.commands_forget",
    "closure_tui.cli.commands_contacts",
    "closure_tui.cli.commands_credit",
)


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


def extension_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in EXTENSIONS]


def say(message: str) -> None:
    print(message)


def warn(problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(t("cli.warning_line", message=describe(problem.key, problem.params)), file=sys.stderr)
