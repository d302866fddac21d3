"""`import`: read a JSON backup back in, replacing or merging, after validating all of it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from closure_tui.cli.registry import arguments, say, writer
from closure_tui.i18n import t

if TYPE_CHECKING:
    from closure_tui.services.closures import Closures


@arguments("import")
def import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=t("cli.h.import_file"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--replace", dest="mode", action="store_const", const="replace", help=t("cli.h.replace")
    )
    mode.add_argument(
        "--merge", dest="mode", action="store_const", const="merge", help=t("cli.h.merge")
    )


@writer("import")
def import_file(service: Closures, args: argparse.Namespace) -> int:
    from closure_tui.services.backup import import_backup

    result = import_backup(service, Path(args.file), args.mode)
    say(
        t(
            "cli.imported",
            platforms=result.platforms,
            notes=result.notes,
            backup=result.backup or "-",
        )
    )
    return 0
