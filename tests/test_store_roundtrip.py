"""What is saved comes back exactly: random platforms, stages and notes, byte-exact amounts."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.money import MAX_AMOUNT, format_money
from closure_tui.domain.notes import Note
from closure_tui.domain.platform import Kind, Payee, Payment, Platform, Stage
from closure_tui.domain.stages import (
    EVIDENCE_FIELDS,
    STAGE_ORDER,
    FieldKind,
    StageState,
)
from closure_tui.store.store import MAIN_FILE
from tests.store_helpers import DAY, add_platform, opened

CLOCK = FixedClock(datetime(2026, 11, 29, 9, 30))

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("借呗花网商贷金条"),
    max_size=30,
)
names = texts.map(str.strip).filter(bool)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
amounts = st.integers(min_value=0, max_value=int(MAX_AMOUNT * 100)).map(
    lambda cents: Decimal(cents).scaleb(-2)
)


def _evidence_value(kind: FieldKind) -> st.SearchStrategy[object]:
    if kind is FieldKind.DATE:
        return st.none() | days
    if kind is FieldKind.BOOL:
        return st.none() | st.booleans()
    return texts


@st.composite
def stages(draw: st.DrawFn) -> tuple[Stage, ...]:
    result = []
    for key in STAGE_ORDER:
        state = draw(st.sampled_from(StageState))
        evidence = {spec.key: draw(_evidence_value(spec.kind)) for spec in EVIDENCE_FIELDS[key]}
        result.append(
            Stage(
                key,
                state,
                draw(days) if state is StageState.DONE else None,
                draw(names) if state is StageState.SKIPPED else "",
                MappingProxyType(evidence),
            )
        )
    return tuple(result)


payees = st.builds(
    Payee,
    name=names,
    bank=texts,
    account=st.from_regex(r"[0-9]{4,34}", fullmatch=True),
    verified_via=texts,
    verified_on=st.none() | days,
)
platforms = st.builds(
    Platform,
    id=st.just(0),
    name=names,
    created_on=days,
    kind=st.sampled_from(Kind),
    original=st.none() | amounts,
    settled=st.none() | amounts,
    hotline=texts,
    app=texts,
    funder=texts,
    stages=stages(),
    payee=st.none() | payees,
    payments=st.lists(st.builds(Payment, amounts, days, texts), max_size=3).map(tuple),
)
notes = st.tuples(
    st.text(min_size=1, max_size=200),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 12, 31)).map(
        lambda moment: moment.replace(microsecond=0)
    ),
    st.none() | st.sampled_from(STAGE_ORDER),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(platforms, min_size=1, max_size=4), st.lists(notes, max_size=4))
def test_random_platforms_and_notes_survive_save_and_load(
    generated: list[Platform], generated_notes: list[tuple[str, datetime, object]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        with opened(data_dir, CLOCK) as store:
            with store.transaction():
                saved = [
                    store.platforms.insert(lambda new_id, p=p: replace(p, id=new_id))
                    for p in generated
                ]
            saved_notes = [
                store.notes.insert(
                    lambda new_id, n=n: Note(new_id, saved[0].id, n[1], n[0], n[2])  # type: ignore[arg-type]
                )
                for n in generated_notes
            ]
        with opened(data_dir, CLOCK, writable=False) as store:
            assert sorted(store.platforms, key=lambda p: p.id) == saved
            assert sorted(store.notes, key=lambda n: n.id) == saved_notes
        stored = json.loads((data_dir / MAIN_FILE).read_text(encoding="utf-8"))["platforms"]
        for platform in saved:
            doc = stored[str(platform.id)]
            expected = format_money(platform.settled) if platform.settled is not None else None
            assert doc["settled"] == expected
            stored_payments = doc["stages"]["paid"]["payments"]
            assert [p["amount"] for p in stored_payments] == [
                format_money(p.amount) for p in platform.payments
            ]


def test_file_is_utf8_json_with_chinese_kept_readable(data_dir: Path, clock: FixedClock) -> None:
    with opened(data_dir, clock) as store:
        add_platform(store, "京东金条", settled=Decimal("12000.50"))
    raw = (data_dir / MAIN_FILE).read_bytes()
    assert "京东金条".encode() in raw
    assert b'"settled":"12000.50"' in raw
    assert b"NaN" not in raw


def test_ids_are_never_reused(data_dir: Path, clock: FixedClock) -> None:
    with opened(data_dir, clock) as store:
        first = add_platform(store, "借呗")
        second = add_platform(store, "花呗")
        store.platforms.remove([second.id])
    with opened(data_dir, clock) as store:
        third = add_platform(store, "微粒贷")
    assert (first.id, second.id, third.id) == (1, 2, 3)


def test_a_reader_sees_what_a_writer_saved(data_dir: Path, clock: FixedClock) -> None:
    with opened(data_dir, clock) as store:
        platform = add_platform(store, "美团借钱")
        store.platforms.put(replace(platform, hotline="10107888"))
        with opened(data_dir, clock, writable=False) as reader:
            assert reader.platforms.get(platform.id).hotline == "10107888"  # type: ignore[union-attr]


def test_reader_of_a_missing_directory_creates_nothing(data_dir: Path, clock: FixedClock) -> None:
    with opened(data_dir, clock, writable=False) as store:
        assert list(store.platforms) == []
    assert not data_dir.exists()


def test_a_platform_added_on_a_given_day_keeps_it(data_dir: Path, clock: FixedClock) -> None:
    with opened(data_dir, clock) as store:
        add_platform(store, "度小满")
    with opened(data_dir, clock, writable=False) as store:
        assert [p.created_on for p in store.platforms] == [DAY]
