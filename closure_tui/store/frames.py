"""Framed records of an append-only segment: each knows its length and checksum.

A frame is `HEAD` (marker, payload length, CRC-32 of the payload), the payload, then
`TAIL` (the length again and a newline), so the last frame of a segment can be read
from its end without scanning the rest. An append that a crash cut short leaves a
torn tail: a frame that runs past the end of the file, or the last frame with a bad
checksum, or zeros a file system left in place of data. A torn tail is dropped (it
was never acknowledged); bad bytes anywhere else mean the segment is damaged.
"""

from __future__ import annotations

import struct
import zlib
from typing import NamedTuple

MARK = b"\x1eCT"
HEAD = struct.Struct(">3sII")
TAIL = struct.Struct(">Ic")
END = b"\n"


def frame(payload: bytes) -> bytes:
    return (
        HEAD.pack(MARK, len(payload), zlib.crc32(payload)) + payload + TAIL.pack(len(payload), END)
    )


class Scan(NamedTuple):
    """The payloads of a segment's whole frames, oldest first."""

    payloads: list[bytes]
    #: Bytes after the last whole frame that a cut-short append explains (0: none).
    torn: int
    #: Where bad bytes before the end begin (the segment cannot be trusted), or -1.
    damaged_at: int


def _whole(raw: bytes, at: int) -> bytes | None:
    """The payload of a whole, valid frame starting at `at`, else None."""
    if len(raw) - at < HEAD.size:
        return None
    mark, length, crc = HEAD.unpack_from(raw, at)
    end = at + HEAD.size + length
    if mark != MARK or end + TAIL.size > len(raw):
        return None
    payload = raw[at + HEAD.size : end]
    if zlib.crc32(payload) != crc or TAIL.unpack_from(raw, end) != (length, END):
        return None
    return payload


def _cut_short(raw: bytes, at: int) -> bool:
    """Whether the bytes from `at` to the end are what one interrupted append leaves: not
    when a whole frame still ends the file (then a bad length or byte came before it)."""
    rest = raw[at:]
    where = last_payload(raw[-TAIL.size :], len(raw))
    if where is not None and where[0] - HEAD.size > at:
        offset, length = where
        if check_last(raw[offset - HEAD.size : offset], raw[offset : offset + length]):
            return False
    if len(rest) < HEAD.size or not rest.strip(b"\0"):
        return True
    mark, length, _ = HEAD.unpack_from(rest)
    return bool(mark == MARK and HEAD.size + length + TAIL.size >= len(rest))


def scan(raw: bytes) -> Scan:
    payloads: list[bytes] = []
    at = 0
    while at < len(raw):
        payload = _whole(raw, at)
        if payload is None:
            if _cut_short(raw, at):
                return Scan(payloads, len(raw) - at, -1)
            return Scan(payloads, 0, at)
        payloads.append(payload)
        at += HEAD.size + len(payload) + TAIL.size
    return Scan(payloads, 0, -1)


def last_payload(tail: bytes, size: int) -> tuple[int, int] | None:
    """Where the last frame's payload lies, (offset, length), judged from the file's final
    `TAIL.size` bytes `tail` and its `size`; None when the end is not a frame's end."""
    if len(tail) != TAIL.size:
        return None
    length, end = TAIL.unpack(tail)
    start = size - TAIL.size - length - HEAD.size
    if end != END or start < 0:
        return None
    return start + HEAD.size, length


def check_last(head: bytes, payload: bytes) -> bool:
    """Whether `head` and `payload` (read where `last_payload` said) make a whole frame."""
    if len(head) != HEAD.size:
        return False
    mark, length, crc = HEAD.unpack(head)
    return bool(mark == MARK and length == len(payload) and zlib.crc32(payload) == crc)
