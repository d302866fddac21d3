"""One platform: its six stages as a checklist, the highlighted stage's evidence, the notes.

Every change goes through `app.perform`; the screen redraws when `app.data_version`,
the language or privacy mode change. The side column also lists the attached evidence
files (missing or changed ones stand out) and the platform's history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Footer, ListView, Static

from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.domain.text import display_safe
from closure_tui.i18n import describe, t
from closure_tui.services.paid import save_paid
from closure_tui.tui.actions import WRITE_ACTIONS, WriteGuard, bindings
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.contact_actions import ContactActions
from closure_tui.tui.credit_report_actions import CreditReportActions
from closure_tui.tui.modals.confirm import ConfirmModal, TypeNameToConfirm
from closure_tui.tui.modals.note_form import NoteForm
from closure_tui.tui.modals.paid_form import PaidForm
from closure_tui.tui.modals.platform_form import PlatformForm
from closure_tui.tui.modals.stage_forms import EvidenceForm, SkipForm
from closure_tui.tui.screens.stage_facts import StageFacts
from closure_tui.tui.text import money, plain
from closure_tui.tui.widgets.credit_report_panel import CreditReportPanel
from closure_tui.tui.widgets.evidence_panel import EvidencePanel
from closure_tui.tui.widgets.evidence_view import evidence_detail
from closure_tui.tui.widgets.history_panel import HistoryPanel
from closure_tui.tui.widgets.notes_view import notes_text
from closure_tui.tui.widgets.platform_contacts import ContactsSection
from closure_tui.tui.widgets.platform_reminders import PlatformReminders
from closure_tui.tui.widgets.stage_checklist import StageBox, StageChecklist
from closure_tui.tui.widgets.title_bar import TitleBar


class PlatformScreen(ContactActions, CreditReportActions, StageFacts, WriteGuard, Screen[None]):
    """The checklist of one platform, opened from the dashboard with `enter`."""

    CSS_PATH = "platform.tcss"
    #: In the Footer (80 columns): back, tick, evidence, note, undo and `?`; the rest in `?`.
    BINDINGS = bindings("platform")

    def __init__(self, platform_id: int, stage: StageKey | None = None) -> None:
        super().__init__()
        self.platform_id = platform_id
        self.platform: Platform | None = None
        self.opened_at = stage

    # ---- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", markup=False, id="platform-title")
        with Horizontal(id="platform-body"):
            with Vertical(id="platform-main"):
                yield Static("", markup=False, id="stages-title", classes="section-title")
                yield StageChecklist()
                yield from self.compose_lower()
            with Vertical(id="platform-side"):
                yield from self.compose_side()
        yield Footer()

    def compose_lower(self) -> ComposeResult:
        """Under the checklist, which stays in view: the reminders, contacts, complaints
        and notes scroll together, and a table given the focus scrolls into view, so none
        falls below a short terminal. The notes take the focus too: the arrow keys there
        scroll the whole part."""
        with VerticalScroll(id="platform-lower", can_focus=False):
            yield PlatformReminders(self.platform_id, id="platform-reminders")
            yield ContactsSection(self.platform_id, id="platform-contacts")
            yield Static("", markup=False, id="notes-title", classes="section-title")
            with VerticalScroll(id="notes-scroll"):
                yield Static("", markup=False, id="notes")

    def compose_side(self) -> ComposeResult:
        """The right-hand column: the stage's evidence, the attached files, the history."""
        yield Static("", markup=False, id="evidence-title", classes="section-title")
        with VerticalScroll(id="evidence-scroll"):
            yield Static("", markup=False, id="evidence")
            yield EvidencePanel(self.platform_id, id="evidence-files")
        yield CreditReportPanel(self.platform_id, id="credit-report")
        with VerticalScroll(id="history-scroll"):
            yield HistoryPanel(self.platform_id, id="history")

    def on_mount(self) -> None:
        if not self.load():
            self.say(t("pf.gone"), severity="warning")
            self.dismiss()
            return
        assert self.platform is not None
        first = self.opened_at or self.platform.next_stage or StageKey.NEGOTIATED
        self.query_one(StageChecklist).highlight(first)
        self.redraw()
        self.query_one(StageChecklist).focus()
        for name in ("data_version", "language", "privacy"):
            self.watch(self.app, name, self._changed, init=False)

    def _changed(self, _value: Any = None) -> None:
        """Redraw after any change; once the platform is removed, go back."""
        if not self.is_attached:
            return
        if self.load():
            self.redraw()
        elif self.is_current:
            self.dismiss()

    def load(self) -> bool:
        """Re-read the platform; False when it no longer exists."""
        pid = self.platform_id
        self.platform = closure_app(self).read(lambda service: service.find(pid), None)
        return self.platform is not None

    def redraw(self) -> None:
        platform = self.platform
        if platform is None:
            return
        app = closure_app(self)
        privacy = app.privacy
        self.sub_title = display_safe(platform.name)
        self.query_one("#platform-title", Static).update(self._title(platform, privacy))
        progress = t("pf.stages", done=platform.done_count, applicable=platform.applicable_count)
        self.query_one("#stages-title", Static).update(progress)
        self.query_one("#notes-title", Static).update(t("pf.notes"))
        checklist = self.query_one(StageChecklist)
        checklist.show(platform, privacy=privacy)
        self._show_evidence()
        notes: list[Note] = app.read(lambda service: service.notes(platform.id), [])
        hints = app.allows("add_note")
        self.query_one("#notes", Static).update(notes_text(notes, privacy=privacy, hints=hints))

    def _title(self, platform: Platform, privacy: bool) -> Text:
        """Three lines that fit 80 columns: the name and kind, the amounts, the contacts
        (the progress is in the checklist's title)."""
        title = plain(platform.name, style="bold")
        title.append("  " + t(f"kind.{platform.kind.value}"), style="dim")
        if platform.closed:
            title.append("  " + t("pf.closed"), style="bold green")
        summary = t(
            "pf.summary",
            original=money(platform.original, privacy=privacy),
            settled=money(platform.settled, privacy=privacy),
            saved=money(platform.saved, privacy=privacy),
        )
        title.append("\n" + summary, style="dim")
        contacts = t(
            "pf.contacts",
            hotline=platform.hotline or "—",
            app=platform.app or "—",
            funder=platform.funder or "—",
        )
        title.append("\n").append_text(plain(contacts, style="dim"))
        return title

    def _show_evidence(self) -> None:
        if self.platform is None:
            return
        key = self.query_one(StageChecklist).highlighted_key
        stage_name = t(f"stage.{key.value}")
        self.query_one("#evidence-title", Static).update(t("pf.evidence", stage=stage_name))
        app = closure_app(self)
        hints = app.allows("edit_evidence")
        detail = evidence_detail(self.platform, key, privacy=app.privacy, hints=hints)
        detail.append_text(self.agreed_in(key))
        self.query_one("#evidence", Static).update(detail)

    @on(ListView.Highlighted, "#stages")
    def _stage_highlighted(self) -> None:
        self._show_evidence()

    @on(StageBox.Clicked)
    def _box_clicked(self, event: StageBox.Clicked) -> None:
        event.stop()
        self.query_one(StageChecklist).highlight(event.key)
        if self.check_action("toggle_stage", ()):
            self.action_toggle_stage()

    # ---- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Write actions are hidden while read-only, and when the platform is gone."""
        if self.platform is None and action in WRITE_ACTIONS:
            return False
        return super().check_action(action, parameters)

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """A notification; never markup, since messages can carry names the user typed."""
        self.notify(message, severity=severity, markup=False)

    @property
    def stage_key(self) -> StageKey:
        return self.query_one(StageChecklist).highlighted_key

    def action_back(self) -> None:
        self.dismiss()

    def action_toggle_stage(self) -> None:
        key = self.stage_key
        app = closure_app(self)
        assert self.platform is not None and app.service is not None
        name = t(f"stage.{key.value}")
        if self.platform.stage(key).state is not StageState.TODO:
            if app.perform(lambda service: service.untick(self.platform_id, key)):
                self.say(t("pf.unticked", stage=name))
            return
        self.confirm_tick(key, lambda warned: self._tick(key, warned))

    def confirm_tick(self, key: StageKey, proceed: Callable[[bool], object]) -> None:
        """Ticking with an earlier stage still to do (or `paid` with no payment) asks first,
        whichever way the tick comes (space, a click, `d`); `proceed(warned)` runs once the
        user agrees, `warned` saying the warnings were already read."""
        pid = self.platform_id
        warnings = closure_app(self).read(lambda service: service.tick_warnings(pid, key), None)
        if warnings is None:
            return
        if not warnings:
            proceed(False)
            return
        reasons = [t("confirm.tick.stage", stage=t(f"stage.{key.value}"))]
        reasons += [describe(w.key, w.params) for w in warnings]

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                proceed(True)

        confirm = ConfirmModal(t("confirm.tick.title"), reasons, t("confirm.tick.yes"))
        self.app.push_screen(confirm, answered)

    def _tick(self, key: StageKey, warned: bool) -> None:
        """Tick `key` (`negotiated` asks for its pay-by date first); `warned`: the user
        confirmed its warnings, so they are not repeated."""
        if self.tick_with_facts(key):
            return
        tick = self.platform_id, key
        done = closure_app(self).perform(lambda service: service.tick(*tick), warned=warned)
        if done is not None:
            self.say(t("pf.ticked", stage=t(f"stage.{key.value}")))
            self._advance()

    def _advance(self) -> None:
        """After ticking, move the highlight to the next stage still to do."""
        if self.platform is not None and self.platform.next_stage is not None:
            self.query_one(StageChecklist).highlight(self.platform.next_stage)

    def action_skip_stage(self) -> None:
        key = self.stage_key
        assert self.platform is not None
        current = self.platform.stage(key).skip_reason
        pid = self.platform_id

        def skipped(outcome: Any) -> None:
            if outcome is not None:
                self.say(t("pf.skipped", stage=t(f"stage.{key.value}")))

        form = SkipForm(key, current, platform_name=self.platform.name)
        form.saving(lambda s, reason: s.skip(pid, key, reason))
        self.app.push_screen(form, skipped)

    def action_edit_evidence(self) -> None:
        key = self.stage_key
        app = closure_app(self)
        assert self.platform is not None and app.service is not None
        pid = self.platform_id
        form: PaidForm | EvidenceForm
        if key is StageKey.PAID:
            form = PaidForm(self.platform, app.service.today(), privacy=app.privacy)
            form.saving(lambda s, c: save_paid(s, pid, payee=c.payee, add=c.add, remove=c.remove))
        else:
            form = EvidenceForm(self.platform, key, app.service.today())
            form.saving(lambda s, answer: s.set_evidence(pid, key, dict(answer.fields)))
        self.app.push_screen(form, self._evidence_saved)

    def _evidence_saved(self, outcome: Any) -> None:
        if outcome is not None:
            self.say(t("pf.evidence_saved"))

    def action_add_reminder(self) -> None:
        """A reminder for the highlighted stage; it closes itself when the stage is done."""
        closure_app(self).ask_reminder(self.platform_id, self.stage_key)

    def action_add_platform_reminder(self) -> None:
        """A reminder about the platform as a whole: no tick closes it."""
        closure_app(self).ask_reminder(self.platform_id)

    def action_add_note(self) -> None:
        assert self.platform is not None
        pid = self.platform_id

        def added(note: Any) -> None:
            if note is not None:
                self.say(t("pf.note_added"))

        form = NoteForm(self.platform.name, self.stage_key)
        form.saving(lambda s, answer: s.add_note(pid, answer.text, answer.stage))
        self.app.push_screen(form, added)

    def action_edit_notes(self) -> None:
        from closure_tui.tui.modals.notes_modal import NotesModal

        assert self.platform is not None
        self.app.push_screen(NotesModal(self.platform_id, self.platform.name))

    def action_edit_platform(self) -> None:
        def edited(outcome: Any) -> None:
            if outcome is not None:
                self.say(t("pf.platform_saved", name=outcome.value.name))

        pid = self.platform_id
        form = PlatformForm(self.platform).saving(
            lambda s, fields: s.edit_platform(pid, **fields.as_changes())
        )
        self.app.push_screen(form, edited)

    def action_remove_platform(self) -> None:
        assert self.platform is not None
        name = self.platform.name

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            # The redraw that follows the change finds the platform gone and goes back.
            if closure_app(self).perform(lambda s: s.remove_platform(self.platform_id)):
                self.say(t("pf.removed", name=name))

        self.app.push_screen(TypeNameToConfirm(name), confirmed)

    def action_forget_platform(self) -> None:
        """From the command palette: erase the platform everywhere, after its name is typed."""
        from closure_tui.services.forget import forget_platform
        from closure_tui.tui.modals.confirm import TypeNameToForget

        assert self.platform is not None
        pid, name = self.platform_id, self.platform.name

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            done = closure_app(self).perform(lambda s: forget_platform(s, pid, name))
            if done is not None:
                self.app.notify(done.message(), markup=False)

        self.app.push_screen(TypeNameToForget(name), confirmed)
