"""The app's reminder features: due alerts on launch and while running, agenda, add, export.

A mixin so the app class stays about the store and the screens. Alerts come from a
once-a-minute timer reading the injected clock (no busy loop); each reminder is
announced once per run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from closure_tui.domain.errors import DomainError
from closure_tui.domain.reminders import Reminder
from closure_tui.domain.stages import StageKey
from closure_tui.i18n import describe, t
from closure_tui.services.reminders import Reminders
from closure_tui.tui.mixin_base import AppMembers
from closure_tui.tui.reminder_cells import reminder_line, reminder_name

if TYPE_CHECKING:
    from textual.timer import Timer


#: Seconds between checks for reminders that came due while the app is open.
CHECK_EVERY = 60.0
#: How many reminders the launch notification names before "and N more".
SUMMARY_LINES = 5
#: Seconds the launch summary of what is due stays (the agenda, `g`, keeps it all).
DUE_TOAST = 8.0
CALENDAR_FILE = "closure-tui-reminders.ics"


class ReminderActions(AppMembers):
    """Mixed into `ClosureApp` (which provides `service`, `perform`, `notify`, timers)."""

    _announced: set[int]
    _due_timer: Timer | None = None

    # ---- alerts --------------------------------------------------------------------------

    def _due_now(self) -> tuple[list[Reminder], dict[int, str]]:
        if self.service is None:
            return [], {}
        reminders = Reminders(self.service)
        names = reminders.platform_names()
        return [r for r in reminders.due() if r.platform_id in names], names

    def start_reminder_alerts(self) -> None:
        """Summarise what is due now, then check again every `CHECK_EVERY` seconds."""
        due, names = self._due_now()
        self._announced = {r.id for r in due}
        if self.service is not None:
            for problem in Reminders(self.service).problems():
                message = describe(problem.key, problem.params)
                self.notify(message, severity="warning", timeout=30, markup=False)
        if due and self.service is not None:
            today = self.service.today()
            lines = [reminder_line(r, names[r.platform_id], today) for r in due[:SUMMARY_LINES]]
            if len(due) > SUMMARY_LINES:
                lines.append(t("tui.due.more", count=len(due) - SUMMARY_LINES))
            overdue = sum(r.when < today for r in due)
            title = t("tui.due.title", count=len(due), overdue=overdue)
            self.notify(
                "\n".join(lines), title=title, severity="warning", timeout=DUE_TOAST, markup=False
            )
        if self._due_timer is None:
            self._due_timer = self.set_interval(CHECK_EVERY, self.check_due_reminders)
            self.watch(self, "data_version", self._forget_seen, init=False)

    def check_due_reminders(self) -> list[Reminder]:
        """Move to the new day when the date changed (the screens watch `today`), then
        announce reminders that came due since the last check; returns them."""
        if self.service is not None and self.service.today() != self.today:
            self.today = self.service.today()
        due, names = self._due_now()
        fresh = [r for r in due if r.id not in self._announced]
        if fresh and self.service is not None:
            today = self.service.today()
            for reminder in fresh:
                self.notify(
                    reminder_line(reminder, names[reminder.platform_id], today),
                    title=t("tui.due.now"),
                    severity="warning",
                    timeout=30,
                    markup=False,
                )
        self._announced |= {r.id for r in fresh}
        return fresh

    def _forget_seen(self) -> None:
        """After the user changes data, what is due now is on screen: don't announce it."""
        due, _names = self._due_now()
        self._announced = {r.id for r in due}

    # ---- actions -------------------------------------------------------------------------

    def action_agenda(self) -> None:
        from closure_tui.tui.screens.agenda import AgendaScreen

        if self.service is not None:
            self.push_screen(AgendaScreen())

    def ask_reminder(self, platform_id: int, stage: StageKey | None = None) -> None:
        """Open the reminder form for a platform (and stage), then save what was typed.

        Without a stage the reminder is about the platform as a whole: no tick closes it.
        """
        from closure_tui.tui.modals.reminder_form import ReminderForm

        if self.service is None or self.read_only:
            return
        platform = self.service.get(platform_id)
        subject = (
            platform.name if stage is None else f"{platform.name} · {t(f'stage.{stage.value}')}"
        )

        def saved(added: object) -> None:
            """The form dismisses with what `saving` returned: the reminder, once saved."""
            if isinstance(added, Reminder):
                self.notify(
                    t("cli.reminded", id=added.id, name=platform.name, date=added.due_on),
                    markup=False,
                )

        form = ReminderForm(t("tui.reminder.add_title", name=subject), self.service.today())
        form.saving(
            lambda service, answer: Reminders(service).add(
                platform_id, answer["date"], answer["text"], stage
            )
        )
        self.push_screen(form, saved)

    def ask_snooze(self, reminder_id: int) -> None:
        """Ask until when to snooze the reminder; the dialog names it."""
        self._ask_about(reminder_id, snooze=True)

    def ask_reminder_edit(self, reminder_id: int) -> None:
        """Edit the reminder's date and text, prefilled; the dialog names it."""
        self._ask_about(reminder_id, snooze=False)

    def _ask_about(self, reminder_id: int, *, snooze: bool) -> None:
        from closure_tui.tui.modals.reminder_form import ReminderForm

        if self.service is None or self.read_only:
            return
        reminders = Reminders(self.service)
        reminder = reminders.get(reminder_id)
        name = reminder_name(reminder, reminders.platform_names().get(reminder.platform_id, ""))
        today = self.service.today()
        if snooze:
            form = ReminderForm(t("tui.reminder.snooze_title", subject=name), today, ask_text=False)
            form.saving(
                lambda service, answer: Reminders(service).snooze(reminder_id, answer["date"])
            )
        else:
            when = reminder.when.isoformat()
            title = t("tui.reminder.edit_title", subject=name)
            form = ReminderForm(title, today, when=when, text=reminder.text)
            form.saving(
                lambda service, answer: Reminders(service).edit(
                    reminder_id, when=answer["date"], text=answer["text"]
                )
            )
        self.push_screen(form)

    def export_calendar(self, path: Path | None = None) -> Path | None:
        """Write the open reminders as an .ics file (default: the documents folder)."""
        from closure_tui.locations import documents_dir
        from closure_tui.services.calendar import calendar_id, write_calendar

        if self.service is None:
            return None
        target = path or documents_dir() / CALENDAR_FILE
        try:
            store_id = calendar_id(self.service)
            count = write_calendar(Reminders(self.service), target, store_id)
        except DomainError as error:
            self.notify(describe(error.key, error.params), severity="error", markup=False)
            return None
        except OSError as error:
            message = t("tui.export_failed", reason=error.strerror or str(error))
            self.notify(message, severity="error", markup=False)
            return None
        self.notify(t("tui.exported_ics", count=count, path=target), markup=False)
        return target

    def reminder_commands(self) -> Iterable[SystemCommand]:
        if self.service is None:
            return
        yield SystemCommand(t("cmd.agenda"), t("cmd.agenda.help"), self.action_agenda)
        yield SystemCommand(t("cmd.export_ics"), t("cmd.export_ics.help"), self.export_calendar)
