"""Help from a form: `?` is typed text there, so F1 opens the help sheet, shown in the
form's Footer in both languages; `?` still opens it everywhere else."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from closure_tui.domain.clock import FixedClock
from closure_tui.tui.modals.contact_form import ContactForm
from closure_tui.tui.screens.help import HelpScreen
from tests.tui.fixtures_platform import on_platform
from tests.tui.helpers import screen_text

SMALL = (80, 24)


@pytest.mark.parametrize(("lang", "label"), [("en", "f1 Help"), ("zh", "f1 帮助")])
async def test_f1_opens_help_from_a_form_while_typing_and_the_footer_says_so(
    data_dir: Path, clock: FixedClock, lang: str, label: str
) -> None:
    async with on_platform(data_dir, clock, "借呗", lang=lang, size=SMALL) as ui:
        await ui.press("c")
        form = ui.app.screen
        assert isinstance(form, ContactForm)
        assert label in screen_text(ui.app).splitlines()[-1]
        form.query_one("#contact-staff").focus()
        await ui.press(*"A7?", "f1")
        sheet = ui.app.screen
        assert isinstance(sheet, HelpScreen)
        keys = [key for key, _ in sheet.key_rows()]
        assert "f1" in keys and "esc" in keys
        assert "?" not in keys and "q" not in keys  # typed text in a form, not keys
        await ui.press("escape")
        assert ui.app.screen is form
        assert form.query_one("#contact-staff", Input).value == "A7?"


async def test_f1_closes_the_help_sheet_it_opened_and_typing_goes_on(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗", size=SMALL) as ui:
        await ui.press("c")
        form = ui.app.screen
        form.query_one("#contact-staff").focus()
        await ui.press(*"A7", "f1")
        assert isinstance(ui.app.screen, HelpScreen)
        await ui.press("f1", "?")
        assert ui.app.screen is form
        assert form.query_one("#contact-staff", Input).value == "A7?"


async def test_question_mark_still_opens_help_on_the_platform_screen(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗", size=SMALL) as ui:
        await ui.press("question_mark")
        assert isinstance(ui.app.screen, HelpScreen)
        assert "?" in [key for key, _ in ui.app.screen.key_rows()]
