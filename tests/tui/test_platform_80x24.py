"""The platform screen at 80x24 with a long contact log: every section can be reached
with Tab (the part under the checklist scrolls the focused one into view), the checklist
stays in view, and the title lines fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.complaints import ComplaintInput, Complaints
from closure_tui.services.contacts import ContactInput, ContactLog
from tests.tui.fixtures_platform import Opened, on_platform
from tests.tui.helpers import screen_text

SMALL = (80, 24)


def busy(service: Closures, platform_id: int) -> None:
    """Twelve night calls and four complaints about them."""
    log = ContactLog(service)
    for day in range(1, 13):
        call = ContactInput("in", "phone", "collector", at=f"2026-11-{day:02d} 21:00")
        log.add(platform_id, call, copy=True)
    complaints = Complaints(log)
    for day in range(1, 5):
        typed = ComplaintInput(channel="12378", filed=f"2026-11-{day:02d}", cites=("#1",))
        complaints.file(platform_id, typed, (), copy=True)


async def shown_after_tab_to(ui: Opened, widget_id: str) -> str:
    await ui.tab_to(widget_id)
    return screen_text(ui.app)


async def test_every_section_is_reached_with_tab_and_the_checklist_stays(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗", setup=busy, size=SMALL) as ui:
        shown = await shown_after_tab_to(ui, "complaints-table")
        assert "Complaints (4)" in shown and "2026-11-01" in shown
        assert "Closure steps" in shown and "Card unbound" in shown
        shown = await shown_after_tab_to(ui, "notes-scroll")
        assert "Notes (newest first)" in shown and "第一次打官方客服" in shown
        assert "Closure steps" in shown and "Card unbound" in shown
        shown = await shown_after_tab_to(ui, "contacts-table")
        assert "Contacts (12, 12 in breach)" in shown and "2026-11-12 21:00" in shown


def closed(service: Closures, platform_id: int) -> None:
    for key in StageKey:
        service.tick(platform_id, key, "2026-11-25")


@pytest.mark.parametrize(
    ("lang", "figures", "progress"),
    [
        ("en", "owed ¥52,000.00 · settled ¥26,000.00 · saved ¥26,000.00", "(6/6 done)"),
        ("zh", "原欠 ¥52,000.00 · 结清 ¥26,000.00 · 减免 ¥26,000.00", "进度 6/6"),
    ],
)
async def test_the_title_lines_fit_80_columns_with_every_figure(
    data_dir: Path, clock: FixedClock, lang: str, figures: str, progress: str
) -> None:
    async with on_platform(data_dir, clock, "借呗", lang=lang, setup=closed, size=SMALL) as ui:
        lines = screen_text(ui.app).splitlines()
        assert any(figures in line for line in lines)
        assert any(progress in line for line in lines)
        assert ui.screen.query_one("#platform-title").size.height == 3
