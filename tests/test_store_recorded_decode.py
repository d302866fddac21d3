"""Platforms of a file the record of checked files vouches for are decoded without the
codec's per-field checks: the same platforms as the checking decoder builds, and a file
not vouched for (edited by hand, damaged) still gets every check."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

import pytest

from closure_tui.domain.clock import FixedClock
from closure_tui.domain.evidence import Attachment
from closure_tui.domain.platform import Kind, Payee, Payment, Platform, Stage, fresh_stages
from closure_tui.domain.stages import StageKey, StageState
from closure_tui.services.errors import StoreDamaged
from closure_tui.services.session import closures_session
from closure_tui.store.codec import RecordInvalid, decode_platform, encode_platform
from closure_tui.store.codec_recorded import decode_recorded_platform
from closure_tui.store.store import MAIN_FILE
from closure_tui.store.verified import RECORD_FILE
from tests.store_helpers import compacted
from tests.storekit import populate


def _every_field() -> Platform:
    stages = list(fresh_stages())
    stages[0] = Stage(
        StageKey.NEGOTIATED,
        StageState.DONE,
        date(2026, 11, 1),
        "",
        MappingProxyType({"pay_by": date(2026, 12, 1), "agreed_with": "客服", "reference": ""}),
    )
    stages[2] = Stage(
        StageKey.CERTIFICATE,
        evidence=MappingProxyType({"received_on": None, "stamped": True, "file": "a.pdf"}),
    )
    stages[5] = Stage(StageKey.CARD_UNBOUND, StageState.SKIPPED, None, "没有绑卡")
    return Platform(
        id=7,
        name="借呗",
        created_on=date(2026, 4, 1),
        kind=Kind.CREDIT_CARD,
        original=Decimal("12000.50"),
        settled=Decimal("8000.00"),
        hotline="95188",
        app="支付宝",
        funder="某某银行",
        stages=tuple(stages),
        payee=Payee("某某公司", "招商银行", "6214830000001234", "官方热线", date(2026, 11, 2)),
        payments=(Payment(Decimal("4000.00"), date(2026, 11, 3), "REF-1"),),
        attachments=(
            Attachment(StageKey.PAID, "/tmp/receipt.png", 12, "a" * 64, datetime(2026, 11, 3, 9)),
        ),
    )


def test_a_stored_platform_decodes_as_the_checking_decoder_decodes_it() -> None:
    doc = json.loads(json.dumps(encode_platform(_every_field())))
    decoded = decode_recorded_platform(7, doc)
    assert decoded == decode_platform(7, doc)
    assert encode_platform(decoded) == doc


def test_a_document_of_another_shape_decodes_or_is_refused_as_the_checking_decoder_does() -> None:
    doc = json.loads(json.dumps(encode_platform(_every_field())))
    del doc["hotline"]  # as an older version wrote it: the checking decoder's default
    assert decode_recorded_platform(7, doc) == decode_platform(7, doc)
    doc["stages"] = []
    with pytest.raises(RecordInvalid):
        decode_recorded_platform(7, doc)


def test_a_vouched_for_store_shows_the_same_platforms_as_one_checked_in_full(
    data_dir: Path, clock: FixedClock
) -> None:
    populate(data_dir, clock)
    compacted(data_dir, clock)  # the record vouches for a base file without segments
    with closures_session(data_dir, clock, writable=False) as service:
        vouched = service.platforms()
    (data_dir / RECORD_FILE).unlink()
    with closures_session(data_dir, clock, writable=False) as service:
        checked = service.platforms()
    assert vouched == checked
    assert len(checked) == 3


def test_a_file_edited_by_hand_gets_every_check(data_dir: Path, clock: FixedClock) -> None:
    """A number where text belongs passes the constructors; only the checks refuse it."""
    populate(data_dir, clock)
    compacted(data_dir, clock)  # so that editing the base file edits every record
    main = data_dir / MAIN_FILE
    data = json.loads(main.read_text(encoding="utf-8"))
    data["platforms"]["1"]["hotline"] = 95188
    main.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StoreDamaged) as raised, closures_session(data_dir, clock, writable=True):
        pass
    assert raised.value.path == main
    assert any("hotline" in problem for problem in raised.value.problems)
