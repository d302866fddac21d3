"""The `closure-tui` command: the TUI by default, a scriptable CLI with subcommands.

Nothing here imports Textual unless the TUI is launched, so scripted commands
start fast enough for a shell start-up file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from closure_tui import i18n
from closure_tui.cli.argv import launch_options
from closure_tui.collector import collector_paused
from closure_tui.domain.clock import SystemClock
from closure_tui.domain.errors import DomainError
from closure_tui.locations import data_dir as resolve_data_dir
from closure_tui.services.errors import StoreError

if TYPE_CHECKING:
    from argparse import Namespace


def main(argv: Sequence[str] | None = None) -> int:
    # A command lasts a moment and its objects live until it exits: the cyclic collector
    # would only re-scan them (the TUI turns it back on after its first frame).
    with collector_paused():
        return _main(list(sys.argv[1:] if argv is None else argv))


def _main(argv: list[str]) -> int:
    options = launch_options(argv)
    if options is not None:
        return _launch(options.data_dir, options.lang)
    from closure_tui.cli.parser import read_command_line

    try:
        args = read_command_line(argv)
    except DomainError as error:
        return _refused(i18n.describe(error.key, error.params))
    if args.command is None:
        return _launch(args.data_dir, args.lang)
    return _run(args)


def _run(args: Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    from closure_tui.cli.commands import run

    try:
        return run(data_dir, SystemClock(), args)
    except DomainError as error:
        return _refused(i18n.describe(error.key, error.params))
    except StoreError as error:
        return _refused(i18n.t(error.key, **error.params()))
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stay quiet, as other commands do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        path = error.filename if error.filename is not None else data_dir
        return _refused(i18n.t("cli.os_error", path=path, reason=error.strerror or error))
    except KeyboardInterrupt:
        return 130


def _launch(data_dir: str | None, lang: str | None) -> int:
    from closure_tui.tui.launch import launch

    return launch(data_dir=resolve_data_dir(data_dir), lang=lang, clock=SystemClock())


def _refused(message: str) -> int:
    print(i18n.t("cli.error_line", message=message), file=sys.stderr)
    return 1
