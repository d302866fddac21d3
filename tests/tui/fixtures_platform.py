"""A prepared dataset with Chinese names, and helpers to open the platform screen in Pilot."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.session import closures_session
from closure_tui.tui.app import ClosureApp, create_app
from closure_tui.tui.screens.platform import PlatformScreen

SIZE = (110, 36)
MARKUP_NOTE = "客服说 [/] 和 [link=https://e]pay[/] 都照原样显示"


def prepare_dataset(data_dir: Path, clock: FixedClock) -> dict[str, int]:
    """Three platforms at different points of their closure; returns their ids by name."""
    with closures_session(data_dir, clock, writable=True) as service:
        jiebei = service.add_platform(
            "借呗", kind="online_loan", original="52000", settled="26000", app="支付宝"
        ).value
        service.tick(jiebei.id, StageKey.NEGOTIATED, "2026-11-20")
        service.set_evidence(
            jiebei.id,
            StageKey.NEGOTIATED,
            {"pay_by": "2026-12-05", "agreed_with": "贷后 王女士", "reference": "[录音] A-17"},
        )
        service.add_note(jiebei.id, "第一次打官方客服，转贷后。")
        jintiao = service.add_platform("京东金条", original="8000", settled="8000").value
        service.tick(jintiao.id, StageKey.NEGOTIATED, "2026-11-25")
        zhaolian = service.add_platform(
            "招联金融", kind="credit_card", original="15000.50", settled="9000", funder="招联"
        ).value
        service.skip(zhaolian.id, StageKey.ACCOUNT_CANCELLED, "信用卡没有单独的 App 账户")
        return {"借呗": jiebei.id, "京东金条": jintiao.id, "招联金融": zhaolian.id}


def build_app(data_dir: Path, clock: FixedClock, lang: str = "en") -> ClosureApp:
    return create_app(
        data_dir=data_dir, clock=clock, lang=lang, config_path=data_dir.parent / "config.toml"
    )


async def open_platform(pilot: Pilot, platform_id: int) -> PlatformScreen:
    await pilot.pause()  # the app shows its dashboard first
    screen = PlatformScreen(platform_id)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


@dataclass
class Opened:
    """A running app with one platform's screen on top."""

    app: ClosureApp
    pilot: Pilot
    screen: PlatformScreen
    platform_id: int

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def tab_to(self, widget_id: str) -> None:
        """Press Tab until `widget_id` has the focus, as a user reaches it."""
        for _ in range(15):
            if self.app.focused is not None and self.app.focused.id == widget_id:
                await self.pilot.pause()
                return
            await self.press("tab")
        raise AssertionError(f"Tab never reached #{widget_id}")

    async def click(self, selector: str) -> None:
        await self.pilot.click(selector)
        await self.pilot.pause()


@contextlib.asynccontextmanager
async def on_platform(
    data_dir: Path,
    clock: FixedClock,
    name: str,
    *,
    lang: str = "en",
    setup: Callable[[Closures, int], object] | None = None,
    size: tuple[int, int] = SIZE,
) -> AsyncIterator[Opened]:
    """Prepare the dataset (plus `setup`), start the app and open the platform `name`."""
    platform_id = prepare_dataset(data_dir, clock)[name]
    if setup is not None:
        with closures_session(data_dir, clock, writable=True) as service:
            setup(service, platform_id)
    app = build_app(data_dir, clock, lang)
    async with app.run_test(size=size) as pilot:
        screen = await open_platform(pilot, platform_id)
        yield Opened(app, pilot, screen, platform_id)


def stored(data_dir: Path, clock: FixedClock, platform_id: int):
    """The platform as saved on disk, read by a second (read-only) session."""
    with closures_session(data_dir, clock, writable=False) as service:
        return service.get(platform_id)


def stored_notes(data_dir: Path, clock: FixedClock, platform_id: int):
    with closures_session(data_dir, clock, writable=False) as service:
        return service.notes(platform_id)


def fill(app: ClosureApp, values: dict[str, str]) -> None:
    """Type into the current form's inputs by id (CJK text cannot be sent as key presses)."""
    from textual.widgets import Input

    for field_id, value in values.items():
        app.screen.query_one(f"#{field_id}", Input).value = value


def shown_text(app: ClosureApp, selector: str) -> str:
    """The plain text a Static currently shows."""
    from textual.widgets import Static

    return str(app.screen.query_one(selector, Static).render())
