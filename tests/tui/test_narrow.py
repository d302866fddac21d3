"""At 80x24 the dashboard keeps what matters: the saved amount, each platform's count
(`3/6`), whole amounts and dates; a name is shortened with `…` only when it must be."""

from __future__ import annotations

import re
from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from tests.tui.conftest import AppFactory, fill_store
from tests.tui.helpers import running, screen_text

LONG = "招商银行信用卡中心分期业务部第二分中心"


def _with_a_long_name(data_dir: Path, clock: FixedClock) -> None:
    fill_store(data_dir, clock)
    with closures_session(data_dir, clock, writable=True) as service:
        service.add_platform(LONG, original="234567.89", settled="123456.78")


async def test_dashboard_at_80x24_keeps_saved_counts_and_short_names(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    _with_a_long_name(data_dir, clock)
    for lang, saved in (("zh", "减免 ¥124,110.61"), ("en", "saved ¥124,110.61")):
        app = make_app(lang=lang)
        async with running(app, (80, 24)):
            lines = screen_text(app).splitlines()
            assert saved in lines[1], lines[1]
            rows = [line for line in lines if re.search(r"[▰▱▭]{6}", line)]
            assert len(rows) == 5
            assert all(re.search(r"[▰▱▭]{6} \d/\d", row) for row in rows), rows
            assert "京东金条 " in screen_text(app), "a short name stays whole"
            assert LONG not in screen_text(app) and "招商银行信用卡中心" in screen_text(app)
            for amount in ("¥8,000.00", "¥3,000.00", "¥15,000.50", "¥123,456.78"):
                assert amount in screen_text(app), amount


async def test_the_full_summary_returns_when_there_is_room(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    _with_a_long_name(data_dir, clock)
    app = make_app(lang="zh")
    async with running(app, (140, 30)):
        summary = screen_text(app).splitlines()[1]
        assert "原欠 ¥282,567.89 → 结清 ¥155,457.28，减免 ¥124,110.61" in summary
        assert LONG in screen_text(app)
