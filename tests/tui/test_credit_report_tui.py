"""The credit report section of the platform screen, `k` and `D`, and the dashboard marker."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from rich.console import Console
from textual.widgets import Select

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.disputes import DisputeStatus, FiledWith
from closure_tui.domain.report_entry import parse_entry
from closure_tui.domain.stages import STAGE_ORDER
from closure_tui.services.closures import Closures
from closure_tui.services.credit_report import CreditReports
from closure_tui.services.session import closures_session
from closure_tui.tui.modals.dispute_form import DisputeForm
from closure_tui.tui.modals.dispute_update_form import DisputeUpdateForm
from closure_tui.tui.modals.report_check_form import ReportCheckForm
from tests.tui.conftest import AppFactory
from tests.tui.fixtures_platform import on_platform, shown_text
from tests.tui.helpers import notifications, running, static_text, table_names, table_rows


def close(service: Closures, platform_id: int) -> None:
    for key in STAGE_ORDER:
        service.tick(platform_id, key, on="2026-10-01")


def saved(data_dir: Path, clock: FixedClock):
    with closures_session(data_dir, clock, writable=False) as service:
        reports = CreditReports(service)
        return reports.lines(), reports.disputes()


async def choose(ui, select_id: str, downs: int) -> None:
    """Open a select with the keyboard and pick the option `downs` rows below the first."""
    ui.app.screen.query_one(f"#{select_id}", Select).focus()
    await ui.press("enter", *["down"] * downs, "enter")


async def test_k_records_one_report_for_several_platforms(data_dir: Path, clock: FixedClock):
    async with on_platform(data_dir, clock, "借呗", setup=close) as ui:
        await ui.press("k")
        form = ui.app.screen
        assert isinstance(form, ReportCheckForm)
        await ui.press("ctrl+a", "ctrl+k", *"2026-11-20", "tab", *"app")
        pid = ui.platform_id
        # Statuses, after the blank prompt: normal, settled, closed, overdue, bad debt.
        await choose(ui, f"st-{pid}", 2)
        await choose(ui, f"ln-{pid}", 1)
        form.query_one(f"#amt-{pid}").focus()
        await ui.press(*"5000")
        other = next(p for p in form.platforms if p.id != pid)
        await choose(ui, f"st-{other.id}", 4)
        await ui.press("ctrl+s")
        assert ui.app.screen is ui.screen
        panel = shown_text(ui.app, "#credit-report")
        assert "report discrepancy" in panel and "¥5,000.00" in panel
        assert any("press D to file a dispute" in n for n in notifications(ui.app))
        await ui.press("p")
        assert "5,000" not in shown_text(ui.app, "#credit-report")
    lines, _ = saved(data_dir, clock)
    by_platform = {line.platform_id: line for line in lines}
    assert by_platform[pid].on == date(2026, 11, 20)
    assert by_platform[pid].source == "app"
    assert by_platform[pid].line_shown and by_platform[pid].status.value == "settled"
    assert by_platform[other.id].status.value == "overdue"
    assert set(by_platform) == {pid, other.id}


async def test_a_form_with_no_platform_chosen_saves_nothing(data_dir: Path, clock: FixedClock):
    async with on_platform(data_dir, clock, "借呗", setup=close) as ui:
        await ui.press("k")
        await ui.press("tab", *"app", "ctrl+s")
        assert isinstance(ui.app.screen, ReportCheckForm)
        errors = [str(error.render()) for error in ui.app.screen.query(".field-error")]
        assert any("at least one platform" in error for error in errors)
        await ui.press("escape")
    assert saved(data_dir, clock) == ([], [])


def discrepant(service: Closures, platform_id: int) -> None:
    close(service, platform_id)
    reports = CreditReports(service)
    name = service.get(platform_id).name
    reports.record_check("2026-11-20", "云闪付", [parse_entry(f"{name}=settled,line=present")])


async def test_d_files_a_dispute_prefilled_from_the_discrepancy(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗", lang="zh", setup=discrepant) as ui:
        assert "征信与记录不符" in shown_text(ui.app, "#credit-report")
        await ui.press("D")
        assert isinstance(ui.app.screen, DisputeForm)
        await ui.press("tab", "ctrl+a", "ctrl+k", *"2026-12-01", "tab", *"YY-17", "ctrl+s")
        assert ui.app.screen is ui.screen
        panel = shown_text(ui.app, "#credit-report")
        assert "答复期限 2026-12-21" in panel and "YY-17" in panel
    _, [dispute] = saved(data_dir, clock)
    assert dispute.filed_on == date(2026, 12, 1) and dispute.reference == "YY-17"
    assert dispute.check_id is not None
    assert "仍显示授信额度" in dispute.text
    assert "结清证明" in dispute.cited


async def test_dashboard_tells_closed_from_confirmed(
    make_app: AppFactory, filled: Path, clock: FixedClock
) -> None:
    """花呗 is closed in the checklist: waiting for the report, then a discrepancy, then
    confirmed on it; the summary counts the confirmed ones."""
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("o", "o")  # the closed view
        assert table_names(app) == ["花呗"]
        assert "closed · report due" in table_rows(app)[0][3]
        assert "0 confirmed on the report" in static_text(app, "#summary")
        for entry, marker, count in (
            ("花呗=settled,line=present", "closed · ✗ report", 0),
            ("花呗=closed", "closed · ✓ report", 1),
        ):
            app.perform(
                lambda s, e=entry: CreditReports(s).record_check("+0d", "app", [parse_entry(e)])
            )
            clock.advance(minutes=5)
            await pilot.pause()
            assert marker in table_rows(app)[0][3]
            assert f"{count} confirmed on the report" in static_text(app, "#summary")


async def test_help_gives_the_credit_report_facts(data_dir: Path, clock: FixedClock) -> None:
    from closure_tui.tui.screens.help import HelpScreen

    async with on_platform(data_dir, clock, "借呗", lang="zh") as ui:
        await ui.press("question_mark")
        help_screen = ui.app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = dict(help_screen.key_rows())
        assert "一份报告可同时记录多个平台" in keys["k"]
        assert "异议" in keys["D"]
        console = Console(width=300, record=True, file=io.StringIO())
        for section in help_screen.query("Static"):
            console.print(section.content)
        sections = console.export_text()
        for fact in ("征信中心", "免费查询两次", "第二十五条", "20 日内", "出资方", "几个账户"):
            assert fact in sections


def disputed(service: Closures, platform_id: int) -> None:
    discrepant(service, platform_id)
    CreditReports(service).file_dispute(platform_id, FiledWith.CENTER, "2026-12-01")


async def test_u_moves_a_dispute_on(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗", setup=disputed) as ui:
        await ui.press("U")
        assert isinstance(ui.app.screen, DisputeUpdateForm)
        await choose(ui, "update-status", 1)  # answered, corrected, …
        ui.app.screen.query_one("#update-on").focus()
        await ui.press("ctrl+a", "ctrl+k", *"2026-11-30", "ctrl+s")
        assert isinstance(ui.app.screen, DisputeUpdateForm)  # before the filing: refused
        await ui.press("ctrl+a", "ctrl+k", *"2026-12-15", "tab", *"fixed", "ctrl+s")
        assert ui.app.screen is ui.screen
        assert "corrected" in shown_text(ui.app, "#credit-report")
        await ui.press("U")
        assert ui.app.screen is ui.screen
        assert any("no dispute to move on" in n for n in notifications(ui.app))
    _, [dispute] = saved(data_dir, clock)
    assert dispute.status is DisputeStatus.CORRECTED
    assert (dispute.status_on, dispute.answer) == (date(2026, 12, 15), "fixed")


def hostile(service: Closures, platform_id: int) -> None:
    close(service, platform_id)
    name = service.get(platform_id).name
    entry = parse_entry(f"{name}=settled,institution=[b]某银行[/b]")
    reports = CreditReports(service)
    reports.record_check("2026-11-20", "[link=https://e]云闪付[/]", [entry])
    reports.file_dispute(platform_id, FiledWith.CENTER, "2026-12-01", reference="[red]YY[/]")


async def test_text_typed_by_the_user_is_shown_as_typed(data_dir: Path, clock: FixedClock):
    async with on_platform(data_dir, clock, "借呗", setup=hostile) as ui:
        panel = shown_text(ui.app, "#credit-report")
        for typed in ("[b]某银行[/b]", "[link=https://e]云闪付[/]", "[red]YY[/]"):
            assert typed in panel
