"""The platform form (add and edit) and removing a platform by typing its name."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.widgets import Input, Select

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.platform import Kind
from closure_tui.services.session import closures_session
from closure_tui.tui.modals.confirm import TypeNameToConfirm
from closure_tui.tui.modals.platform_form import PlatformForm
from closure_tui.tui.screens.dashboard import DashboardScreen
from tests.tui.fixtures_platform import (
    SIZE,
    build_app,
    fill,
    on_platform,
    prepare_dataset,
    shown_text,
    stored,
)


def names(data_dir: Path, clock: FixedClock) -> list[str]:
    with closures_session(data_dir, clock, writable=False) as service:
        return [p.name for p in service.platforms()]


async def test_add_platform_with_valid_fields(data_dir: Path, clock: FixedClock) -> None:
    prepare_dataset(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PlatformForm)
        fill(app, {"name": "度小满 [VIP]", "original": "20000", "settled": "12000.5"})
        app.screen.query_one("#kind", Select).value = Kind.BANK_LOAN.value
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PlatformForm)
    with closures_session(data_dir, clock, writable=False) as service:
        added = service.resolve("度小满 [VIP]")
    assert added.kind is Kind.BANK_LOAN
    assert added.settled == Decimal("12000.50")


async def test_name_field_suggests_common_platforms(data_dir: Path, clock: FixedClock) -> None:
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("right")  # nothing typed: no suggestion to accept
        name = app.screen.query_one("#name", Input)
        name.insert_text_at_cursor("京东金")
        await pilot.pause()
        await pilot.press("right")
        assert name.value == "京东金条"


async def test_invalid_amount_shows_a_message_and_saves_nothing(
    data_dir: Path, clock: FixedClock
) -> None:
    prepare_dataset(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        fill(app, {"name": "分期乐", "original": "1,000", "settled": "-5"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlatformForm)
        for field_id in ("original", "settled"):
            row = app.screen.query_one(f"#{field_id}").parent
            assert row is not None and row.has_class("-invalid")
            assert "not valid" in str(row.query_one(".field-error").render())
        await pilot.press("escape")
        await pilot.pause()
    assert "分期乐" not in names(data_dir, clock)


async def test_duplicate_name_keeps_the_form_and_everything_typed(
    data_dir: Path, clock: FixedClock
) -> None:
    prepare_dataset(data_dir, clock)
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"借呗", "tab", "tab", *"20000", "tab", *"12000", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PlatformForm)
        values = {
            key: form.query_one(f"#{key}", Input).value for key in ("name", "original", "settled")
        }
        assert values == {"name": "借呗", "original": "20000", "settled": "12000"}
        row = form.query_one("#name").parent
        assert row is not None and row.has_class("-invalid")
        assert "already exists" in str(row.query_one(".field-error").render())
        assert form.focused is form.query_one("#name")
        await pilot.press("end", *"2", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PlatformForm)
    assert names(data_dir, clock).count("借呗") == 1
    added = stored(data_dir, clock, 4)
    assert (added.name, added.original, added.settled) == (
        "借呗2",
        Decimal("20000.00"),
        Decimal("12000.00"),
    )


async def test_edit_platform_prefills_and_saves(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "借呗") as ui:
        await ui.press("E")
        form = ui.app.screen
        assert isinstance(form, PlatformForm)
        assert form.query_one("#name", Input).value == "借呗"
        assert form.query_one("#settled", Input).value == "26000.00"
        fill(ui.app, {"name": "蚂蚁借呗[/]", "settled": "25000", "hotline": "我在App里查到的号码"})
        await ui.press("ctrl+s")
        assert ui.app.screen is ui.screen
        assert "蚂蚁借呗[/]" in shown_text(ui.app, "#platform-title")
        assert any("蚂蚁借呗[/]" in n.message for n in ui.app._notifications)
    platform = stored(data_dir, clock, ui.platform_id)
    assert platform.name == "蚂蚁借呗[/]"
    assert platform.settled == Decimal("25000.00")
    assert platform.hotline == "我在App里查到的号码"


async def test_remove_needs_the_exact_name(data_dir: Path, clock: FixedClock) -> None:
    async with on_platform(data_dir, clock, "招联金融") as ui:
        await ui.press("x")
        assert isinstance(ui.app.screen, TypeNameToConfirm)
        fill(ui.app, {"confirm-name": "招联"})
        await ui.press("enter")
        assert isinstance(ui.app.screen, TypeNameToConfirm)
        assert "招联金融" in names(data_dir, clock)
        fill(ui.app, {"confirm-name": "招联金融"})
        await ui.press("enter")
        assert isinstance(ui.app.screen, DashboardScreen)
    assert "招联金融" not in names(data_dir, clock)
