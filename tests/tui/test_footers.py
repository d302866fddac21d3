"""At 80 columns every screen's Footer fits: `?`, the screen's main keys and the palette,
nothing cut; the other keys are in `?` help."""

from __future__ import annotations

from pathlib import Path

import pytest

from closure_tui.tui.screens.agenda import AgendaScreen
from closure_tui.tui.screens.platform import PlatformScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import footer_keys, running, screen_text

HELP = {"zh": "? 帮助", "en": "? Help"}
PALETTE = {"zh": "^p 命令", "en": "^p Commands"}
#: The keys each screen's Footer must show.
MAIN_KEYS = {
    "dashboard": ["enter", "slash", "a", "g", "ctrl+z", "question_mark"],
    "platform": ["escape", "space", "e", "n", "ctrl+z", "question_mark"],
    "agenda": ["escape", "d", "s", "x", "ctrl+z", "question_mark"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("where", list(MAIN_KEYS))
async def test_footer_fits_at_80_columns(
    make_app: AppFactory, filled: Path, lang: str, where: str
) -> None:
    app = make_app(lang=lang)
    async with running(app, (80, 24)) as pilot:
        if where == "platform":
            await app.push_screen(PlatformScreen(2))
        elif where == "agenda":
            await app.push_screen(AgendaScreen())
        await pilot.pause()
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert HELP[lang] in footer and footer.rstrip().endswith(PALETTE[lang]), footer
        assert [key for key in footer_keys(app) if key != "ctrl+p"] == MAIN_KEYS[where]


async def test_ctrl_y_joins_the_footer_after_an_undo(make_app: AppFactory, filled: Path) -> None:
    app = make_app()
    async with running(app, (80, 24)) as pilot:
        await app.push_screen(PlatformScreen(4))
        await pilot.pause()
        assert "ctrl+y" not in footer_keys(app)
        app.perform(lambda service: service.add_note(4, "打过电话"))
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "ctrl+y" in footer_keys(app)
        assert screen_text(app).splitlines()[-1].rstrip().endswith("^p Commands")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "ctrl+y" not in footer_keys(app), "nothing left to redo"
        assert "打过电话" in screen_text(app)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_footer_fits_on_a_platforms_reminder_list(
    make_app: AppFactory, filled: Path, lang: str
) -> None:
    app = make_app(lang=lang)
    async with running(app, (80, 24)) as pilot:
        await app.push_screen(PlatformScreen(3))  # 招联金融: the certificate follow-up
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "bind." not in footer
        assert HELP[lang] in footer and footer.rstrip().endswith(PALETTE[lang]), footer
        assert footer_keys(app)[:2] == ["d", "s"]
