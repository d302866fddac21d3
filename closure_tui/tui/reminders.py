"""The app's reminders: what is due, told on launch and while running; the reminder forms
(add, snooze, edit) that screens open through the app.

Alerts come from a once-a-minute timer reading the injected clock (no busy loop); each
reminder is announced once per run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from closure_tui.domain.reminders import Reminder
from closure_tui.domain.stages import StageKey
from closure_tui.i18n import describe, t
from closure_tui.services.reminders import Reminders
from closure_tui.tui.reminder_cells import reminder_line, reminder_name

if TYPE_CHECKING:
    from textual.timer import Timer

    from closure_tui.tui.app_protocol import AppHost
    from closure_tui.tui.modals.reminder_form import ReminderForm


#: Seconds between checks for reminders that came due while the app is open.
CHECK_EVERY = 60.0
#: How many reminders the launch notification names before "and N more".
SUMMARY_LINES = 5
#: Seconds the launch summary of what is due stays (the agenda, `g`, keeps it all).
DUE_TOAST = 8.0


class DueReminders:
    """Owned by the app: tells what is due, and moves the app's `today` at midnight."""

    def __init__(self, app: AppHost) -> None:
        self.app = app
        self.announced: set[int] = set()
        self.timer: Timer | None = None

    def _due_now(self) -> tuple[list[Reminder], dict[int, str]]:
        if self.app.service is None:
            return [], {}
        reminders = Reminders(self.app.service)
        names = reminders.platform_names()
        return [r for r in reminders.due() if r.platform_id in names], names

    def start(self) -> None:
        """Summarise what is due now, then check again every `CHECK_EVERY` seconds."""
        app = self.app
        due, names = self._due_now()
        self.announced = {r.id for r in due}
        if app.service is not None:
            for problem in Reminders(app.service).problems():
                message = describe(problem.key, problem.params)
                app.notify(message, severity="warning", timeout=30, markup=False)
        if due and app.service is not None:
            today = app.service.today()
            lines = [reminder_line(r, names[r.platform_id], today) for r in due[:SUMMARY_LINES]]
            if len(due) > SUMMARY_LINES:
                lines.append(t("tui.due.more", count=len(due) - SUMMARY_LINES))
            overdue = sum(r.when < today for r in due)
            title = t("tui.due.title", count=len(due), overdue=overdue)
            app.notify(
                "\n".join(lines), title=title, severity="warning", timeout=DUE_TOAST, markup=False
            )
        if self.timer is None:
            self.timer = app.set_interval(CHECK_EVERY, self.check)
            app.watch(app, "data_version", self._forget_seen, init=False)

    def check(self) -> list[Reminder]:
        """Move to the new day when the date changed (the screens watch `today`), then
        announce reminders that came due since the last check; returns them."""
        app = self.app
        if app.service is not None and app.service.today() != app.today:
            app.today = app.service.today()
        due, names = self._due_now()
        fresh = [r for r in due if r.id not in self.announced]
        if fresh and app.service is not None:
            today = app.service.today()
            for reminder in fresh:
                app.notify(
                    reminder_line(reminder, names[reminder.platform_id], today),
                    title=t("tui.due.now"),
                    severity="warning",
                    timeout=30,
                    markup=False,
                )
        self.announced |= {r.id for r in fresh}
        return fresh

    def _forget_seen(self) -> None:
        """After the user changes data, what is due now is on screen: don't announce it."""
        due, _names = self._due_now()
        self.announced = {r.id for r in due}


class ReminderForms:
    """Owned by the app: the reminder forms, which save through `perform`."""

    def __init__(self, app: AppHost) -> None:
        self.app = app

    def add(self, platform_id: int, stage: StageKey | None = None) -> None:
        """Open the reminder form for a platform (and stage), then save what was typed.

        Without a stage the reminder is about the platform as a whole: no tick closes it.
        """
        from closure_tui.tui.modals.reminder_form import ReminderForm

        service = self.app.service
        if service is None or self.app.read_only:
            return
        platform = service.get(platform_id)
        subject = (
            platform.name if stage is None else f"{platform.name} · {t(f'stage.{stage.value}')}"
        )

        def saved(added: Reminder | None) -> None:
            """The form dismisses with what `saving` returned: the reminder, once saved."""
            if added is not None:
                self.app.notify(
                    t("cli.reminded", id=added.id, name=platform.name, date=added.due_on),
                    markup=False,
                )

        form = ReminderForm(t("tui.reminder.add_title", name=subject), service.today())
        form.saving(
            lambda s, answer: Reminders(s).add(platform_id, answer.when, answer.text, stage)
        )
        self.app.push_screen(form, saved)

    def snooze(self, reminder_id: int) -> None:
        """Ask until when to snooze the reminder; the dialog names it."""
        self._ask_about(reminder_id, snooze=True)

    def edit(self, reminder_id: int) -> None:
        """Edit the reminder's date and text, prefilled; the dialog names it."""
        self._ask_about(reminder_id, snooze=False)

    def _ask_about(self, reminder_id: int, *, snooze: bool) -> None:
        from closure_tui.tui.modals.reminder_form import ReminderForm

        service = self.app.service
        if service is None or self.app.read_only:
            return
        reminders = Reminders(service)
        reminder = reminders.get(reminder_id)
        name = reminder_name(reminder, reminders.platform_names().get(reminder.platform_id, ""))
        today = service.today()
        form: ReminderForm
        if snooze:
            form = ReminderForm(t("tui.reminder.snooze_title", subject=name), today, ask_text=False)
            form.saving(lambda s, answer: Reminders(s).snooze(reminder_id, answer.when))
        else:
            title = t("tui.reminder.edit_title", subject=name)
            form = ReminderForm(title, today, when=reminder.when.isoformat(), text=reminder.text)
            form.saving(
                lambda s, answer: Reminders(s).edit(reminder_id, when=answer.when, text=answer.text)
            )
        self.app.push_screen(form)
