"""The evidence files of one platform on the platform screen, each with what is on disk now."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from closure_tui.domain.evidence import FileStatus
from closure_tui.domain.text import display_safe
from closure_tui.i18n import t
from closure_tui.services.evidence import check_platform

STYLES = {FileStatus.OK: "green", FileStatus.MISSING: "bold red", FileStatus.CHANGED: "bold red"}


class EvidencePanel(Static):
    """File name, stage, start of the hash and its status; a missing or changed file stands out."""

    DEFAULT_CSS = """
    EvidencePanel { height: auto; padding: 0 1; }
    """

    def __init__(self, platform_id: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.platform_id = platform_id

    def on_mount(self) -> None:
        self.watch(self.app, "data_version", self.reload)
        self.watch(self.app, "language", self.reload, init=False)

    def reload(self, _: object = None) -> None:
        service = self.app.service  # type: ignore[attr-defined]
        platform = service.store.platforms.get(self.platform_id) if service else None
        if platform is None:
            return
        text = Text(no_wrap=True)
        text.append(t("report.files") + "\n", style="bold")
        checks = check_platform(service.store.data_dir, platform)
        if not checks:
            text.append(t("report.none"))
        for check in checks:
            attachment = check.attachment
            text.append(f"{t('stage.' + attachment.stage.value)}  ")
            text.append(display_safe(Path(attachment.path).name))
            text.append(f"  {attachment.sha256[:12]}…  ")
            text.append(t(f"evidence.status.{check.status.value}"), style=STYLES[check.status])
            text.append("\n")
        self.update(text)
