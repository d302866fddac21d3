"""The platform screen's contact log and complaint actions: `c` logs a contact, `C` files
a complaint citing the highlighted contact (else every contact in breach), prefilled with
what they breached."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from closure_tui.domain.stages import StageKey
from closure_tui.i18n import t
from closure_tui.services.complaints import Complaints
from closure_tui.services.contact_labels import breaches_text, contact_who
from closure_tui.services.contacts import ContactLog
from closure_tui.tui.closure_app import closure_app
from closure_tui.tui.contact_logs import complaints_of, contact_log
from closure_tui.tui.text import plain
from closure_tui.tui.widgets.platform_contacts import ContactsSection

if TYPE_CHECKING:
    from closure_tui.domain.platform import Platform


class ContactActions:
    """Mixed into the platform screen, which provides `platform_id`, `platform`, `app`
    and `stage_key`."""

    platform_id: int
    platform: Platform | None
    app: Any

    if TYPE_CHECKING:

        @property
        def stage_key(self) -> StageKey: ...

    def _copy_evidence(self) -> bool:
        return closure_app(self).config.copy_evidence

    def action_add_contact(self) -> None:
        from closure_tui.tui.modals.contact_form import ContactForm

        platform, service = self.platform, closure_app(self).service
        if platform is None or service is None:
            return
        pid, copy = self.platform_id, self._copy_evidence()
        form = ContactForm(platform.name, service.clock.now(), self.stage_key)
        form.saving(lambda s, a: ContactLog(s).add(pid, a.typed, a.files, copy=copy))
        self.app.push_screen(form, self._contact_added)

    def _contact_added(self, contact: Any) -> None:
        if contact is not None:
            self.app.notify(t("pf.contact_added"), markup=False)

    def action_file_complaint(self) -> None:
        from closure_tui.tui.modals.contact_form import ComplaintForm

        platform = self.platform
        complaints = complaints_of(closure_app(self))
        if platform is None or complaints is None:
            return
        section = self.query_one(ContactsSection)  # type: ignore[attr-defined]
        chosen = section.highlighted_contact()
        found = complaints.log.breaches()
        mine = [c.id for c in complaints.log.contacts(self.platform_id) if c.id in found]
        cites = [chosen] if chosen is not None else mine
        grounds = complaints.grounds(cites)
        asked = (
            t("pf.complaint_grounds", breaches=breaches_text(grounds, complaints.log.rules))
            if grounds
            else ""
        )
        pid, copy = self.platform_id, self._copy_evidence()
        windows = complaints.windows
        form = ComplaintForm(platform.name, complaints.closures.today(), cites, asked)
        form.saving(
            lambda s, a: Complaints(ContactLog(s), windows).file(pid, a.typed, a.files, copy=copy)
        )
        self.app.push_screen(form, self._complaint_filed)

    def _complaint_filed(self, complaint: Any) -> None:
        if complaint is not None:
            message = t("pf.complaint_filed", date=complaint.reply_by.isoformat())
            self.app.notify(message, markup=False)

    def action_export_pack(self) -> None:
        """From the palette: the complaint pack of this platform, account numbers masked,
        into the documents folder."""
        from closure_tui.tui.exports import Exports

        Exports(self.app).pack(self.platform_id)

    def agreed_in(self, key: StageKey) -> Text:
        """Under the negotiated stage's evidence: the contacts in which it was agreed."""
        log = contact_log(closure_app(self))
        if key is not StageKey.NEGOTIATED or log is None:
            return Text()
        privacy = closure_app(self).privacy
        text = Text()
        for contact in log.agreed_in(self.platform_id):
            when = contact.at.isoformat(sep=" ", timespec="minutes")
            text.append("\n" + t("tui.agreed_in"), style="bold")
            text.append_text(
                plain(f"#{contact.id} {when} {contact_who(contact, reveal=not privacy)}")
            )
        return text
