"""Damaged files are refused untouched; old schemas migrate after a backup; unknown keys live on."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.platform import Payment
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.store import schema
from closure_tui.store.backups import list_snapshots
from closure_tui.store.errors import StoreDamaged, StoreTooNew
from closure_tui.store.store import MAIN_FILE, NOTES_FILE
from tests.store_helpers import add_platform, opened, stored, v1_file, v1_platform

GOOD_MAIN = json.dumps(v1_file({"1": v1_platform()})).encode()
GOOD_NOTES = json.dumps(
    {
        "_meta": {"1": {"schema": 1}},
        "notes": {"1": {"platform_id": 1, "created": "2026-01-02T10:00:00", "text": "hi"}},
    }
).encode()


def _main(**doc: Any) -> bytes:
    return json.dumps(v1_file({"1": v1_platform(**doc)})).encode()


def _note(**doc: Any) -> bytes:
    note = {"platform_id": 1, "created": "2026-01-02T10:00:00", "text": "hi", **doc}
    return json.dumps({"_meta": {"1": {"schema": 1}}, "notes": {"1": note}}).encode()


BYTES_DAMAGE = {
    "empty": b"",
    "whitespace": b"  \n",
    "truncated": GOOD_MAIN[: len(GOOD_MAIN) // 2],
    "garbage": b"\x00\x01PK\x03\x04 not json",
    "list": b"[]",
    "null": b"null",
    "string": b'"closure"',
    "invalid_utf8": b'{"platforms":{"1":{"name":"\xff\xfe"}}}',
    "nan": b'{"_meta":{"1":{"schema":1}},"x":NaN}',
    "infinity": b'{"_meta":{"1":{"schema":1}},"x":-Infinity}',
    "duplicate_key": b'{"_meta":{"1":{"schema":1}},"_meta":{"1":{"schema":1}}}',
    "meta_not_object": b'{"_meta":[1]}',
    "schema_not_int": b'{"_meta":{"1":{"schema":"1"}}}',
    "schema_negative": b'{"_meta":{"1":{"schema":-1}}}',
}
MAIN_DAMAGE = {
    **BYTES_DAMAGE,
    "platforms_list": json.dumps(v1_file() | {"platforms": []}).encode(),
    "record_not_object": json.dumps(v1_file({"1": "借呗"})).encode(),
    "id_not_number": json.dumps(v1_file({"one": v1_platform()})).encode(),
    "name_number": _main(name=5),
    "name_missing": _main(name=""),
    "amount_number": _main(original=1000),
    "amount_exponent": _main(settled="1e3"),
    "amount_negative": _main(settled="-5.00"),
    "kind_unknown": _main(kind="payday"),
    "created_impossible": _main(created_on="2026-02-30"),
    "stages_list": _main(stages=[]),
    "state_unknown": _main(stages={"paid": {"state": "half"}}),
    "done_on_number": _main(stages={"paid": {"state": "done", "done_on": 20260101}}),
    "evidence_bool_text": _main(stages={"certificate": {"evidence": {"stamped": "yes"}}}),
    "payments_not_list": _main(stages={"paid": {"payments": {}}}),
    "payment_without_date": _main(stages={"paid": {"payments": [{"amount": "1.00"}]}}),
    "payee_not_object": _main(stages={"paid": {"payee": "someone"}}),
}
NOTES_DAMAGE = {
    **BYTES_DAMAGE,
    "notes_list": b'{"_meta":{"1":{"schema":1}},"notes":[]}',
    "text_number": _note(text=5),
    "platform_id_text": _note(platform_id="1"),
    "platform_id_bool": _note(platform_id=True),
    "created_garbage": _note(created="yesterday-ish"),
    "stage_unknown": _note(stage="done"),
}


def _check_refused(data_dir: Path, clock: FixedClock, name: str, raw: bytes) -> None:
    data_dir.mkdir(mode=0o700)
    other = NOTES_FILE if name == MAIN_FILE else MAIN_FILE
    (data_dir / name).write_bytes(raw)
    (data_dir / other).write_bytes(GOOD_NOTES if other == NOTES_FILE else GOOD_MAIN)
    for writable in (False, True):
        with pytest.raises(StoreDamaged) as caught:
            opened(data_dir, clock, writable=writable).__enter__()
        assert caught.value.path == data_dir / name
        assert caught.value.problems
        assert caught.value.backups == data_dir / "backups"
    assert (data_dir / name).read_bytes() == raw
    assert not (data_dir / "backups").exists()
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(["closure.lock", name, other])


@pytest.mark.parametrize("raw", MAIN_DAMAGE.values(), ids=MAIN_DAMAGE.keys())
def test_damaged_main_file_is_refused_and_untouched(
    data_dir: Path, clock: FixedClock, raw: bytes
) -> None:
    _check_refused(data_dir, clock, MAIN_FILE, raw)


@pytest.mark.parametrize("raw", NOTES_DAMAGE.values(), ids=NOTES_DAMAGE.keys())
def test_damaged_notes_file_is_refused_and_untouched(
    data_dir: Path, clock: FixedClock, raw: bytes
) -> None:
    _check_refused(data_dir, clock, NOTES_FILE, raw)


def test_good_fixtures_really_are_good(data_dir: Path, clock: FixedClock) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / MAIN_FILE).write_bytes(GOOD_MAIN)
    (data_dir / NOTES_FILE).write_bytes(GOOD_NOTES)
    with opened(data_dir, clock) as store:
        assert [p.name for p in store.platforms] == ["借呗"]
        assert [n.text for n in store.notes] == ["hi"]


def test_a_newer_schema_is_refused_as_too_new(data_dir: Path, clock: FixedClock) -> None:
    raw = json.dumps({"_meta": {"1": {"schema": schema.CURRENT_SCHEMA + 1}}}).encode()
    data_dir.mkdir(mode=0o700)
    (data_dir / MAIN_FILE).write_bytes(raw)
    with pytest.raises(StoreTooNew):
        opened(data_dir, clock).__enter__()
    assert (data_dir / MAIN_FILE).read_bytes() == raw


def test_every_old_version_has_a_migration() -> None:
    assert sorted(schema.MIGRATIONS) == list(range(schema.CURRENT_SCHEMA))


V0_MAIN = {"platforms": {"4": v1_platform("花呗", colour="红")}, "reminders": {}}
V0_NOTES = {"notes": {"2": {"platform_id": 4, "created": "2026-01-02T10:00:00", "text": "录音"}}}


def test_schema_0_is_migrated_after_a_backup(data_dir: Path, clock: FixedClock) -> None:
    data_dir.mkdir(mode=0o700)
    main_raw = json.dumps(V0_MAIN, ensure_ascii=False).encode()
    notes_raw = json.dumps(V0_NOTES, ensure_ascii=False).encode()
    (data_dir / MAIN_FILE).write_bytes(main_raw)
    (data_dir / NOTES_FILE).write_bytes(notes_raw)
    with opened(data_dir, clock) as store:
        assert [(p.id, p.name) for p in store.platforms] == [(4, "花呗")]
        assert store.meta()["schema"] == schema.CURRENT_SCHEMA
    [snapshot] = list_snapshots(data_dir)
    assert (snapshot.path / MAIN_FILE).read_bytes() == main_raw
    assert (snapshot.path / NOTES_FILE).read_bytes() == notes_raw
    for name in (MAIN_FILE, NOTES_FILE):
        migrated = json.loads((data_dir / name).read_text(encoding="utf-8"))
        assert schema.schema_version(migrated) == schema.CURRENT_SCHEMA
    migrated_main = json.loads((data_dir / MAIN_FILE).read_text(encoding="utf-8"))
    assert migrated_main["platforms"]["4"]["colour"] == "红"
    assert migrated_main["_meta"]["1"]["next_platforms"] == 5
    with opened(data_dir, clock) as store:
        assert add_platform(store, "借呗").id == 5
        assert store.notes.next_id() == 3


def test_a_reader_migrates_in_memory_only(data_dir: Path, clock: FixedClock) -> None:
    data_dir.mkdir(mode=0o700)
    raw = json.dumps(V0_MAIN, ensure_ascii=False).encode()
    (data_dir / MAIN_FILE).write_bytes(raw)
    with opened(data_dir, clock, writable=False) as store:
        assert [p.name for p in store.platforms] == ["花呗"]
    assert (data_dir / MAIN_FILE).read_bytes() == raw


def test_unknown_keys_survive_load_and_save(data_dir: Path, clock: FixedClock) -> None:
    platform = v1_platform(
        "借呗",
        colour="红",
        stages={
            "paid": {
                "state": "todo",
                "receipt_photo": "a.jpg",
                "evidence": {"x": 1},
                "payments": [
                    {"amount": "1.00", "on": "2026-01-03", "reference": "", "scan": "1.png"},
                    {"amount": "2.00", "on": "2026-01-04", "reference": "", "scan": "2.png"},
                ],
            },
            "certificate": {"evidence": {"stamped": True, "scan": {"pages": 2}}},
            "report_checked": {"state": "done", "done_on": "2026-03-01"},
        },
    )
    main = v1_file({"1": platform}, future_table={"1": {"anything": [1, 2]}}, comment="手改过")
    main["_meta"]["1"]["written_by"] = "closure-tui 9.9"
    notes = {
        "_meta": {"1": {"schema": 1}},
        "notes": {
            "1": {"platform_id": 1, "created": "2026-01-02T10:00:00", "text": "a", "mood": 3}
        },
        "attachments": {},
    }
    data_dir.mkdir(mode=0o700)
    (data_dir / MAIN_FILE).write_text(json.dumps(main, ensure_ascii=False), encoding="utf-8")
    (data_dir / NOTES_FILE).write_text(json.dumps(notes, ensure_ascii=False), encoding="utf-8")
    with opened(data_dir, clock) as store:
        loaded = store.platforms.get(1)
        assert loaded is not None
        paid = replace(
            loaded.stage(StageKey.PAID), state=StageState.DONE, done_on=clock.now().date()
        )
        extra = Payment(Decimal("3.00"), clock.now().date())
        payments = (*loaded.payments[1:], extra)
        store.platforms.put(replace(loaded.with_stage(paid), payments=payments))
        add_platform(store, "花呗")
        store.notes.insert(lambda new_id: replace(store.notes.get(1), id=new_id))  # type: ignore[arg-type]
    saved = stored(data_dir, MAIN_FILE)
    assert saved["future_table"] == {"1": {"anything": [1, 2]}}
    assert saved["comment"] == "手改过"
    assert saved["_meta"]["1"]["written_by"] == "closure-tui 9.9"
    doc = saved["platforms"]["1"]
    assert doc["colour"] == "红"
    assert doc["stages"]["paid"]["receipt_photo"] == "a.jpg"
    assert doc["stages"]["paid"]["state"] == "done"
    assert doc["stages"]["paid"]["evidence"] == {"x": 1}
    assert [(p["amount"], p.get("scan")) for p in doc["stages"]["paid"]["payments"]] == [
        ("2.00", "2.png"),
        ("3.00", None),
    ]
    assert doc["stages"]["certificate"]["evidence"]["scan"] == {"pages": 2}
    assert doc["stages"]["report_checked"] == {"state": "done", "done_on": "2026-03-01"}
    saved_notes = json.loads((data_dir / NOTES_FILE).read_text(encoding="utf-8"))
    assert saved_notes["notes"]["1"]["mood"] == 3
    assert saved_notes["attachments"] == {}
