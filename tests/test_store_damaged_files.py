"""Damaged data files: no traceback, never written over, the way back named, nothing dropped.

Broad sweep: many kinds of damage to a real file and a byte-flip fuzz of it.
"""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from closure_tui import i18n
from closure_tui.cli.render import list_text, show_text
from closure_tui.domain.clock import FixedClock
from closure_tui.domain.errors import DomainError
from closure_tui.services.closures import Closures
from closure_tui.store.errors import StoreDamaged, StoreError
from closure_tui.store.schema import CURRENT_SCHEMA
from closure_tui.store.store import MAIN_FILE, NOTES_FILE, Store
from tests.store_helpers import compacted
from tests.storekit import RESTORE_HINT, cli, file_bytes, populate

FUZZ_VARIANTS = 520
SCHEMA = b'"schema":%d' % CURRENT_SCHEMA


def _mutate_json(raw: bytes, change: Callable[[dict], None]) -> bytes:
    data = json.loads(raw)
    change(data)
    return json.dumps(data, ensure_ascii=False).encode()


def _first_platform(data: dict) -> dict:
    return data["platforms"]["1"]


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "truncated_one_byte": lambda raw: raw[:-1],
    "trailing_garbage": lambda raw: raw + b"\n}garbage",
    "second_document": lambda raw: raw + raw,
    "all_nul": lambda raw: b"\0" * len(raw),
    "empty": lambda raw: b"",
    "whitespace": lambda raw: b"  \n",
    "list_at_top": lambda raw: b"[" + raw + b"]",
    "null_at_top": lambda raw: b"null",
    "string_at_top": lambda raw: b'"closure"',
    "invalid_utf8": lambda raw: raw.replace("借呗".encode(), b"\xff\xfe\xc3"),
    "utf16": lambda raw: raw.decode().encode("utf-16"),
    "nan_token": lambda raw: raw.replace(b'"next_platforms":4', b'"next_platforms":NaN'),
    "infinity_token": lambda raw: raw.replace(SCHEMA, b'"schema":Infinity'),
    "overflowing_float": lambda raw: _mutate_json(
        raw, lambda d: _first_platform(d).update(extra=1.5)
    ).replace(b"1.5", b"1e999"),
    "huge_integer": lambda raw: _mutate_json(
        raw, lambda d: d["_meta"]["1"].update(next_platforms=7)
    ).replace(b'"next_platforms": 7', b'"next_platforms": ' + b"9" * 5000),
    "deep_nesting": lambda raw: b"[" * 100_000 + b"]" * 100_000,
    "duplicate_ids": lambda raw: raw.replace(b'"platforms":{', b'"platforms":{"1":{},', 1),
    "duplicate_keys": lambda raw: raw.replace(b'"name":"', b'"name":"x","name":"', 1),
    "non_ascii_digit_id": lambda raw: _mutate_json(
        raw, lambda d: d["platforms"].update({"١": _first_platform(d)})
    ),
    "name_wrong_type": lambda raw: _mutate_json(raw, lambda d: _first_platform(d).update(name=5)),
    "stages_wrong_type": lambda raw: _mutate_json(
        raw, lambda d: _first_platform(d).update(stages=[1, 2])
    ),
    "state_unknown": lambda raw: _mutate_json(
        raw, lambda d: _first_platform(d)["stages"]["paid"].update(state="maybe")
    ),
    "money_bad": lambda raw: _mutate_json(raw, lambda d: _first_platform(d).update(settled="NaN")),
    "money_number": lambda raw: _mutate_json(raw, lambda d: _first_platform(d).update(settled=8)),
    "date_bad": lambda raw: _mutate_json(
        raw, lambda d: _first_platform(d).update(created_on="2026-02-30")
    ),
    "bool_as_string": lambda raw: _mutate_json(
        raw,
        lambda d: d["platforms"]["2"]["stages"]["certificate"]["evidence"].update(stamped="yes"),
    ),
    "payments_not_list": lambda raw: _mutate_json(
        raw, lambda d: _first_platform(d)["stages"]["paid"].update(payments={"a": 1})
    ),
    "record_is_list": lambda raw: _mutate_json(raw, lambda d: d["platforms"].update({"2": []})),
    "table_is_list": lambda raw: _mutate_json(raw, lambda d: d.update(platforms=[])),
    "meta_is_list": lambda raw: _mutate_json(raw, lambda d: d.update(_meta=[])),
    "schema_string": lambda raw: _mutate_json(raw, lambda d: d["_meta"]["1"].update(schema="1")),
    "counter_string": lambda raw: _mutate_json(
        raw, lambda d: d["_meta"]["1"].update(next_platforms="4")
    ),
    "counter_bool": lambda raw: _mutate_json(
        raw, lambda d: d["_meta"]["1"].update(next_platforms=True)
    ),
}


@pytest.fixture
def real_file(data_dir: Path, clock: FixedClock) -> bytes:
    populate(data_dir, clock)
    compacted(data_dir, clock)  # the base holds every record, so damaging it damages them
    return (data_dir / MAIN_FILE).read_bytes()


def _open_and_use(data_dir: Path, clock: FixedClock) -> StoreError | None:
    """Open writable and use everything; return the refusal, or None when the file was usable.

    Anything other than a `StoreError` (or a `DomainError` from a rule) escapes and fails.
    """
    try:
        store = Store.open(data_dir, clock, writable=True)
    except StoreError as error:
        return error
    try:
        service = Closures(store, clock)
        platforms = service.platforms()
        list_text(platforms)
        for platform in platforms:
            show_text(platform, service.notes(platform.id), reveal=True)
        with contextlib.suppress(DomainError):
            service.add_platform("fuzz-probe")
    finally:
        store.close()
    return None


def _assert_refused_well(error: StoreError, data_dir: Path, before: bytes) -> None:
    message = i18n.t(error.key, **error.params())
    assert RESTORE_HINT in message
    assert (data_dir / MAIN_FILE).read_bytes() == before


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_main_file_is_refused_and_left_alone(
    damage: str, real_file: bytes, data_dir: Path, clock: FixedClock
) -> None:
    damaged = DAMAGE[damage](real_file)
    assert damaged != real_file
    (data_dir / MAIN_FILE).write_bytes(damaged)
    error = _open_and_use(data_dir, clock)
    assert isinstance(error, StoreDamaged), damage
    _assert_refused_well(error, data_dir, damaged)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_damage_message_names_restore_in_both_languages(
    lang: str, real_file: bytes, data_dir: Path, clock: FixedClock
) -> None:
    (data_dir / MAIN_FILE).write_bytes(b"null")
    i18n.set_language(lang)
    error = _open_and_use(data_dir, clock)
    assert error is not None
    assert RESTORE_HINT in i18n.t(error.key, **error.params())


def test_a_record_failing_validation_is_named_not_dropped(
    real_file: bytes, data_dir: Path, clock: FixedClock
) -> None:
    (data_dir / MAIN_FILE).write_bytes(DAMAGE["money_bad"](real_file))
    for writable in (True, False):
        with pytest.raises(StoreDamaged) as caught:
            Store.open(data_dir, clock, writable=writable)
        assert any(problem.startswith("platforms #1") for problem in caught.value.problems)


def test_damaged_notes_file_blocks_writes_too(
    real_file: bytes, data_dir: Path, clock: FixedClock
) -> None:
    notes = data_dir / NOTES_FILE
    notes.write_bytes(notes.read_bytes()[:-3])
    before = file_bytes(data_dir)
    error = _open_and_use(data_dir, clock)
    assert isinstance(error, StoreDamaged)
    assert error.path == notes
    assert file_bytes(data_dir) == before


def test_byte_flip_fuzz_never_crashes_or_overwrites(
    real_file: bytes, data_dir: Path, clock: FixedClock
) -> None:
    """Every variant either opens and works completely, or is refused with the way back."""
    rng = random.Random(20261129)
    outcomes = {"refused": 0, "usable": 0}
    for _ in range(FUZZ_VARIANTS):
        variant = bytearray(real_file)
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            position = rng.randrange(len(variant))
            variant[position] ^= 1 << rng.randrange(8)
        raw = bytes(variant)
        (data_dir / MAIN_FILE).write_bytes(raw)
        error = _open_and_use(data_dir, clock)
        if error is None:
            outcomes["usable"] += 1
        else:
            _assert_refused_well(error, data_dir, raw)
            outcomes["refused"] += 1
    assert sum(outcomes.values()) == FUZZ_VARIANTS
    assert outcomes["refused"] > FUZZ_VARIANTS // 2


def test_every_stored_record_is_loaded_or_the_file_refused(
    real_file: bytes, data_dir: Path, clock: FixedClock
) -> None:
    """Fuzzed files that still open must show every record that is in them."""
    rng = random.Random(7)
    checked = 0
    for _ in range(200):
        variant = bytearray(real_file)
        variant[rng.randrange(len(variant))] ^= 1 << rng.randrange(8)
        (data_dir / MAIN_FILE).write_bytes(bytes(variant))
        try:
            store = Store.open(data_dir, clock, writable=False)
        except StoreError:
            continue
        try:
            stored = json.loads(bytes(variant)).get("platforms", {})
            assert sorted(p.id for p in store.platforms) == sorted(int(k) for k in stored)
            checked += 1
        finally:
            store.close()
    assert checked > 0


CLI_SAMPLE = ["truncated", "all_nul", "empty", "null_at_top", "invalid_utf8", "nan_token"]


@pytest.mark.parametrize("damage", CLI_SAMPLE)
def test_cli_refuses_damaged_file_with_the_way_back(
    damage: str, real_file: bytes, data_dir: Path
) -> None:
    damaged = DAMAGE[damage](real_file)
    (data_dir / MAIN_FILE).write_bytes(damaged)
    for args in (("add", "新平台"), ("list",)):
        result = cli(data_dir, *args)
        assert result.returncode == 1, (damage, args, result.stderr)
        assert "Traceback" not in result.stderr
        assert RESTORE_HINT in result.stderr
        assert (data_dir / MAIN_FILE).read_bytes() == damaged


def test_file_from_a_newer_version_is_refused_with_both_ways_out(
    real_file: bytes, data_dir: Path, clock: FixedClock
) -> None:
    newer = real_file.replace(SCHEMA, b'"schema":99')
    (data_dir / MAIN_FILE).write_bytes(newer)
    error = _open_and_use(data_dir, clock)
    assert error is not None
    message = i18n.t(error.key, **error.params())
    assert "newer" in message
    _assert_refused_well(error, data_dir, newer)
