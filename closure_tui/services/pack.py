"""The complaint pack: one zip holding what a complaint portal asks to upload.

`report.md` and a self-contained `report.html` (prints well) of one platform (settlement,
payments, certificate, contacts with their breaches, complaints), every evidence file
the record cites under a stable name in `evidence/`, and `SHA256SUMS` over all of it.
Account numbers are masked unless revealed. Only files whose bytes still match the hash
taken when they were attached go in; the others are named in the report as left out.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.complaints import Complaints
from closure_tui.services.contacts import ContactLog
from closure_tui.services.report_contacts import md_cell
from closure_tui.services.reports import export_md, report_input

#: Zip entries carry this time, so the same record packs to the same bytes.
_EPOCH = (1980, 1, 1, 0, 0, 0)
_UNSAFE = re.compile(r"[^\w.\-]+")

_CSS = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
code { font-size: 0.8rem; word-break: break-all; }
h2 { border-bottom: 2px solid #333; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; }
               tr { break-inside: avoid; } }
"""


class Cited(NamedTuple):
    """One evidence file the record cites: what it is for, where it is, its recorded hash."""

    label: str
    name: str
    source: Path
    sha256: str


def _cited(service: Closures, platform_id: int) -> Iterator[Cited]:
    data_dir = service.store.data_dir
    platform = service.get(platform_id)
    for attachment in platform.attachments:
        source = data_dir / attachment.stored if attachment.stored else Path(attachment.path)
        label = f"stage-{attachment.stage.value}"
        yield Cited(label, Path(attachment.path).name, source, attachment.sha256)
    log = ContactLog(service)
    complaints = Complaints(log).complaints(platform_id)
    cited_ids = {contact_id for complaint in complaints for contact_id in complaint.cites}
    for contact in log.contacts(platform_id):
        if contact.id in cited_ids:
            for ref in contact.files:
                source = data_dir / ref.stored if ref.stored else Path(ref.path)
                yield Cited(f"contact-{contact.id}", Path(ref.path).name, source, ref.sha256)
    for complaint in complaints:
        for ref in complaint.files:
            source = data_dir / ref.stored if ref.stored else Path(ref.path)
            yield Cited(f"complaint-{complaint.id}", Path(ref.path).name, source, ref.sha256)


def _read_matching(cited: Cited) -> bytes | None:
    """The file's bytes when they still hash to what was recorded (else None)."""
    try:
        content = cited.source.read_bytes()
    except OSError:
        return None
    return content if hashlib.sha256(content).hexdigest() == cited.sha256 else None


def _files_section(packed: list[tuple[str, Cited]], left_out: list[Cited]) -> list[str]:
    lines = [f"## {t('pack.files')}", ""]
    if not packed and not left_out:
        return [*lines, t("report.none"), ""]
    for name, cited in packed:
        lines.append(f"- `{name}` — {md_cell(cited.name)} — SHA-256 `{cited.sha256}`")
    for cited in left_out:
        lines.append(f"- **{t('pack.left_out', file=md_cell(cited.name))}**")
    return [*lines, ""]


def to_html(markdown: str, title: str) -> bytes:
    """A self-contained page: tables kept, any HTML in user text shown as text."""
    from html import escape

    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>\n"
        f"<body>\n{body}</body></html>\n"
    )
    return page.encode("utf-8")


def _entry(archive: zipfile.ZipFile, name: str, content: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    archive.writestr(info, content)


def build_pack(service: Closures, platform_id: int, *, reveal: bool) -> bytes:
    """The zip's bytes for one platform."""
    packed: list[tuple[str, Cited]] = []
    left_out: list[Cited] = []
    contents: dict[str, bytes] = {}
    for index, cited in enumerate(_cited(service, platform_id), start=1):
        content = _read_matching(cited)
        if content is None:
            left_out.append(cited)
            continue
        safe = _UNSAFE.sub("_", display_safe(cited.name))[-80:] or "file"
        name = f"evidence/{index:02d}-{cited.label}-{safe}"
        packed.append((name, cited))
        contents[name] = content
    report = export_md(report_input(service, platform_id, reveal=reveal)).decode("utf-8")
    markdown = report + "\n" + "\n".join(_files_section(packed, left_out))
    title = display_safe(service.get(platform_id).name)
    documents = {"report.md": markdown.encode("utf-8"), "report.html": to_html(markdown, title)}
    everything = {**documents, **contents}
    sums = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in everything.items()
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in everything.items():
            _entry(archive, name, data)
        _entry(archive, "SHA256SUMS", sums.encode("utf-8"))
    return buffer.getvalue()
