"""Framed records: whatever a crash leaves at the end is dropped, bad bytes before it are not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from closure_tui.store import frames

payload_lists = st.lists(st.binary(max_size=64), min_size=1, max_size=6)


@given(payload_lists)
def test_frames_read_back_as_written(payloads: list[bytes]) -> None:
    raw = b"".join(frames.frame(payload) for payload in payloads)
    assert frames.scan(raw) == frames.Scan(payloads, 0, -1)
    where = frames.last_payload(raw[-frames.TAIL.size :], len(raw))
    assert where is not None
    offset, length = where
    head = raw[offset - frames.HEAD.size : offset]
    assert frames.check_last(head, raw[offset : offset + length])
    assert raw[offset : offset + length] == payloads[-1]


@given(payload_lists, st.data())
def test_an_append_cut_short_anywhere_is_dropped_and_nothing_else(
    payloads: list[bytes], data: st.DataObject
) -> None:
    whole = b"".join(frames.frame(payload) for payload in payloads[:-1])
    last = frames.frame(payloads[-1])
    cut = data.draw(st.integers(min_value=1, max_value=len(last) - 1))
    scanned = frames.scan(whole + last[:cut])
    assert scanned == frames.Scan(payloads[:-1], cut, -1)
    zeros = frames.scan(whole + b"\0" * cut)
    assert zeros == frames.Scan(payloads[:-1], cut, -1)


@given(payload_lists, st.data())
def test_a_changed_byte_before_the_last_frame_is_damage(
    payloads: list[bytes], data: st.DataObject
) -> None:
    earlier = b"".join(frames.frame(payload) for payload in payloads)
    last = frames.frame(b"the newest record")
    raw = bytearray(earlier + last)
    at = data.draw(st.integers(min_value=0, max_value=len(earlier) - 1))
    raw[at] ^= data.draw(st.integers(min_value=1, max_value=255))
    scanned = frames.scan(bytes(raw))
    assert 0 <= scanned.damaged_at <= at
    assert scanned.torn == 0


def test_the_last_frame_read_from_its_end_refuses_a_torn_one() -> None:
    raw = frames.frame(b"one") + frames.frame(b"two")
    assert frames.last_payload(raw[-frames.TAIL.size - 1 : -1], len(raw) - 1) is None
    broken = raw[:-8] + b"X" + raw[-7:]
    where = frames.last_payload(broken[-frames.TAIL.size :], len(broken))
    assert where is not None
    offset, length = where
    head = broken[offset - frames.HEAD.size : offset]
    assert not frames.check_last(head, broken[offset : offset + length])
