"""`backups`: the snapshots kept before changes, numbered as `restore N` takes them."""

from __future__ import annotations

import argparse
from pathlib import Path

from closure_tui.cli.registry import direct, say
from closure_tui.domain.clock import Clock
from closure_tui.i18n import t


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KiB" if size >= 1024 else f"{size} B"


@direct("backups")
def backups(data_dir: Path, clock: Clock, args: argparse.Namespace) -> int:
    """One line per backup, newest first; reads only, works while another instance writes."""
    from closure_tui.services.snapshots import backups_folder, list_backups

    found = list_backups(data_dir)
    if not found:
        say(t("backups.none", dir=backups_folder(data_dir)))
        return 0
    say(t("backups.header"))
    for info in found:
        state = (
            t("backups.good")
            if info.good
            else t("backups.damaged", problems="; ".join(info.problems[:2]))
        )
        say(
            t(
                "backups.line",
                number=info.number,
                taken=f"{info.taken:%Y-%m-%d %H:%M:%S}",
                platforms="?" if info.platforms is None else info.platforms,
                size=_size(info.size),
                state=state,
            )
        )
    say(t("backups.footer", dir=backups_folder(data_dir)))
    return 0
