"""No label is cut: at 80 columns, in English and Chinese, every form field's label is
shown whole (wrapped when it must be)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Label

from closure_tui.tui.screens.platform import PlatformScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import running


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("form", ["a", "E", "e"])
async def test_form_labels_are_whole_at_80_columns(
    make_app: AppFactory, filled: Path, lang: str, form: str
) -> None:
    app = make_app(lang=lang)
    async with running(app, (80, 24)) as pilot:
        await app.push_screen(PlatformScreen(2))
        await pilot.pause()
        await pilot.press(form)
        await pilot.pause()
        labels = list(app.screen.query(".field-label"))
        assert labels, form
        for label in labels:
            assert isinstance(label, Label)
            text = str(label.render())
            room = label.content_region.width * label.content_region.height
            assert cell_len(text) <= room, text
        if form == "a" and lang == "en":
            texts = [str(label.render()) for label in labels]
            assert "Funder (as on the credit report)" in texts
