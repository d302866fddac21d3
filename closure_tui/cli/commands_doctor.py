"""`closure-tui doctor`: a read-only health check of the data directory."""

from __future__ import annotations

import argparse
from pathlib import Path

from closure_tui.cli.registry import direct, say
from closure_tui.domain.clock import Clock
from closure_tui.i18n import t

OK_MARK, INFO_MARK, ATTENTION_MARK = "✓", "·", "!"
_OK_KEYS = frozenset({"doctor.file_ok", "doctor.permissions_ok", "doctor.lock_free"})


@direct("doctor")
def doctor(data_dir: Path, clock: Clock, args: argparse.Namespace) -> int:
    """Print one line per finding; exit 1 when any needs the user's attention."""
    from closure_tui.services.doctor import examine

    findings = examine(data_dir)
    for finding in findings:
        if finding.attention:
            mark = ATTENTION_MARK
        else:
            mark = OK_MARK if finding.key in _OK_KEYS else INFO_MARK
        say(f"{mark} {t(finding.key, **finding.params)}")
    needing = sum(finding.attention for finding in findings)
    if needing:
        say(t("doctor.summary_attention", count=needing))
        return 1
    say(t("doctor.summary_ok"))
    return 0
