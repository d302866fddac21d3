"""Toasts read whole: no Chinese character is lost where a toast meets a column divider
(they take their own rows above the Footer), and the launch summary of what is due
leaves after 8 s and never covers a form's buttons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Button

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.followups import FollowUpOffsets
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import open_closures
from closure_tui.tui.screens.platform import PlatformScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import screen_text, settled

MESSAGE = "已撤销：招联金融 · 提醒「打给招联贷后问结清证明什么时候寄出」已完成，请查收邮件和短信"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _han(text: str) -> str:
    return "".join(HAN.findall(text))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_chinese_toast_over_the_platform_screen_loses_no_character(
    make_app: AppFactory, filled: Path, size: tuple[int, int]
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=size, notifications=True) as pilot:
        await settled(pilot)
        await app.push_screen(PlatformScreen(3))
        await pilot.pause()
        before = _han(screen_text(app))
        for offset in range(3):  # each start column once
            app.notify(" " * offset + MESSAGE, markup=False, timeout=30)
        await pilot.pause(0.3)
        toast_rows = [line for line in screen_text(app).splitlines() if "▌" in line]
        rows = [_han(line.split("▌", 1)[1]) for line in toast_rows]
        assert _han(MESSAGE) in "".join(rows), rows
        for row in rows:
            assert row in _han(MESSAGE), f"a character went missing in {row}"
        assert _han(screen_text(app)) != before


async def test_the_due_toast_leaves_after_8_seconds_and_spares_the_form_buttons(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    service = open_closures(data_dir, clock, writable=True, offsets=FollowUpOffsets())
    try:
        pid = service.add_platform("借呗").value.id
        for text in ("打电话给贷后", "问结清证明", "查征信", "解绑银行卡", "注销额度", "注销账户"):
            Reminders(service).add(pid, "today", text)
    finally:
        service.store.close()
    app = make_app(lang="zh")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settled(pilot)
        [due] = list(app._notifications)
        assert due.timeout == 8
        await pilot.press("a")
        await pilot.pause(0.3)
        toasts = list(app.screen.query("Toast"))
        assert toasts, "the summary is still up while the form opens"
        dialog = app.screen.query_one(".dialog").region
        for toast in toasts:
            assert not toast.region.overlaps(dialog), (toast.region, dialog)
        for button in app.screen.query(Button):
            if button.region.overlaps(dialog):
                center = button.region.center
                assert app.screen.get_widget_at(*center)[0] is button
