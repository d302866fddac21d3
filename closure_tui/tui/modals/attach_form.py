"""Attach an evidence file to a stage: a path, completed as it is typed (directories, files)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.suggester import Suggester

from closure_tui.domain.errors import DomainError
from closure_tui.domain.platform import Platform
from closure_tui.domain.stages import StageKey
from closure_tui.i18n import t
from closure_tui.tui.modals.form_kit import FieldRow, FormModal, text_input
from closure_tui.tui.text import plain


class PathSuggester(Suggester):
    """Suggests the first entry of the typed directory that starts with the typed name;
    a directory ends with `/` so the next part can be typed straight on. → accepts."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        folder, _, prefix = value.rpartition(os.sep)
        base = Path(
            os.path.expanduser(folder + os.sep if folder or value.startswith(os.sep) else ".")
        )
        try:
            names = sorted(
                entry.name for entry in os.scandir(base) if entry.name.startswith(prefix)
            )
        except OSError:
            return None
        hidden = prefix.startswith(".")
        for name in names:
            if name == prefix or (name.startswith(".") and not hidden):
                continue
            suffix = os.sep if (base / name).is_dir() else ""
            return value + name[len(prefix) :] + suffix
        return None


class AttachForm(FormModal[str]):
    """Dismisses with the path as typed (`~` allowed); the services check the file."""

    REFUSAL_FIELDS: ClassVar[Mapping[str, str]] = {
        "err.evidence.not_a_file": "attach-path",
        "err.evidence.unreadable": "attach-path",
    }

    def __init__(self, platform: Platform, stage: StageKey) -> None:
        super().__init__()
        self.platform = platform
        self.stage = stage

    def title_text(self) -> Text:
        subject = f"{self.platform.name} · {t(f'stage.{self.stage.value}')}"
        return plain(t("form.attach.title", subject=subject))

    def fields(self) -> ComposeResult:
        yield FieldRow(
            t("form.attach.path"),
            text_input(
                "attach-path", placeholder=t("form.attach.path_hint"), suggester=PathSuggester()
            ),
            hint=t("form.attach.hint"),
        )

    def collect(self) -> str:
        def required(text: str) -> str:
            if not text.strip():
                raise DomainError("err.text.empty", field="evidence_file")
            return text.strip()

        return self.field_value("attach-path", required)
