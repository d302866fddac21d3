"""`attach`: record an evidence file (path, size, SHA-256) on a stage, copying it by default."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from closure_tui.cli.commands import STAGES
from closure_tui.cli.registry import arguments, say, writer
from closure_tui.domain.stages import parse_stage
from closure_tui.i18n import t

if TYPE_CHECKING:
    from closure_tui.services.closures import Closures


@arguments("attach")
def attach_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("platform", metavar="PLATFORM")
    parser.add_argument("stage", metavar="STAGE", help=", ".join(STAGES))
    parser.add_argument("file", metavar="FILE", help=t("cli.h.attach_file"))
    parser.add_argument(
        "--copy", action=argparse.BooleanOptionalAction, default=None, help=t("cli.h.copy")
    )


@writer("attach")
def attach(service: Closures, args: argparse.Namespace) -> int:
    from closure_tui.config import load_config
    from closure_tui.locations import config_file
    from closure_tui.services.evidence import attach as attach_file

    platform = service.resolve(args.platform)
    stage = parse_stage(args.stage)
    copy = args.copy if args.copy is not None else load_config(config_file()).config.copy_evidence
    outcome = attach_file(service, platform.id, stage, Path(args.file), copy=copy)
    attachment = outcome.value
    say(
        t(
            "cli.attached",
            name=platform.name,
            file=attachment.path,
            size=attachment.size,
            sha=attachment.sha256,
        )
    )
    if attachment.stored:
        say(t("cli.attached_copy", path=service.data_dir / attachment.stored))
    return 0
