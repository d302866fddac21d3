"""The platform screen's credit report keys: `k` records a report check (every platform on
one form), `D` files a dispute prefilled from the newest discrepancy, `U` moves an open
dispute on (answered, corrected, rejected, escalated)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from closure_tui.domain.disputes import NEXT
from closure_tui.i18n import t
from closure_tui.tui.closure_app import closure_app


class CreditReportActions:
    """Mixed into the platform screen, which provides `platform_id`, `app` and `say`."""

    platform_id: int
    app: Any

    if TYPE_CHECKING:

        def say(self, message: str, severity: Any = "information") -> None: ...

    def action_record_report_check(self) -> None:
        from closure_tui.services.credit_report import CreditReports
        from closure_tui.tui.modals.report_check_form import ReportCheckForm

        service = closure_app(self).service
        if service is None:
            return
        platforms = service.platforms()
        ordered = sorted(platforms, key=lambda p: p.id != self.platform_id)
        form = ReportCheckForm(ordered, service.today())
        form.saving(lambda s, r: CreditReports(s).record_check(r.on, r.source, r.entries, r.file))
        self.app.push_screen(form, self._checked)

    def _checked(self, results: Any) -> None:
        if not results:
            return
        mine = next((c for c in results if c.platform.id == self.platform_id), results[0])
        state = t(f"report.state.{mine.judgement.value}")
        self.say(t("tui.report.saved", count=len(results), state=state))
        if mine.recheck is not None and mine.platform.id == self.platform_id:
            hint = t("tui.report.propose_dispute", date=mine.recheck.isoformat())
            self.say(hint, severity="warning")

    def action_file_dispute(self) -> None:
        from closure_tui.services.credit_report import CreditReports
        from closure_tui.tui.modals.dispute_form import DisputeForm

        service = closure_app(self).service
        if service is None:
            return
        pid = self.platform_id
        platform = service.get(pid)
        form = DisputeForm(platform, CreditReports(service).lines(pid), service.today())
        form.saving(
            lambda s, a: CreditReports(s).file_dispute(
                pid,
                a.filed_with,
                a.filed,
                text=a.text,
                reference=a.reference,
                check_id=a.check_id,
                cited=a.cited,
            )
        )
        self.app.push_screen(form, self._filed)

    def _filed(self, dispute: Any) -> None:
        if dispute is not None:
            due = dispute.answer_due.isoformat()
            self.say(t("tui.dispute.saved", id=dispute.id, due=due))

    def action_update_dispute(self) -> None:
        from closure_tui.services.credit_report import CreditReports
        from closure_tui.tui.modals.dispute_update_form import DisputeUpdateForm

        service = closure_app(self).service
        if service is None:
            return
        pid = self.platform_id
        movable = [d for d in CreditReports(service).disputes(pid) if NEXT[d.status]]
        if not movable:
            self.say(t("tui.dispute.none_open"))
            return
        form = DisputeUpdateForm(service.get(pid).name, movable, service.today())
        form.saving(
            lambda s, moved: CreditReports(s).update_dispute(
                moved.dispute_id, moved.status, moved.on, moved.answer
            )
        )
        self.app.push_screen(form, self._updated)

    def _updated(self, dispute: Any) -> None:
        if dispute is not None:
            status = t(f"dispute.status.{dispute.status.value}")
            self.say(t("cli.dispute_updated", id=dispute.id, status=status))
