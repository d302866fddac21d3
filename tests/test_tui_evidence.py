"""TUI: ctrl+z / ctrl+y, exports to the documents folder, the summary screen, the history panel."""

from __future__ import annotations

from pathlib import Path

from closure_tui.domain.stages import StageKey
from closure_tui.i18n import t
from closure_tui.services.reports import EXPORTERS
from closure_tui.tui.app import create_app
from closure_tui.tui.screens.summary import SummaryScreen, bar
from closure_tui.tui.widgets.history_panel import HistoryPanel
from tests.evidence_support import open_service


def _seed(data_dir: Path, clock) -> None:
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗", original="12000", settled="6000").value.id
    service.tick(pid, StageKey.NEGOTIATED)
    service.add_platform("美团借钱", original="3000")
    service.store.close()


def _app(data_dir: Path, clock, tmp_path: Path):
    return create_app(data_dir=data_dir, clock=clock, lang="en", config_path=tmp_path / "c.toml")


async def test_ctrl_z_undoes_and_ctrl_y_redoes(data_dir, clock, tmp_path) -> None:
    _seed(data_dir, clock)
    app = _app(data_dir, clock, tmp_path)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [p.name for p in app.service.platforms()] == ["借呗"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.service.platforms()[0].stage(StageKey.NEGOTIATED).state.value == "todo"
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert [p.name for p in app.service.platforms()] == ["借呗", "美团借钱"]
        assert app.service.platforms()[0].stage(StageKey.NEGOTIATED).state.value == "done"


async def test_export_from_the_palette_goes_to_documents_and_says_where(
    data_dir, clock, tmp_path, isolated_environment
) -> None:
    _seed(data_dir, clock)
    app = _app(data_dir, clock, tmp_path)
    async with app.run_test() as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Export Markdown evidence report" in titles
        palette_formats = [fmt for fmt in EXPORTERS if t(f"cmd.export.{fmt}") in titles]
        assert palette_formats == list(EXPORTERS)
        written = app.exports.report("md")
        await pilot.pause()
        assert written is not None
        assert written.parent == isolated_environment / "Documents"
        assert "借呗" in written.read_text(encoding="utf-8")
        assert any(str(written) in str(n.message) for n in app._notifications)


async def test_summary_screen_charts_original_against_settled(data_dir, clock, tmp_path) -> None:
    _seed(data_dir, clock)
    app = _app(data_dir, clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_summary()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        chart = str(screen.query_one("#chart").render())
        assert "借呗" in chart and "¥12,000.00" in chart and "¥6,000.00" in chart
        totals = str(screen.query_one("#totals").render())
        assert "2 platforms" in totals and "1 of 12 steps done" in totals
        await pilot.press("p")
        await pilot.pause()
        assert "¥12,000.00" not in str(screen.query_one("#chart").render())


def test_bars_are_scaled_to_the_largest_amount() -> None:
    from decimal import Decimal

    assert len(bar(Decimal(100), Decimal(100))) == 40
    assert len(bar(Decimal(50), Decimal(100))) == 20
    assert bar(None, Decimal(100)) == ""


async def test_history_panel_lists_the_platforms_events(data_dir, clock, tmp_path) -> None:
    _seed(data_dir, clock)
    app = _app(data_dir, clock, tmp_path)
    async with app.run_test() as pilot:
        panel = HistoryPanel(1)
        await app.screen.mount(panel)
        await pilot.pause()
        shown = str(panel.render())
        assert "stage ticked" in shown and "platform added" in shown
        assert "Negotiated: state to do → done" in shown
        await pilot.press("ctrl+z")  # undoes adding 美团借钱: not this platform's
        await pilot.pause()
        assert "(undone)" not in str(panel.render())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "stage ticked  (undone)" in str(panel.render())


async def test_evidence_panel_shows_a_missing_file(data_dir, clock, tmp_path) -> None:
    from closure_tui.services.evidence import attach
    from closure_tui.tui.widgets.evidence_panel import EvidencePanel

    receipt = tmp_path / "转账回单.png"
    receipt.write_bytes(b"receipt")
    service = open_service(data_dir, clock)
    pid = service.add_platform("借呗").value.id
    attach(service, pid, StageKey.PAID, receipt, copy=False)
    service.store.close()
    app = _app(data_dir, clock, tmp_path)
    async with app.run_test() as pilot:
        panel = EvidencePanel(pid)
        await app.screen.mount(panel)
        await pilot.pause()
        assert "转账回单.png" in str(panel.render()) and "ok" in str(panel.render())
        receipt.unlink()
        app.data_version += 1
        await pilot.pause()
        assert "file missing" in str(panel.render())
