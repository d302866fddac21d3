"""`history`, `undo` and `redo`: the change log and stepping back and forth through it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from closure_tui.cli.registry import arguments, reader, say, writer
from closure_tui.cli.render import json_text
from closure_tui.domain.errors import DomainError
from closure_tui.i18n import t
from closure_tui.services.history_sentences import Shown, event_lines, event_summary, lookup_for
from closure_tui.services.history_view import headline
from closure_tui.services.json_view import event_json

if TYPE_CHECKING:
    from closure_tui.services.closures import Closures


@arguments("history")
def history_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", nargs="?", metavar="PLATFORM", help=t("cli.h.history_platform"))
    parser.add_argument("--json", action="store_true", help=t("cli.h.json"))
    parser.add_argument("--reveal", action="store_true", help=t("cli.h.reveal"))


@reader("history")
def history(service: Closures, args: argparse.Namespace) -> int:
    events = service.history.events()
    if args.platform:
        try:
            events = service.history.events(service.resolve(args.platform).id)
        except DomainError:
            events = service.history.events_named(args.platform)
            if not events:
                raise
    if args.json:
        say(json_text([event_json(e, reveal=args.reveal) for e in events]))
        return 0
    if not events:
        say(t("history.empty"))
        return 0
    lines = []
    lookup = lookup_for(service)
    for event in events:
        lines.append(f"#{event.id}  {headline(event, lookup=lookup)}")
        sentences = event_lines(event, shown=Shown(reveal=args.reveal), lookup=lookup)
        lines.extend(f"      {line}" for line in sentences)
    say("\n".join(lines))
    return 0


@writer("undo")
def undo(service: Closures, args: argparse.Namespace) -> int:
    event = service.history.undo()
    say(t("history.undone", what=event_summary(event, lookup=lookup_for(service))))
    return 0


@writer("redo")
def redo(service: Closures, args: argparse.Namespace) -> int:
    event = service.history.redo()
    say(t("history.redone", what=event_summary(event, lookup=lookup_for(service))))
    return 0
