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
    from closure_tui.cli.parser import Registrar


def _pre_scan_lang(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    # A command lasts a moment and its objects live until it exits: the cyclic collector
    # would only re-scan them (the TUI turns it back on after its first frame).
    with collector_paused():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _pre_scan_lang(args_list)
    i18n.set_language(lang if lang in i18n.LANGS else i18n.detect_language())

    options = launch_options(args_list)
    if options is not None:
        return _launch(options.data_dir, options.lang)

    from closure_tui.cli.parser import parse_command_line

    args = parse_command_line(args_list, _extension_parsers)
    if args.command is None:
        return _launch(args.data_dir, args.lang)
    data_dir = resolve_data_dir(args.data_dir)
    clock = SystemClock()
    from closure_tui.cli.commands import run

    try:
        return run(data_dir, clock, args)
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


def _extension_parsers() -> list[Registrar]:
    """Imported only when a command is parsed: launching the app needs none of them."""
    from closure_tui.cli.registry import extension_modules

    return [module.add_parsers for module in extension_modules()]


def _refused(message: str) -> int:
    print(i18n.t("cli.error_line", message=message), file=sys.stderr)
    return 1
