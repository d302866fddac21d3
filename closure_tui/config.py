"""The user's `config.toml`: theme, language, keymap and follow-up offsets.

A bad file never stops the app: problems are collected for a message and the
defaults are used. Updates keep the user's comments and layout (tomlkit) and are
written atomically, owner-only.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from closure_tui.config_conduct import parse_complaints, parse_conduct
from closure_tui.domain.complaint_channels import ReplyWindows
from closure_tui.domain.conduct_rules import ConductRules
from closure_tui.domain.errors import Problem
from closure_tui.domain.followups import FollowUpOffsets

LANGS = ("zh", "en")


class Config(NamedTuple):
    """The user's settings from `config.toml`; every one has a default. Read at every
    start: a NamedTuple (see `closure_tui.store.store.Notice`)."""

    theme: str | None = None
    language: str | None = None
    keymap: Mapping[str, str] = MappingProxyType({})
    followups: FollowUpOffsets = FollowUpOffsets()
    copy_evidence: bool = True
    conduct: ConductRules = ConductRules()
    reply_windows: ReplyWindows = ReplyWindows()


class Loaded(NamedTuple):
    """The settings to use, and what was wrong with the file (defaults stand in); a
    NamedTuple (see `closure_tui.store.store.Notice`)."""

    config: Config
    problems: list[Problem]


def _followups(raw: Any, problems: list[Problem]) -> FollowUpOffsets:
    if not isinstance(raw, dict):
        problems.append(Problem("cfg.table", {"name": "reminders"}))
        return FollowUpOffsets()
    values: dict[str, int] = {}
    for key in FollowUpOffsets._fields:
        if key not in raw:
            continue
        value = raw[key]
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 3650:
            values[key] = value
        else:
            name = f"reminders.{key}"
            problems.append(Problem("cfg.days", {"name": name, "low": 0, "high": 3650}))
    return FollowUpOffsets(**values)


def parse_config(raw: dict[str, Any]) -> Loaded:
    problems: list[Problem] = []
    theme = raw.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(Problem("cfg.text", {"name": "theme"}))
        theme = None
    language = raw.get("language")
    if language is not None and language not in LANGS:
        problems.append(Problem("cfg.choice", {"name": "language", "choices": "zh, en"}))
        language = None
    keymap_raw = raw.get("keymap", {})
    keymap: dict[str, str] = {}
    if isinstance(keymap_raw, dict):
        for binding_id, keys in keymap_raw.items():
            if isinstance(keys, str) and keys.strip():
                keymap[str(binding_id)] = keys.strip()
            else:
                problems.append(Problem("cfg.key", {"name": f"keymap.{binding_id}"}))
    else:
        problems.append(Problem("cfg.table", {"name": "keymap"}))
    copy_evidence = raw.get("copy_evidence", True)
    if not isinstance(copy_evidence, bool):
        problems.append(Problem("cfg.bool", {"name": "copy_evidence"}))
        copy_evidence = True
    config = Config(
        theme=theme,
        language=language,
        keymap=keymap,
        followups=_followups(raw.get("reminders", {}), problems),
        copy_evidence=copy_evidence,
        conduct=parse_conduct(raw.get("conduct", {}), problems),
        reply_windows=parse_complaints(raw.get("complaints", {}), problems),
    )
    return Loaded(config, problems)


def _unreadable(path: Path, error: Exception) -> Problem:
    return Problem("cfg.unreadable", {"path": str(path), "error": str(error)})


def load_config(path: Path) -> Loaded:
    """Read `path`; a missing file is the defaults, a broken one the defaults plus a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(Config(), [])
    except (OSError, UnicodeDecodeError) as error:
        return Loaded(Config(), [_unreadable(path, error)])
    import tomllib  # only when there is a file: most start-ups have none to parse

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Loaded(Config(), [_unreadable(path, error)])
    except RecursionError:
        # Nesting deep enough to exhaust the recursion limit is reported, not a crash.
        return Loaded(Config(), [Problem("cfg.too_deep", {"path": str(path)})])
    return parse_config(raw)


def save_settings(path: Path, **settings: str) -> None:
    """Set top-level keys (e.g. theme, language), keeping everything else in the file."""
    import tomlkit

    from closure_tui.store.fsutil import atomic_write, ensure_private_dir

    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    except (OSError, UnicodeDecodeError, RecursionError, tomlkit.exceptions.TOMLKitError):
        return
    for key, value in settings.items():
        document[key] = value
    ensure_private_dir(path.parent)
    atomic_write(path, tomlkit.dumps(document).encode("utf-8"))
