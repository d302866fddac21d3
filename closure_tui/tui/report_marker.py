"""The dashboard's credit report marker for a closed platform: closed in the checklist is
not yet confirmed on the report (✓ on report / waiting for report / report discrepancy)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from closure_tui.domain.judgement import Judgement
from closure_tui.i18n import t

if TYPE_CHECKING:
    from closure_tui.domain.platform import Platform
    from closure_tui.services.closures import Closures

MARKERS = {
    Judgement.CONFIRMED: ("dash.report.confirmed", "bold green"),
    Judgement.DISCREPANCY: ("dash.report.discrepancy", "bold red"),
}
WAITING = ("dash.report.waiting", "yellow")


def closed_judgements(service: Closures, platforms: Sequence[Platform]) -> dict[int, Judgement]:
    """The judgement of every closed platform, from the stored report lines read once
    (with none recorded, every one is unchecked: the credit report code waits for them)."""
    closed = [p for p in platforms if p.closed]
    if not closed or not service.any_report_checks():
        return dict.fromkeys((p.id for p in closed), Judgement.UNCHECKED)
    from closure_tui.services.credit_report import CreditReports

    return CreditReports(service).judgements(closed)


def next_cell(label: str, style: str, verdict: Judgement | None) -> Text:
    """The next-step cell, with the marker after `closed` for a closed platform."""
    cell = Text(label, style=style, no_wrap=True)
    if verdict is not None:
        key, marker_style = MARKERS.get(verdict, WAITING)
        cell.append(" · ").append(t(key), style=marker_style)
    return cell
