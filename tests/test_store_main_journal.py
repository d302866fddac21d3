"""`closure.json` keeps its changes in segments too: a tick appends, it rewrites nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.i18n import t
from closure_tui.services.session import closures_session
from closure_tui.store import datafiles, journal
from closure_tui.store import store as store_module
from closure_tui.store.datafiles import HISTORY_FILE, MAIN_FILE, NOTES_FILE, check_file
from closure_tui.store.schema import CURRENT_SCHEMA, schema_version
from tests.store_helpers import stored, v1_platform, write_json
from tests.storekit import populate


def _segments(data_dir: Path) -> list[Path]:
    return [path for _, path in journal.segments(data_dir, MAIN_FILE)]


def test_a_tick_appends_to_a_segment_and_replaces_no_file(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(data_dir, clock)
    base = (data_dir / MAIN_FILE).read_bytes()
    with closures_session(data_dir, clock, writable=True) as service:
        service.store.ensure_backup()  # the run's backup, before the change measured
        replaced: list[str] = []
        real = os.replace

        def replace(source: object, target: object) -> None:
            replaced.append(Path(str(target)).name)
            real(source, target)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", replace)
        service.tick(2, StageKey.NEGOTIATED, "2026-11-20")
        monkeypatch.undo()
    assert replaced == []  # neither closure.json, nor the history, nor the record of files
    assert (data_dir / MAIN_FILE).read_bytes() == base
    saved = stored(data_dir, MAIN_FILE)["platforms"]["2"]["stages"]["negotiated"]
    assert saved["state"] == "done" and saved["done_on"] == "2026-11-20"
    with closures_session(data_dir, clock, writable=False) as service:
        ticked = service.resolve("2").stage(StageKey.NEGOTIATED)
        assert ticked.state is StageState.DONE
        assert service.history.events(2)[-1].action == "stage.tick"


def test_the_segments_are_folded_into_closure_json_as_a_run_ends_once_grown(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(data_dir, clock)
    monkeypatch.setattr(store_module, "MAIN_FOLD_AFTER", 2000)
    with closures_session(data_dir, clock, writable=True) as service:
        for round_ in range(6):
            service.edit_platform(1, hotline=f"9518{round_}")
        assert sum(path.stat().st_size for path in _segments(data_dir)) > 2000
    [fresh] = _segments(data_dir)
    assert fresh.stat().st_size < 2000
    base = json.loads((data_dir / MAIN_FILE).read_bytes())
    assert base["platforms"]["1"]["hotline"] == "95185"
    assert check_file(data_dir / MAIN_FILE) == []


def test_a_store_of_the_previous_version_is_migrated_and_then_refused_by_it(
    data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    v2 = {"_meta": {"1": {"schema": 2, "next_platforms": 2}}}
    write_json(data_dir / MAIN_FILE, {**v2, "platforms": {"1": v1_platform("借呗")}})
    with closures_session(data_dir, clock, writable=True) as service:
        service.tick(1, StageKey.NEGOTIATED)
    for name in (MAIN_FILE, NOTES_FILE, HISTORY_FILE):
        base = json.loads((data_dir / name).read_bytes())
        assert schema_version(base) == CURRENT_SCHEMA == 3
    assert stored(data_dir, MAIN_FILE)["platforms"]["1"]["stages"]["negotiated"]["state"] == "done"
    monkeypatch.setattr(datafiles, "CURRENT_SCHEMA", 2)  # as the previous version judges it
    assert check_file(data_dir / MAIN_FILE) == [t("err.file.too_new", version=3, current=2)]
