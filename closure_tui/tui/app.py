"""The Textual application: owns the open store, the language, privacy mode and the keymap.

Screens never call the store: they call `app.perform(...)` with a use case, and
watch `data_version` (bumped after every saved change) to refresh themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from textual.app import App, SystemCommand
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widget import AwaitMount

from closure_tui import config as config_module
from closure_tui import i18n
from closure_tui.collector import resume_collector
from closure_tui.domain.clock import Clock
from closure_tui.domain.errors import DomainError
from closure_tui.domain.stages import StageKey
from closure_tui.i18n import describe, t
from closure_tui.services.closures import Closures
from closure_tui.services.errors import StoreDamaged, StoreError, StoreLocked, StoreUnwritable
from closure_tui.services.listing import View
from closure_tui.services.session import open_closures
from closure_tui.tui.actions import NEEDS_DATA, WRITE_ACTIONS, bindings, localize
from closure_tui.tui.commands import PlatformCommands, localized
from closure_tui.tui.exports import Exports
from closure_tui.tui.follow_writer import WriterFollower
from closure_tui.tui.reminders import DueReminders, ReminderForms
from closure_tui.tui.textual_compat import CompatApp
from closure_tui.tui.undo import Undo
from closure_tui.tui.widgets.title_bar import TitleBar

T = TypeVar("T")


class ClosureApp(CompatApp, App[None]):
    """closure-tui's terminal app. Build it with `create_app`.

    Its parts are objects it owns: `undo`, `exports`, `due` (reminder alerts),
    `reminder_forms` and `follower` (of the instance that writes, while read-only)."""

    CSS_PATH = "app.tcss"
    TITLE = "closure-tui"
    COMMANDS = App.COMMANDS | {PlatformCommands}
    BINDINGS = bindings("app")

    privacy: reactive[bool] = reactive(False)
    data_version: reactive[int] = reactive(0)
    language: reactive[str] = reactive("en")
    #: The local date, moved on by the minute timer: screens showing dates or "days late"
    #: watch it, so an app left open across midnight shows the new day.
    today: reactive[date] = reactive(date.min)

    def __init__(
        self, *, data_dir: Path, clock: Clock, lang: str | None, config_path: Path
    ) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.config_path = config_path
        loaded = config_module.load_config(config_path)
        self.config = loaded.config
        self.config_problems = loaded.problems
        chosen = lang or self.config.language or i18n.detect_language()
        i18n.set_language(chosen)
        super().__init__()
        # Set now, so a screen's first read does not run their watchers mid-refresh.
        self.set_reactive(ClosureApp.language, chosen)
        self.set_reactive(ClosureApp.privacy, False)
        self.set_reactive(ClosureApp.data_version, 0)
        self.set_reactive(ClosureApp.today, clock.now().date())
        self.service: Closures | None = None
        self.read_only = False
        #: The banner's catalogue key and parameters while the store is read-only.
        self.read_only_why: tuple[str, dict[str, object]] = ("tui.read_only_banner", {})
        self.store_error: StoreDamaged | None = None
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.set_keymap(self.config.keymap)
        self.undo = Undo(self)
        self.exports = Exports(self)
        self.due = DueReminders(self)
        self.reminder_forms = ReminderForms(self)
        self.follower = WriterFollower(self)

    # ---- lifecycle -----------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The dashboard, when the data opens: as the default screen it is composed with the
        app, in Textual's start-up batch, instead of over an empty screen a moment later,
        which cost the first frame a screen more to compose, style and lay out. Damaged
        data gets the empty screen, with the damaged-data screen pushed on it once mounted."""
        self._open()
        if self.store_error is not None:
            return super().get_default_screen()
        return self.shown_by_default(self._dashboard())

    def on_mount(self) -> None:
        localize(self)
        self.watch(self, "theme", self._remember_theme, init=False)
        for problem in self.config_problems:
            said = describe(problem.key, problem.params)
            self.notify(t("tui.config_problem", problem=said), severity="warning", markup=False)
        if self.store_error is not None:
            self.call_later(self._show_damaged)
        else:
            self._opened()
        # The collector resumes after the first frame.
        self.call_after_refresh(resume_collector)

    def open_store(self) -> None:
        """Open the data again (after a backup was restored) and show it."""
        self._open()
        if self.store_error is not None:
            self._show_damaged()
            return
        self.push_screen(self._dashboard())
        self._opened()

    def _open(self) -> None:
        """Open for writing; fall back to read-only when another instance holds the lock."""
        self.store_error = None
        try:
            self.service = open_closures(
                self.data_dir, self.clock, writable=True, offsets=self.config.followups
            )
            self.read_only = False
        except (StoreLocked, StoreUnwritable) as refused:
            self.read_only_why = _read_only_why(refused)
            try:
                self.service = open_closures(
                    self.data_dir, self.clock, writable=False, offsets=self.config.followups
                )
            except StoreDamaged as damaged:
                self.store_error = damaged
            self.read_only = True
        except StoreDamaged as damaged:
            self.store_error = damaged

    def _dashboard(self) -> Screen[None]:
        from closure_tui.tui.screens.dashboard import DashboardScreen

        return DashboardScreen()

    def _show_damaged(self) -> None:
        from closure_tui.tui.screens.damaged import DamagedScreen

        assert self.store_error is not None
        self.push_screen(DamagedScreen(self.store_error))

    def _opened(self) -> None:
        """Once the data is shown: its notices, following the writer while read-only, and
        (after the first frame: the dashboard shows first) the due summary."""
        assert self.service is not None
        for notice in self.service.notices:
            self.notify(t(notice.key, path=notice.path), severity="warning", markup=False)
        if self.read_only:
            self.follower.start()
        self.call_after_refresh(self.due.start)

    def close_store(self) -> None:
        if self.service is not None:
            self.service.close()
            self.service = None

    def on_unmount(self) -> None:
        self.close_store()

    def screen_pushing(self, screen: Screen[Any]) -> None:
        """Every screen gets its key labels in the current language."""
        localize(screen)

    def screen_pushed(self, screen: Screen[Any], mounted: AwaitMount) -> None:
        """Every full screen gets the read-only banner when nothing can be saved."""
        if self.read_only and not isinstance(screen, ModalScreen):
            self.call_later(self._add_banner, screen, mounted)

    async def _add_banner(self, screen: Screen[Any], mounted: AwaitMount) -> None:
        from closure_tui.tui.widgets.banner import ReadOnlyBanner

        await mounted
        if not screen.is_attached or screen.query(f"ReadOnlyBanner, #{ReadOnlyBanner.OWN_ID}"):
            return
        headers = screen.query_children(TitleBar)
        banner = ReadOnlyBanner(*self.read_only_why)
        if headers:
            await screen.mount(banner, after=headers.first())
        else:
            await screen.mount(banner, before=0 if screen.children else None)

    # ---- changing data -------------------------------------------------------------------

    def perform(
        self,
        change: Callable[[Closures], T],
        refused: Callable[[DomainError], None] | None = None,
        *,
        warned: bool = False,
    ) -> T | None:
        """Run one use case; report refusals (to `refused` when given, e.g. the form the
        change was typed in) and warnings (unless the user just confirmed them: `warned`);
        None when nothing was saved."""
        if self.service is None or self.read_only:
            key, params = self.read_only_why
            if key == "tui.read_only_banner":  # another instance writes
                key, params = "err.store.read_only", {}
            self.notify(t(key, **params), severity="error", markup=False)
            return None
        try:
            result = change(self.service)
        except DomainError as error:
            if refused is not None:
                refused(error)
            else:
                self.notify(describe(error.key, error.params), severity="error", markup=False)
            return None
        except StoreError as error:
            self._report_store_error(error)
            self.data_version += 1
            return None
        for warning in [] if warned else getattr(result, "warnings", []):
            self.notify(describe(warning.key, warning.params), severity="warning", markup=False)
        for failed in self.service.unrecorded:
            message = t("warn.history_unsaved", **failed.params())
            self.notify(message, severity="warning", markup=False)
        self.service.unrecorded.clear()
        if self.undo.redo_offered:
            self.undo.offer_redo(False)
        self.data_version += 1
        return result

    def read(self, query: Callable[[Closures], T], default: T) -> T:
        """Run a query; notes and history are read on first use, so a file damaged since
        the app opened is reported here (with how to recover) instead of ending the app."""
        if self.service is None:
            return default
        try:
            return query(self.service)
        except StoreError as error:
            self._report_store_error(error)
            return default

    def _report_store_error(self, error: StoreError) -> None:
        self.notify(t(error.key, **error.params()), severity="error", timeout=20, markup=False)

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        """In privacy mode a toast hides amounts and account numbers like the screens do."""
        if self.privacy:
            from closure_tui.domain.text import hide_figures

            message = hide_figures(message)
        super().notify(message, *args, **kwargs)

    def allows(self, action: str) -> bool:
        """False for write actions while nothing can be saved, and for what needs the data
        while none is open: hidden from the Footer, and the key does nothing. Screens ask
        this through `actions.WriteGuard`."""
        if self.service is None and action in NEEDS_DATA:
            return False
        if action == "redo_offered":
            return self.undo.redo_offered and self.allows("redo")
        return not (action in WRITE_ACTIONS and self.read_only)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.allows(action)

    # ---- actions -------------------------------------------------------------------------

    def action_undo(self) -> None:
        self.undo.undo()

    def action_redo(self) -> None:
        self.undo.redo()

    def action_redo_offered(self) -> None:
        self.undo.redo()

    def action_summary(self) -> None:
        from closure_tui.tui.screens.summary import SummaryScreen

        if self.service is not None:
            self.push_screen(SummaryScreen())

    def action_agenda(self) -> None:
        from closure_tui.tui.screens.agenda import AgendaScreen

        if self.service is not None:
            self.push_screen(AgendaScreen())

    def ask_reminder(self, platform_id: int, stage: StageKey | None = None) -> None:
        self.reminder_forms.add(platform_id, stage)

    def ask_snooze(self, reminder_id: int) -> None:
        self.reminder_forms.snooze(reminder_id)

    def ask_reminder_edit(self, reminder_id: int) -> None:
        self.reminder_forms.edit(reminder_id)

    def action_toggle_privacy(self) -> None:
        self.privacy = not self.privacy
        self.notify(t("tui.privacy_on" if self.privacy else "tui.privacy_off"))

    def action_help(self) -> None:
        from closure_tui.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_add_platform(self) -> None:
        from closure_tui.tui.modals.platform_form import PlatformForm

        if self.service is None or self.read_only:
            return
        form = PlatformForm(None).saving(
            lambda service, fields: service.add_platform(**fields.as_changes())
        )
        self.push_screen(form, self._added)

    def _added(self, outcome: Any) -> None:
        if outcome is not None:
            self.notify(t("tui.added", name=outcome.value.name), markup=False)

    def set_language(self, lang: str) -> None:
        """Switch the UI language now and remember it in config.toml."""
        i18n.set_language(lang)
        localize(self)
        for screen in self.screen_stack:
            for node in screen.walk_children(with_self=True):
                localize(node)
        self.language = lang
        self.refresh_bindings()
        self._save_setting(language=lang)

    def _remember_theme(self, theme: str) -> None:
        self._save_setting(theme=theme)

    def _save_setting(self, **settings: str) -> None:
        try:
            config_module.save_settings(self.config_path, **settings)
        except OSError as error:
            self.notify(
                t("tui.config_not_saved", reason=str(error)), severity="warning", markup=False
            )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own (in the user's language), then the app's."""
        yield from localized(super().get_system_commands(screen), self.action_help)
        if not self.read_only and self.service is not None:
            yield SystemCommand(
                t("cmd.add_platform"), t("cmd.add_platform.help"), self.action_add_platform
            )
        if self.service is not None:
            yield SystemCommand(t("cmd.summary"), t("cmd.summary.help"), self.action_summary)
            yield from self.exports.commands()
            yield from self.undo.commands()
            yield SystemCommand(t("cmd.agenda"), t("cmd.agenda.help"), self.action_agenda)
            export_ics = self.exports.calendar
            yield SystemCommand(t("cmd.export_ics"), t("cmd.export_ics.help"), export_ics)
        other = "en" if i18n.current_language() == "zh" else "zh"
        yield SystemCommand(
            t("cmd.language"), t("cmd.language.help"), lambda: self.set_language(other)
        )
        forget = getattr(screen, "action_forget_platform", None)
        if forget is not None and self.allows("forget_platform"):
            yield SystemCommand(t("cmd.forget"), t("cmd.forget.help"), forget)
        pack = getattr(screen, "action_export_pack", None)
        if pack is not None and self.service is not None:
            yield SystemCommand(t("cmd.export.pack"), t("cmd.export.pack.help"), pack)
        show_view = getattr(screen, "show_view", None)
        if show_view is not None:
            for view in View:
                yield SystemCommand(
                    t(f"cmd.view.{view.value}"),
                    t("cmd.view.help"),
                    lambda view=view: show_view(view),
                )


def _read_only_why(refused: StoreError) -> tuple[str, dict[str, object]]:
    """What the read-only banner says: who holds the lock, or why nothing can be written."""
    if isinstance(refused, StoreLocked):
        return "tui.read_only_banner", {"holder": refused.holder}
    return refused.key, refused.params()


def create_app(
    *,
    data_dir: Path,
    clock: Clock,
    lang: str | None = None,
    config_path: Path | None = None,
) -> ClosureApp:
    """The one way to build the app, so tests inject the data directory and the clock."""
    from closure_tui.locations import config_file

    return ClosureApp(
        data_dir=data_dir, clock=clock, lang=lang, config_path=config_path or config_file()
    )
