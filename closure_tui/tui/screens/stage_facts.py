"""The platform screen's stage facts beyond a tick: the date it was done, the pay-by date
of `negotiated`, and evidence files. Mixed into `PlatformScreen`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from closure_tui.domain.stages import StageKey, StageState
from closure_tui.i18n import t
from closure_tui.tui.closure_app import closure_app

if TYPE_CHECKING:
    from closure_tui.domain.platform import Platform
    from closure_tui.services.closures import Closures


class StageFacts:
    """Needs the screen's `app`, `platform`, `platform_id`, `stage_key`, `say`."""

    platform: Platform | None
    platform_id: int
    app: Any

    if TYPE_CHECKING:

        @property
        def stage_key(self) -> StageKey: ...

        def say(self, message: str, severity: Any = "information") -> None: ...

        def _advance(self) -> None: ...

        def confirm_tick(self, key: StageKey, proceed: Callable[[bool], object]) -> None: ...

    def action_set_done_date(self) -> None:
        """`d`: tick the stage on a given date (prefilled with today, or its own date); a
        stage still to do asks first as space does when an earlier stage is to do."""
        key = self.stage_key
        if self.platform is not None and self.platform.stage(key).state is StageState.TODO:
            self.confirm_tick(key, lambda warned: self._ask_tick(key, ask_done=True, warned=warned))
        else:
            self._ask_tick(key, ask_done=True)

    def _ask_tick(self, key: StageKey, *, ask_done: bool, warned: bool = False) -> None:
        from closure_tui.tui.modals.tick_form import TickAnswer, TickForm

        app = closure_app(self)
        if self.platform is None or app.service is None:
            return
        pid = self.platform_id

        def tick(service: Closures, answer: TickAnswer) -> Any:
            return service.tick(pid, key, on=answer.on, pay_by=answer.pay_by)

        def ticked(outcome: Any) -> None:
            if outcome is not None:
                self.say(t("pf.ticked", stage=t(f"stage.{key.value}")))
                self._advance()

        form = TickForm(self.platform, key, app.service.today(), ask_done=ask_done)
        form.warned = warned
        self.app.push_screen(form.saving(tick), ticked)

    def tick_with_facts(self, key: StageKey) -> bool:
        """Space on `negotiated` asks for the pay-by date first, unless it is already
        recorded; True when it took over."""
        if key is not StageKey.NEGOTIATED or self.platform is None:
            return False
        if self.platform.stage(key).evidence.get("pay_by") is not None:
            return False
        self._ask_tick(key, ask_done=False)
        return True

    def action_attach_file(self) -> None:
        """`f`: attach a file to the stage; say the stored copy's size and SHA-256."""
        from closure_tui.services.evidence import attach
        from closure_tui.tui.modals.attach_form import AttachForm

        app = closure_app(self)
        if self.platform is None or app.service is None:
            return
        pid, key, copy = self.platform_id, self.stage_key, app.config.copy_evidence

        def attached(outcome: Any) -> None:
            if outcome is None:
                return
            attachment = outcome.value
            self.say(
                t("tui.attached", file=Path(attachment.path).name, size=attachment.size)
                + "\nSHA-256 "
                + attachment.sha256
            )

        form = AttachForm(self.platform, key).saving(
            lambda service, path: attach(service, pid, key, Path(path), copy=copy)
        )
        self.app.push_screen(form, attached)
