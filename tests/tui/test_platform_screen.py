"""The platform screen: ticking, the warning before paying an unverified account, skipping,
notes shown literally, going back, privacy, language and read-only mode."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, TextArea

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import STAGE_ORDER, StageKey, StageState
from closure_tui.store.lock import WriterLock
from closure_tui.tui.modals.confirm import ConfirmModal
from closure_tui.tui.modals.note_form import NoteForm
from closure_tui.tui.modals.stage_forms import SkipForm
from closure_tui.tui.screens.dashboard import DashboardScreen
from closure_tui.tui.widgets.banner import ReadOnlyBanner
from tests.tui.fixtures_platform import (
    MARKUP_NOTE,
    SIZE,
    build_app,
    on_platform,
    open_platform,
    prepare_dataset,
    shown_text,
    stored,
    stored_notes,
)
from tests.tui.helpers import notifications


def state_of(data_dir: Path, clock: FixedClock, pid: int, key: StageKey) -> StageState:
    return stored(data_dir, clock, pid).stage(key).state


async def test_opens_on_first_todo_stage_and_space_ticks_it(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        assert ui.screen.stage_key is StageKey.PAID
        await ui.press("down", "down")
        assert ui.screen.stage_key is StageKey.ACCOUNT_CANCELLED
        await ui.press("space")
        assert isinstance(ui.app.screen, ConfirmModal), "earlier stages are still to do"
        await ui.click("#confirm")
        stage = stored(data_dir, clock, ui.platform_id).stage(StageKey.ACCOUNT_CANCELLED)
        assert stage.state is StageState.DONE, "saved at once, while the app is open"
        assert stage.done_on == clock.now().date()


async def test_space_on_a_done_stage_unticks_it(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("up")
        assert ui.screen.stage_key is StageKey.NEGOTIATED
        date_cell = "#stage-negotiated .stage-date"
        assert "2026-11-20" in shown_text(ui.app, date_cell)
        await ui.press("space")
        assert "2026-11-20" not in shown_text(ui.app, date_cell)
        assert state_of(data_dir, clock, ui.platform_id, StageKey.NEGOTIATED) is StageState.TODO


async def test_clicking_the_box_toggles_the_stage(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "招联金融") as ui:
        await ui.click("#stage-negotiated .stage-box")
        await ui.press("enter")  # no pay-by date agreed
        assert state_of(data_dir, clock, ui.platform_id, StageKey.NEGOTIATED) is StageState.DONE


async def test_space_on_a_skipped_stage_makes_it_todo_again(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "招联金融") as ui:
        key = StageKey.ACCOUNT_CANCELLED
        await ui.press("down", "down", "down")
        assert ui.screen.stage_key is key
        await ui.press("space")
        assert state_of(data_dir, clock, ui.platform_id, key) is StageState.TODO


async def test_paying_an_unverified_account_asks_first_and_cancel_changes_nothing(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("space")
        assert isinstance(ui.app.screen, ConfirmModal)
        reasons = " ".join(str(s.render()) for s in ui.app.screen.query(".warning-text"))
        assert "verified" in reasons and "collectors" in reasons
        await ui.press("escape")
        assert ui.app.screen is ui.screen
        assert state_of(data_dir, clock, ui.platform_id, StageKey.PAID) is StageState.TODO


async def test_confirming_the_warning_ticks_the_stage(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("space")
        await ui.click("#confirm")
        assert ui.app.screen is ui.screen
        assert ui.screen.stage_key is StageKey.CERTIFICATE, "moves on to the next open stage"
        assert state_of(data_dir, clock, ui.platform_id, StageKey.PAID) is StageState.DONE


async def test_every_out_of_order_tick_asks_the_same_way_key_or_click(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        for key in (StageKey.CERTIFICATE, StageKey.ACCOUNT_CANCELLED):
            ui.screen.query_one("#stages").index = STAGE_ORDER.index(key)
            await ui.press("space")
            assert isinstance(ui.app.screen, ConfirmModal), key
            reasons = " ".join(str(s.render()) for s in ui.app.screen.query(".warning-text"))
            assert "earlier stage" in reasons, key
            await ui.press("escape")
        await ui.click("#stage-credit_line_cancelled .stage-box")
        assert isinstance(ui.app.screen, ConfirmModal), "one click asks the same question"
        await ui.press("escape")
        state = state_of(data_dir, clock, ui.platform_id, StageKey.CREDIT_LINE_CANCELLED)
        assert state is StageState.TODO


async def test_ticking_paid_without_payments_warns_once(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "京东金条") as ui:
        assert ui.screen.stage_key is StageKey.PAID
        await ui.press("space")
        reasons = " ".join(str(s.render()) for s in ui.app.screen.query(".warning-text"))
        assert "payments add up to ¥0.00, not the agreed settled amount ¥8000.00" in reasons
        before = len(notifications(ui.app))
        await ui.click("#confirm")
        assert state_of(data_dir, clock, ui.platform_id, StageKey.PAID) is StageState.DONE
        after = notifications(ui.app)[before:]
        assert not [m for m in after if "add up" in m or "collectors" in m], after


async def test_skip_needs_a_reason_and_shows_it(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("down", "down", "down")
        assert ui.screen.stage_key is StageKey.CREDIT_LINE_CANCELLED
        await ui.press("s")
        assert isinstance(ui.app.screen, SkipForm)
        await ui.press("enter")
        assert isinstance(ui.app.screen, SkipForm), "an empty reason is refused"
        assert "needs a reason" in str(ui.app.screen.query_one(".field-error").render())
        ui.app.screen.query_one("#reason", Input).value = "没有额度 [USD]"
        await ui.press("enter")
        row = "#stage-credit_line_cancelled"
        assert "没有额度 [USD]" in shown_text(ui.app, f"{row} .stage-summary")
        assert ui.screen.query_one(row).has_class("-skipped")
        stage = stored(data_dir, clock, ui.platform_id).stage(StageKey.CREDIT_LINE_CANCELLED)
        assert stage.state is StageState.SKIPPED
        assert stage.skip_reason == "没有额度 [USD]"


async def test_note_with_markup_is_saved_and_shown_literally(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("n")
        assert isinstance(ui.app.screen, NoteForm)
        await ui.press("ctrl+s")
        assert isinstance(ui.app.screen, NoteForm), "an empty note is refused"
        ui.app.screen.query_one(TextArea).text = MARKUP_NOTE + "\n第二行"
        await ui.press("ctrl+s")
        notes = shown_text(ui.app, "#notes")
        assert MARKUP_NOTE in notes
        assert notes.index(MARKUP_NOTE) < notes.index("第一次打官方客服"), "newest first"
        saved = stored_notes(data_dir, clock, ui.platform_id)[0]
        assert saved.text == MARKUP_NOTE + "\n第二行"
        assert saved.stage is StageKey.PAID


async def test_escape_goes_back_to_the_dashboard(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("escape")
        assert isinstance(ui.app.screen, DashboardScreen)


async def test_read_only_hides_write_actions_and_ignores_them(
    data_dir: Path, clock: FixedClock
) -> None:
    ids = prepare_dataset(data_dir, clock)
    lock = WriterLock(data_dir)
    lock.acquire()
    try:
        app = build_app(data_dir, clock)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_platform(pilot, ids["借呗"])
            assert app.read_only
            await pilot.pause()
            assert screen.query(ReadOnlyBanner)
            keys = {b.binding.key for b in screen.active_bindings.values()}
            for action in ("toggle_stage", "skip_stage", "add_note", "remove_platform"):
                assert screen.check_action(action, ()) is False
            assert "space" not in keys and "x" not in keys and "escape" in keys
            await pilot.press("space", "s", "n", "e", "x")
            await pilot.pause()
            assert app.screen is screen
    finally:
        lock.release()
    assert state_of(data_dir, clock, ids["借呗"], StageKey.PAID) is StageState.TODO


async def test_privacy_mode_hides_amounts(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        assert "¥52,000.00" in shown_text(ui.app, "#platform-title")
        await ui.press("p")
        assert "52,000" not in shown_text(ui.app, "#platform-title")
        assert "•••" in shown_text(ui.app, "#platform-title")


async def test_language_switch_redraws_stage_names(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗", lang="zh") as ui:
        label = "#stage-paid .stage-label"
        assert shown_text(ui.app, label) == "已还款至核实的对公账户"
        ui.app.set_language("en")
        await ui.pilot.pause()
        assert shown_text(ui.app, label) == "Paid to verified account"


async def test_escape_sequences_in_a_hand_edited_name_never_reach_the_terminal(
    data_dir: Path, clock: FixedClock
) -> None:
    ids = prepare_dataset(data_dir, clock)
    path = data_dir / "closure.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    for row in raw["platforms"].values():
        if row["name"] == "借呗":
            row["name"] = "借呗\x1b]0;pwned\x07\x1b[31m"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_platform(pilot, ids["借呗"])
        assert "\x1b" not in shown_text(app, "#platform-title")
        assert "借呗" in shown_text(app, "#platform-title")
        assert "\x1b" not in screen.sub_title
        await pilot.press("E")
        await pilot.pause()
        assert "\x1b" not in app.screen.query_one("#name", Input).value
