"""`forget PLATFORM --yes`: erase a platform everywhere, backups included (not undoable)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from closure_tui.cli.registry import arguments, say, writer
from closure_tui.i18n import t

if TYPE_CHECKING:
    from closure_tui.services.closures import Closures


@arguments("forget")
def forget_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("--yes", action="store_true", help=t("cli.h.yes"))


@writer("forget")
def forget(service: Closures, args: argparse.Namespace) -> int:
    from closure_tui.services.forget import find_forgettable, forget_platform

    platform_id, name = find_forgettable(service, args.platform)
    if not args.yes:
        print(t("cli.forget.needs_yes", name=name), file=sys.stderr)
        return 1
    say(forget_platform(service, platform_id, name).message())
    return 0
