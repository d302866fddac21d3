"""The platform screen's contact log and complaint actions: `c` logs a contact, `C` files
a complaint citing the highlighted contact (else every contact in breach), prefilled with
what they breached."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from closure_tui.domain.errors import DomainError
from closure_tui.domain.stages import StageKey
from closure_tui.i18n import describe, t
from closure_tui.services.complaints import Complaints
from closure_tui.services.contact_labels import breaches_text, contact_who
from closure_tui.services.contacts import ContactLog
from closure_tui.tui.text import plain
from closure_tui.tui.widgets.platform_contacts import ContactsSection, complaints_of, contact_log


class ContactActions:
    """Mixed into the platform screen, which provides `platform_id`, `platform`, `app`,
    `stage_key`, `say` and `closure_app`."""

    platform_id: int
    app: Any

    def _copy_evidence(self) -> bool:
        config = getattr(self.app, "config", None)
        return bool(getattr(config, "copy_evidence", True))

    def action_add_contact(self) -> None:
        from closure_tui.tui.modals.contact_form import ContactForm

        platform = getattr(self, "platform", None)
        service = self.app.service
        if platform is None or service is None:
            return
        pid, copy = self.platform_id, self._copy_evidence()
        form = ContactForm(platform.name, service.clock.now(), getattr(self, "stage_key", None))
        form.saving(lambda s, v: ContactLog(s).add(pid, v["typed"], v["files"], copy=copy))
        self.app.push_screen(form, self._contact_added)

    def _contact_added(self, contact: Any) -> None:
        if contact is not None:
            self.app.notify(t("pf.contact_added"), markup=False)

    def action_file_complaint(self) -> None:
        from closure_tui.tui.modals.contact_form import ComplaintForm

        platform = getattr(self, "platform", None)
        complaints = complaints_of(self.app)
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
            lambda s, v: Complaints(ContactLog(s), windows).file(
                pid, v["typed"], v["files"], copy=copy
            )
        )
        self.app.push_screen(form, self._complaint_filed)

    def _complaint_filed(self, complaint: Any) -> None:
        if complaint is not None:
            message = t("pf.complaint_filed", date=complaint.reply_by.isoformat())
            self.app.notify(message, markup=False)

    def action_export_pack(self) -> None:
        """From the palette: the complaint pack of this platform, account numbers masked,
        into the documents folder."""
        from closure_tui.services.pack import build_pack
        from closure_tui.services.reports import save_export
        from closure_tui.tui.history_actions import export_folder

        service = self.app.service
        if service is None:
            return
        stamp = f"{service.clock.now():%Y%m%d-%H%M%S}"
        try:
            target = export_folder() / f"closure-tui-pack-{self.platform_id}-{stamp}.zip"
            content = build_pack(service, self.platform_id, reveal=False)
            written = save_export(target, content, service.data_dir)
        except DomainError as error:
            self.app.notify(describe(error.key, error.params), severity="error", markup=False)
            return
        except OSError as error:
            reason = error.strerror or str(error)
            self.app.notify(t("tui.export_failed", reason=reason), severity="error", markup=False)
            return
        self.app.notify(t("tui.exported", path=str(written)), timeout=15, markup=False)

    def agreed_in(self, key: StageKey) -> Text:
        """Under the negotiated stage's evidence: the contacts in which it was agreed."""
        log = contact_log(self.app)
        if key is not StageKey.NEGOTIATED or log is None:
            return Text()
        privacy = bool(getattr(self.app, "privacy", False))
        text = Text()
        for contact in log.agreed_in(self.platform_id):
            when = contact.at.isoformat(sep=" ", timespec="minutes")
            text.append("\n" + t("tui.agreed_in"), style="bold")
            text.append_text(
                plain(f"#{contact.id} {when} {contact_who(contact, reveal=not privacy)}")
            )
        return text
