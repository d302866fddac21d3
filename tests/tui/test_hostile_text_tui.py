"""Hostile text in every field, shown in every widget of the app: literal, inert, no escapes.

The text goes straight into the store (as a hand-edited or imported file could hold it,
past the input rules), so what is tested is display alone; the input rules are tested
at the end through the forms.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

import pytest
from textual.widgets import DataTable, Input, TextArea

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Payee, Payment, Platform
from closure_tui.domain.reminders import Reminder
from closure_tui.domain.stages import EVIDENCE_FIELDS, STAGE_ORDER, FieldKind, StageKey, StageState
from closure_tui.domain.text import display_safe
from closure_tui.store.store import Store
from closure_tui.tui.modals.note_form import NoteForm
from closure_tui.tui.modals.platform_form import PlatformForm
from closure_tui.tui.modals.stage_forms import SkipForm
from closure_tui.tui.screens.platform import PlatformScreen
from tests import hostile
from tests.tui.fixtures_platform import SIZE, build_app
from tests.tui.screen_probe import check_terminal_safe, screen_text

DAY = date(2026, 11, 1)
#: Each group's strings together in every field of one platform (one screen visit each).
GROUPS = {
    "accepted": " ".join(hostile.ACCEPTED.values()),
    "refused": " ".join(hostile.REFUSED.values()),
    "long": "借呗" * 300,
}
#: The widgets each hostile string is shown in (counted for the report).
WIDGETS = (
    "dashboard table",
    "header",
    "platform title",
    "checklist",
    "evidence panel x6",
    "notes",
    "edit form",
    "skip form",
    "paid form",
    "notification",
    "agenda table",
    "reminder form",
)


def hostile_platform(platform_id: int, label: str, text: str) -> Platform:
    """`text` in every text field the app has: contacts, evidence, payee, payment, reason."""
    stages = []
    for blank in Platform(id=0, name="x", created_on=DAY).stages:
        evidence = {
            spec.key: text for spec in EVIDENCE_FIELDS[blank.key] if spec.kind is FieldKind.TEXT
        }
        stage = replace(blank, evidence=MappingProxyType({**blank.evidence, **evidence}))
        if stage.key is StageKey.CARD_UNBOUND:
            stage = replace(stage, state=StageState.SKIPPED, skip_reason=text)
        stages.append(stage)
    return Platform(
        id=platform_id,
        name=f"{label} {text}",
        created_on=DAY,
        settled=Decimal("100"),
        hotline=text,
        app=text,
        funder=text,
        stages=tuple(stages),
        payee=Payee(name=text, bank=text, account="62220001", verified_via=text, verified_on=DAY),
        payments=(Payment(Decimal("50"), DAY, text),),
    )


def write_hostile_store(data_dir: Path, clock: FixedClock) -> dict[str, int]:
    ids = {}
    store = Store.open(data_dir, clock, writable=True)
    try:
        for label, text in GROUPS.items():
            platform = store.platforms.insert(
                lambda new_id, name=label, value=text: hostile_platform(new_id, name, value)
            )
            store.reminders.insert(
                lambda new_id, p=platform.id, value=text: Reminder(
                    id=new_id, platform_id=p, due_on=DAY, created=clock.now(), text=value
                )
            )
            store.notes.insert(
                lambda new_id, p=platform.id, note=text: Note(
                    id=new_id, platform_id=p, created=clock.now(), text=note
                )
            )
            ids[label] = platform.id
    finally:
        store.close()
    return ids


@pytest.fixture
def hostile_store(data_dir: Path, clock: FixedClock) -> dict[str, int]:
    return write_hostile_store(data_dir, clock)


async def test_dashboard_shows_hostile_names_inertly(
    hostile_store: dict[str, int], data_dir: Path, clock: FixedClock
) -> None:
    app = build_app(data_dir, clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        check_terminal_safe(app, "dashboard")
        shown = screen_text(app)
        assert "accepted [/] [bold [0] [00] x [USD]" in shown
        await pilot.press("g")
        await pilot.pause()
        check_terminal_safe(app, "agenda")
        assert "[@click=app.quit]x[/]" in screen_text(app)
        for row in range(len(GROUPS)):
            app.screen.query_one(DataTable).move_cursor(row=row)
            await pilot.press("e")
            await pilot.pause()
            check_terminal_safe(app, f"reminder form {row}")
            await pilot.press("escape")
            await pilot.pause()
        await app.push_screen(PlatformScreen(hostile_store["long"]))
        await pilot.pause()
        check_terminal_safe(app, "over-long text on the platform screen")
        assert app.is_running


@pytest.mark.parametrize("label", ["accepted", "refused"])
async def test_platform_screen_and_forms_show_hostile_text_inertly(
    label: str, hostile_store: dict[str, int], data_dir: Path, clock: FixedClock
) -> None:
    text = GROUPS[label]
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = PlatformScreen(hostile_store[label])
        await app.push_screen(screen)
        await pilot.pause()
        for index, key in enumerate(STAGE_ORDER):
            screen.query_one("#stages").index = index
            await pilot.pause()
            check_terminal_safe(app, f"{label} evidence {key.value}")
        if label == "accepted":
            shown = screen_text(app)
            for value in hostile.MARKUP.values():
                assert value in shown, "shown exactly as stored"
        for form in (PlatformForm(screen.platform), SkipForm(StageKey.CARD_UNBOUND, text)):
            await app.push_screen(form)
            await pilot.pause()
            check_terminal_safe(app, f"{label} {type(form).__name__}")
            assert display_safe(text) in [field.value for field in form.query(Input)]
            form.dismiss(None)
            await pilot.pause()
        screen.query_one("#stages").index = STAGE_ORDER.index(StageKey.PAID)
        await pilot.press("e")
        await pilot.pause()
        check_terminal_safe(app, f"{label} paid form")
        await pilot.press("escape")
        await pilot.pause()
        app.notify(f"{text}", markup=False)
        screen.say(text)
        await pilot.pause()
        check_terminal_safe(app, f"{label} notification")
        assert app.is_running


async def test_forms_refuse_control_bidi_and_invisible_text_with_a_message(
    data_dir: Path, clock: FixedClock
) -> None:
    """Pasted escapes and bidi controls are refused under the field; nothing is saved."""
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = PlatformForm(None)
        await app.push_screen(form)
        await pilot.pause()
        refused = {**hostile.REFUSED, "zero_width_space": hostile.ALL["zero_width_space"]}
        for label, text in refused.items():
            form.query_one("#name", Input).value = text
            form.action_save()
            await pilot.pause()
            assert app.screen is form, label
            error = str(form.query_one("#name").parent.query_one(".field-error").render())
            assert "U+" in error, (label, error)
            check_terminal_safe(app, f"form refusing {label}")
        assert app.service is not None and app.service.platforms() == []


async def test_note_editor_never_draws_pasted_escapes(data_dir: Path, clock: FixedClock) -> None:
    app = build_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = NoteForm("P", None)
        await app.push_screen(form)
        await pilot.pause()
        form.query_one(TextArea).text = GROUPS["refused"]
        await pilot.pause()
        check_terminal_safe(app, "note editor")
