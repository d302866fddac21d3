"""Privacy mode, language, read-only mode, keymap, a broken config and literal user text."""

from __future__ import annotations

import gc
import tomllib
from pathlib import Path

import pytest
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from closure_tui.domain.clock import FixedClock
from closure_tui.services.session import closures_session
from closure_tui.tui.actions import WRITE_ACTIONS
from closure_tui.tui.screens.dashboard import DashboardScreen
from closure_tui.tui.screens.help import HelpScreen
from closure_tui.tui.screens.platform import PlatformScreen
from closure_tui.tui.widgets.banner import ReadOnlyBanner
from closure_tui.tui.widgets.title_bar import TitleBar
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    notifications,
    running,
    screen_text,
    static_text,
    table_names,
    table_rows,
)


def footer_text(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return " ".join(str(item.render()) for item in screen.query_one(Footer).query("FooterKey"))


async def test_privacy_hides_amounts_until_toggled_back(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(app)
        assert "¥" not in text
        assert {row[4] for row in table_rows(app)} == {"•••"}
        assert "owed ••• → settled •••, saved •••" in static_text(app, "#summary")
        await pilot.press("p")
        await pilot.pause()
        assert "¥8,000.00" in screen_text(app)


async def test_switching_language_relabels_everything_and_is_remembered(
    make_app: AppFactory, filled: Path, config_path: Path
) -> None:
    app = make_app(lang="en")
    async with running(app) as pilot:
        assert "Next step" in screen_text(app)
        app.set_language("zh")
        await pilot.pause()
        text = screen_text(app)
        assert "下一步" in text
        assert "已协商结清方案" in text
        assert "筛选" in footer_text(app)
        assert "5 个平台" in static_text(app, "#summary")
    assert tomllib.loads(config_path.read_text(encoding="utf-8"))["language"] == "zh"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (("zh", "en_US.UTF-8"), "下一步"),
        ((None, "zh_CN.UTF-8"), "下一步"),
        ((None, "en_GB"), "Next"),
    ],
)
async def test_language_from_flag_or_locale(
    make_app: AppFactory,
    filled: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[str | None, str],
    expected: str,
) -> None:
    lang, locale = case
    monkeypatch.setenv("LANG", locale)
    app = make_app(lang=lang)
    async with running(app):
        assert expected in screen_text(app)


async def test_second_instance_is_read_only_with_a_banner(
    make_app: AppFactory, locked: Path, clock: FixedClock
) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.pause()
        assert app.read_only
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query(ReadOnlyBanner)
        assert "Read-only: another closure-tui is using this data" in screen_text(app)
        assert len(table_names(app)) == 4
        assert "a Add" not in footer_text(app)
        assert "/ Filter" in footer_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.perform(lambda service: service.add_platform("安逸花")) is None
    with closures_session(locked, clock, writable=False) as service:
        assert "安逸花" not in [p.name for p in service.platforms()]


async def test_platform_screen_is_read_only_too(make_app: AppFactory, locked: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PlatformScreen)
        text = screen_text(app)
        assert text.count("Read-only") == 1
        shown = {active.binding.action for active in app.screen.active_bindings.values()}
        assert shown & WRITE_ACTIONS == set()
        await pilot.press("space")
        await pilot.pause()
    with closures_session(locked, app.clock, writable=False) as service:
        assert service.get(1).done_count == 0


async def test_banner_on_a_screen_without_its_own(make_app: AppFactory, locked: Path) -> None:
    app = make_app()
    async with running(app) as pilot:
        await app.push_screen(OtherScreen())
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query(ReadOnlyBanner)
        assert "Read-only" in screen_text(app)


class OtherScreen(Screen[None]):
    """Any full screen another feature may add, with a header and nothing about read-only."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("x")


async def test_writable_instance_has_no_banner(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app):
        assert not app.read_only
        assert not app.screen.query(ReadOnlyBanner)
        assert "a Add" in footer_text(app)


async def test_keymap_remaps_a_binding(
    make_app: AppFactory, filled: Path, config_path: Path
) -> None:
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text('[keymap]\nhelp = "f1"\nview = "v"\n', encoding="utf-8")
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("v")
        assert len(table_names(app)) == 5
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert ("f1", "Help") in app.screen.key_rows()


@pytest.mark.parametrize(
    "content",
    [
        "theme = [\n",
        'language = "fr"\n',
        "keymap = 3\n",
        b"\xff\xfe bad".decode("latin-1"),
        pytest.param("x = " + "[" * 5000 + "]" * 5000 + "\n", id="too_deep"),
    ],
)
async def test_bad_config_gives_a_message_and_defaults(
    make_app: AppFactory, filled: Path, config_path: Path, content: str
) -> None:
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text(content, encoding="utf-8")
    app = make_app(lang=None)
    async with running(app) as pilot:
        assert isinstance(app.screen, DashboardScreen)
        messages = notifications(app)
        assert any("Problem in the config file, using defaults" in m for m in messages)
        assert len(table_names(app)) == 4
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_config_problems_are_said_in_chinese(
    make_app: AppFactory, filled: Path, config_path: Path
) -> None:
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text("[conduct]\nmax_calls_per_day = 0\n", encoding="utf-8")
    app = make_app(lang="zh")
    async with running(app):
        [said] = [m for m in notifications(app) if "配置文件有问题" in m]
        assert "conduct.max_calls_per_day 必须是整数（1–1000）" in said


NASTY = ["[/]", "[USD] 借呗", "[@click=app.quit]x", "[link=https://example.com]京东[/link]"]


async def test_user_text_is_shown_literally(
    make_app: AppFactory, data_dir: Path, clock: FixedClock
) -> None:
    with closures_session(data_dir, clock, writable=True) as service:
        for name in NASTY:
            service.add_platform(name)
    app = make_app()
    async with running(app) as pilot:
        assert sorted(table_names(app)) == sorted(NASTY)
        text = screen_text(app)
        for name in NASTY:
            assert name in text
        await pilot.click("#platforms", offset=(3, 1))
        await pilot.pause()
        assert app.is_running


async def test_added_notification_is_literal(make_app: AppFactory) -> None:
    app = make_app()
    async with running(app) as pilot:
        await pilot.press("a", *"[USD] 美团借钱", "enter")
        await pilot.pause()
        assert "Added [USD] 美团借钱." in notifications(app)
        assert "[USD] 美团借钱" in table_names(app)


async def test_garbage_collection_resumes_once_the_first_frame_is_drawn(
    make_app: AppFactory, filled: Path
) -> None:
    """The CLI entry pauses the collector for start-up; a long session must not run without it."""
    gc.disable()
    try:
        app = make_app()
        async with running(app):
            assert table_names(app)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
