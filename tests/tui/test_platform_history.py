"""The platform screen's history panel and evidence files; ctrl+z / ctrl+y on that screen."""

from __future__ import annotations

from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.services.evidence import attach
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session
from closure_tui.tui.modals.confirm import ConfirmModal
from tests.tui.conftest import AppFactory
from tests.tui.fixtures_platform import on_platform, shown_text, stored
from tests.tui.helpers import notifications, running


async def test_history_panel_follows_changes_and_undo(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        history = shown_text(ui.app, "#history")
        assert "stage ticked" in history and "platform added" in history
        await ui.press("space")  # "paid" without a verified payee: confirm the warning
        assert isinstance(ui.app.screen, ConfirmModal)
        await ui.click("#confirm")
        assert stored(data_dir, clock, ui.platform_id).stage(StageKey.PAID).state is (
            StageState.DONE
        )
        assert "Paid: state to do → done" in shown_text(ui.app, "#history")

        await ui.press("ctrl+z")
        assert stored(data_dir, clock, ui.platform_id).stage(StageKey.PAID).state is (
            StageState.TODO
        )
        assert "(undone)" in shown_text(ui.app, "#history")
        await ui.press("ctrl+y")
        assert stored(data_dir, clock, ui.platform_id).stage(StageKey.PAID).state is (
            StageState.DONE
        )


async def test_a_changed_evidence_file_is_flagged_on_the_platform_screen(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    scan = tmp_path / "结清证明.pdf"
    scan.write_bytes(b"stamped")

    def setup(service, platform_id: int) -> None:
        attach(service, platform_id, StageKey.CERTIFICATE, scan, copy=False)

    async with on_platform(data_dir, clock, "借呗", setup=setup) as ui:
        assert "结清证明.pdf" in shown_text(ui.app, "#evidence-files")
        assert "ok" in shown_text(ui.app, "#evidence-files")
        scan.write_bytes(b"altered")
        ui.app.data_version += 1
        await ui.pilot.pause()
        assert "file changed" in shown_text(ui.app, "#evidence-files")


async def test_undo_in_the_agenda_says_what_it_took_back_in_chinese(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        pid = service.add_platform("招行").value.id
        Reminders(service).add(pid, "+2d", "打给招行贷后")
    app = make_app(lang="zh")
    async with running(app) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notifications(app)[-1] == "已撤销：招行 · 提醒「打给招行贷后」已完成"
        text = "\n".join(notifications(app))
        assert "()" not in text and "（）" not in text and "reminder" not in text
