"""Several evidence files in the contact and complaint forms: one per box, a new box
appearing as the last one is typed in, each file hashed and all saved in one change."""

from __future__ import annotations

import hashlib
from pathlib import Path

from closure_tui.domain.clock import FixedClock
from closure_tui.services.complaints import Complaints
from closure_tui.services.contacts import ContactLog
from closure_tui.services.session import closures_session
from closure_tui.tui.modals.contact_form import ComplaintForm, ContactForm
from tests.tui.fixtures_platform import on_platform
from tests.tui.helpers import screen_text

SMALL = (80, 24)


def evidence(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "calls"
    folder.mkdir()
    recording, screenshot = folder / "call.m4a", folder / "sms.png"
    recording.write_bytes(b"a recording")
    screenshot.write_bytes(b"a screenshot")
    return recording, screenshot


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_a_contact_keeps_every_file_typed_one_per_box(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    recording, screenshot = evidence(tmp_path)
    async with on_platform(data_dir, clock, "借呗", lang="zh", size=SMALL) as ui:
        await ui.press("c")
        form = ui.app.screen
        assert isinstance(form, ContactForm)
        assert "每格填一个文件" in str(form.query_one("#contact-files .field-hint").render())
        await ui.tab_to("contact-file-1")
        await ui.press(*str(recording))
        assert "call.m4a" in screen_text(ui.app)
        await ui.press("tab")
        assert ui.app.focused is not None and ui.app.focused.id == "contact-file-2"
        await ui.press(*str(screenshot))
        assert "sms.png" in screen_text(ui.app)
        await ui.press("tab", "ctrl+s")
        assert ui.app.screen is ui.screen
    with closures_session(data_dir, clock, writable=False) as service:
        [contact] = ContactLog(service).contacts()
        kept = [service.store.data_dir / f.stored for f in contact.files if f.stored]
    assert [Path(f.path) for f in contact.files] == [recording, screenshot]
    assert [f.sha256 for f in contact.files] == [sha256(recording), sha256(screenshot)]
    assert [path.read_bytes() for path in kept] == [b"a recording", b"a screenshot"]


async def test_a_missing_file_is_marked_under_its_own_box_and_nothing_is_saved(
    data_dir: Path, clock: FixedClock, tmp_path: Path
) -> None:
    recording, _ = evidence(tmp_path)
    missing = tmp_path / "calls" / "gone.png"
    async with on_platform(data_dir, clock, "借呗", size=SMALL) as ui:
        await ui.press("C")
        form = ui.app.screen
        assert isinstance(form, ComplaintForm)
        await ui.tab_to("complaint-file-1")
        await ui.press(*str(recording), "tab", *str(missing), "tab", "ctrl+s")
        assert ui.app.screen is form
        second = form.query_one("#complaint-file-2").parent
        assert second is not None and second.has_class("-invalid")
        first = form.query_one("#complaint-file-1").parent
        assert first is not None and not first.has_class("-invalid")
        assert ui.app.focused is form.query_one("#complaint-file-2")
        await ui.press("escape")
    with closures_session(data_dir, clock, writable=False) as service:
        assert Complaints(ContactLog(service)).complaints() == []
