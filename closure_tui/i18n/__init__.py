"""One catalogue of UI text in Simplified Chinese and English.

Every key lives in one of the `catalog_*` modules as `key: (zh, en)`. The
language is chosen once per process (`--lang`, else the locale, else English)
and can be switched at run time by the TUI.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from closure_tui.i18n.catalog_cli import CLI
from closure_tui.i18n.catalog_cli_parser import ARGPARSE, CLI_PARSER
from closure_tui.i18n.catalog_config import CONFIG
from closure_tui.i18n.catalog_contacts import CONTACTS
from closure_tui.i18n.catalog_credit_report import CREDIT_REPORT
from closure_tui.i18n.catalog_doctor import DOCTOR
from closure_tui.i18n.catalog_domain import DOMAIN
from closure_tui.i18n.catalog_evidence import EVIDENCE
from closure_tui.i18n.catalog_exports import EXPORTS
from closure_tui.i18n.catalog_followups import FOLLOWUPS
from closure_tui.i18n.catalog_forms import FORMS
from closure_tui.i18n.catalog_history import HISTORY
from closure_tui.i18n.catalog_integrity import INTEGRITY
from closure_tui.i18n.catalog_reading import READING
from closure_tui.i18n.catalog_records import RECORDS
from closure_tui.i18n.catalog_reminders import REMINDERS, TUI_REMINDERS
from closure_tui.i18n.catalog_store import STORE
from closure_tui.i18n.catalog_tui import TUI
from closure_tui.i18n.catalog_tui_contacts import TUI_CONTACTS
from closure_tui.i18n.catalog_tui_platform import TUI_PLATFORM

LANGS = ("zh", "en")
_CATALOGUES: tuple[Mapping[str, tuple[str, str]], ...] = (
    DOMAIN,
    STORE,
    CLI,
    CLI_PARSER,
    ARGPARSE,
    TUI,
    TUI_PLATFORM,
    REMINDERS,
    TUI_REMINDERS,
    EVIDENCE,
    DOCTOR,
    HISTORY,
    READING,
    EXPORTS,
    FORMS,
    FOLLOWUPS,
    INTEGRITY,
    RECORDS,
    CONTACTS,
    TUI_CONTACTS,
    CREDIT_REPORT,
    CONFIG,
)
CATALOGUE: dict[str, tuple[str, str]] = {}


def register(entries: Mapping[str, tuple[str, str]]) -> None:
    """Add a catalogue part (the TUI registers its own when it is imported)."""
    for key, pair in entries.items():
        if key in CATALOGUE and CATALOGUE[key] != pair:
            raise ValueError(f"catalogue key {key!r} defined twice")
        CATALOGUE[key] = pair


for _part in _CATALOGUES:
    register(_part)

_state = {"lang": "en"}


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """zh when LC_ALL / LC_MESSAGES / LANG (first one set) starts with `zh`, else en."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(lang)
    _state["lang"] = lang


def current_language() -> str:
    return _state["lang"]


def t(key: str, /, **params: Any) -> str:
    """The text for `key` in the current language, with `{name}` parameters filled in."""
    pair = CATALOGUE.get(key)
    if pair is None:
        return key
    text = pair[0] if _state["lang"] == "zh" else pair[1]
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def tn(key: str, count: int, /, **params: Any) -> str:
    """`key.one` when `count` is 1 and the entry exists ("1 platform"), else `key`."""
    chosen = f"{key}.one" if count == 1 and f"{key}.one" in CATALOGUE else key
    return t(chosen, count=count, **params)


def describe(key: str, params: Mapping[str, Any] | None = None) -> str:
    """Translate a domain/store problem; `field`, `stage` and the parameters holding a
    status or kind (`_NAMED_VALUES`) are translated too."""
    values = dict(params or {})
    field = values.get("field")
    if isinstance(field, str):
        values["field"] = t(field if field.startswith("ev.") else f"field.{field}")
    stage = values.get("stage")
    if isinstance(stage, str) and f"stage.{stage}" in CATALOGUE:
        values["stage"] = t(f"stage.{stage}")
    for name, prefix in _NAMED_VALUES.items():
        if isinstance(values.get(name), str):
            values[name] = t(f"{prefix}{values[name]}")
    return t(key, **values)


#: Problem parameters that hold a value's key, and where its words are in the catalogue.
_NAMED_VALUES = {
    "from_status": "dispute.status.",
    "to_status": "dispute.status.",
    "complaint_now": "complaint.status.",
    "complaint_to": "complaint.status.",
    "followup": "reminder.kind.",
}
