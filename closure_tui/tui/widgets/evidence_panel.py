"""The evidence files of one platform on the platform screen, each with what is on disk now."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from closure_tui.domain.evidence import FileStatus
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.closures import Closures
from closure_tui.services.evidence import check_platform
from closure_tui.tui.widgets.platform_panel import PlatformPanel

STYLES = {FileStatus.OK: "green", FileStatus.MISSING: "bold red", FileStatus.CHANGED: "bold red"}


class EvidencePanel(PlatformPanel):
    """File name, stage, start of the hash and its status; a missing or changed file stands out."""

    def build(self, service: Closures) -> Text:
        platform = service.get(self.platform_id)
        text = Text(no_wrap=True)
        text.append(t("report.files") + "\n", style="bold")
        checks = check_platform(service.data_dir, platform)
        if not checks:
            text.append(t("report.none"))
        for check in checks:
            attachment = check.attachment
            text.append(f"{t('stage.' + attachment.stage.value)}  ")
            text.append(display_safe(Path(attachment.path).name))
            text.append(f"  {attachment.sha256[:12]}…  ")
            text.append(t(f"evidence.status.{check.status.value}"), style=STYLES[check.status])
            text.append("\n")
        return text
