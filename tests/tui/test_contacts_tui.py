"""The platform screen's contact log and complaints, from the user's side: `c` logs a call,
its breaches show beside it, `C` files a complaint citing it, Enter opens one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Checkbox, Select

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.complaints import ComplaintStatus
from closure_tui.domain.reminders import ReminderKind
from closure_tui.domain.stages import StageKey
from closure_tui.services.closures import Closures
from closure_tui.services.complaints import Complaints
from closure_tui.services.contacts import ContactInput, ContactLog
from closure_tui.services.reminders import Reminders
from closure_tui.services.session import closures_session
from closure_tui.tui.modals.contact_detail import ComplaintDetail, ContactDetail, StatusForm
from closure_tui.tui.modals.contact_form import ComplaintForm, ContactForm
from tests.tui.fixtures_platform import on_platform, shown_text

CALL = ContactInput("in", "phone", "collector", staff_id="A7")


def stored_log(data_dir: Path, clock: FixedClock) -> tuple[list, list]:
    with closures_session(data_dir, clock, writable=False) as service:
        log = ContactLog(service)
        return log.contacts(), Complaints(log).complaints()


def five_calls(service: Closures, platform_id: int) -> None:
    log = ContactLog(service)
    for hour in range(9, 14):
        log.add(platform_id, replace(CALL, at=f"2026-11-20 {hour}:00"), copy=True)


def table_cells(ui, selector: str) -> list[list[str]]:
    table = ui.screen.query_one(selector)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_a_sixth_call_at_night_shows_both_breaches_and_is_saved(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗", setup=five_calls) as ui:
        assert all(row[1] == "" for row in table_cells(ui, "#contacts-table"))
        await ui.press("c")
        form = ui.app.screen
        assert isinstance(form, ContactForm)
        await ui.press("ctrl+a", "ctrl+k", *"2026-11-20 21:40", "tab")
        form.query_one("#contact-workplace", Checkbox).value = False
        await ui.press("ctrl+s")
        assert ui.app.screen is ui.screen
        rows = table_cells(ui, "#contacts-table")
        assert rows[0][0] == "2026-11-20 21:40"
        assert "more than 5 collection calls" in rows[0][1]
        assert "outside 08:00–18:30" in rows[0][1]
        assert "more than 5 collection calls" in rows[-1][1]
        assert "6, 6 in breach" in shown_text(ui.app, "#contacts-title")
        contacts, _ = stored_log(data_dir, clock)
        assert [c.at.strftime("%H:%M") for c in contacts][-1] == "21:40"


async def test_a_bad_time_is_refused_in_the_form_and_nothing_is_saved(
    data_dir: Path, clock: FixedClock
) -> None:
    async with on_platform(data_dir, clock, "借呗", lang="zh") as ui:
        await ui.press("c")
        form = ui.app.screen
        await ui.press("ctrl+a", "ctrl+k", *"2026-11-20 25:99", "tab", "ctrl+s")
        assert ui.app.screen is form
        assert "无法识别" in str(
            form.query_one("#contact-at").parent.query_one(".field-error").render()
        )
        await ui.press("escape")
        assert stored_log(data_dir, clock) == ([], [])


async def test_complaint_cites_the_breaching_contacts_and_opens_with_enter(
    data_dir: Path, clock: FixedClock
) -> None:
    def night_call(service: Closures, platform_id: int) -> None:
        ContactLog(service).add(
            platform_id, ContactInput("in", "phone", "collector", at="2026-11-20 22:05"), copy=True
        )

    async with on_platform(data_dir, clock, "借呗", setup=night_call) as ui:
        await ui.press("C")
        form = ui.app.screen
        assert isinstance(form, ComplaintForm)
        assert form.query_one("#complaint-cites").value == "#1"
        asked = form.query_one("#complaint-asked").value
        assert "outside 08:00–18:30" in asked and "no staff or bar number" in asked
        form.query_one("#complaint-channel", Select).value = "12378"
        await ui.press("ctrl+s")
        assert ui.app.screen is ui.screen
        _, [complaint] = stored_log(data_dir, clock)
        assert (complaint.channel.value, complaint.cites) == ("12378", (1,))
        assert complaint.reply_by.isoformat() == "2026-12-14"
        with closures_session(data_dir, clock, writable=False) as service:
            kinds = [r.kind for r in Reminders(service).find(ui.platform_id)]
        assert ReminderKind.COMPLAINT_REPLY in kinds
        ui.screen.query_one("#complaints-table").focus()
        await ui.press("enter")
        detail = ui.app.screen
        assert isinstance(detail, ComplaintDetail)
        assert "outside 08:00–18:30" in shown_text(ui.app, "#detail")
        await ui.press("s")
        assert isinstance(ui.app.screen, StatusForm)
        await ui.press("ctrl+s")
        assert ui.app.screen is detail
        _, [complaint] = stored_log(data_dir, clock)
        assert complaint.status is ComplaintStatus.REPLIED
        await ui.press("escape")
        ui.screen.query_one("#contacts-table").focus()
        await ui.press("enter")
        assert isinstance(ui.app.screen, ContactDetail)
        assert "22:05" in shown_text(ui.app, "#detail")


async def test_privacy_masks_the_number_they_called_from(data_dir: Path, clock: FixedClock) -> None:
    def call(service: Closures, platform_id: int) -> None:
        ContactLog(service).add(
            platform_id,
            ContactInput("in", "phone", "collector", from_number="13800138000"),
            copy=True,
        )

    async with on_platform(data_dir, clock, "借呗", setup=call) as ui:
        assert "13800138000" in table_cells(ui, "#contacts-table")[0][-1]
        await ui.press("p")
        assert "13800138000" not in table_cells(ui, "#contacts-table")[0][-1]
        assert "8000" in table_cells(ui, "#contacts-table")[0][-1]


async def test_the_dashboard_marks_a_platform_in_breach(data_dir: Path, clock: FixedClock) -> None:
    from tests.tui.fixtures_platform import build_app, prepare_dataset
    from tests.tui.helpers import running, table_rows

    ids = prepare_dataset(data_dir, clock)
    with closures_session(data_dir, clock, writable=True) as service:
        ContactLog(service).add(ids["京东金条"], replace(CALL, at="2026-11-20 07:10"), copy=True)
    async with running(build_app(data_dir, clock, "zh")) as pilot:
        names = {row[0] for row in table_rows(pilot.app)}
        assert "京东金条  ⚠ 违规催收" in names
        assert "借呗" in names


async def test_the_palette_exports_the_complaint_pack(data_dir: Path, clock: FixedClock) -> None:
    import zipfile

    from closure_tui.locations import documents_dir
    from tests.tui.test_palette import run_command

    async with on_platform(data_dir, clock, "借呗", setup=five_calls) as ui:
        await run_command(ui.pilot, "complaint pack")
        [written] = documents_dir().glob("closure-tui-pack-*.zip")
        with zipfile.ZipFile(written) as archive:
            assert {"report.md", "report.html", "SHA256SUMS"} <= set(archive.namelist())


async def test_names_and_text_show_literally(data_dir: Path, clock: FixedClock) -> None:
    def call(service: Closures, platform_id: int) -> None:
        typed = replace(CALL, name="[b]王[/b]", text="[link=https://e]点我[/link]")
        ContactLog(service).add(platform_id, typed, copy=True)

    async with on_platform(data_dir, clock, "借呗", setup=call) as ui:
        assert "[b]王[/b]" in table_cells(ui, "#contacts-table")[0][-1]
        ui.screen.query_one("#contacts-table").focus()
        await ui.press("enter")
        assert "[link=https://e]点我[/link]" in shown_text(ui.app, "#detail")


async def test_the_negotiated_stage_shows_where_it_was_agreed(
    data_dir: Path, clock: FixedClock
) -> None:
    def agreed(service: Closures, platform_id: int) -> None:
        typed = ContactInput(
            "out",
            "phone",
            "official",
            at="2026-11-19 10:30",
            name="王女士",
            stage=StageKey.NEGOTIATED,
        )
        ContactLog(service).add(platform_id, typed, copy=True)

    async with on_platform(data_dir, clock, "借呗", setup=agreed) as ui:
        await ui.press("home")
        assert "Agreed in: #1 2026-11-19 10:30 official customer service 王女士" in shown_text(
            ui.app, "#evidence"
        )


async def test_an_unanswered_complaint_is_overdue_on_the_dashboard(
    data_dir: Path, clock: FixedClock
) -> None:
    from closure_tui.services.complaints import ComplaintInput
    from closure_tui.tui.reminder_cells import OVERDUE_STYLE
    from tests.tui.fixtures_platform import build_app, prepare_dataset
    from tests.tui.helpers import platform_table, running

    ids = prepare_dataset(data_dir, clock)
    with closures_session(data_dir, clock, writable=True) as service:
        typed = ComplaintInput("12378", filed="2026-11-01", reply_by="2026-11-16")
        Complaints(ContactLog(service)).file(ids["招联金融"], typed, copy=True)
    async with running(build_app(data_dir, clock)) as pilot:
        table = platform_table(pilot.app)
        rows = [table.row_cells(i) for i in range(table.row_count)]
        [row] = [cells for cells in rows if str(cells[0]) == "招联金融"]
        assert str(row[-1]) == "2026-11-16"
        assert row[-1].style == OVERDUE_STYLE


async def test_in_chinese_and_undone_with_ctrl_z(data_dir: Path, clock: FixedClock) -> None:
    def night_call(service: Closures, platform_id: int) -> None:
        ContactLog(service).add(platform_id, replace(CALL, at="2026-11-20 21:40"), copy=True)

    async with on_platform(data_dir, clock, "借呗", lang="zh", setup=night_call) as ui:
        assert "联系记录（1 条，1 条违规）" in shown_text(ui.app, "#contacts-title")
        assert "在 08:00–18:30 以外的时间联系" in table_cells(ui, "#contacts-table")[0][1]
        await ui.press("ctrl+z")
        assert stored_log(data_dir, clock) == ([], [])
        assert not ui.screen.query_one("#contacts-table").display
