"""The FIT checksum: CRC-16/ARC (polynomial 0x8005 reflected, initial value 0, no final XOR).

Source: Garmin FIT SDK, "FIT Protocol", section "CRC" (the table-driven nibble algorithm) and the
CRC-16/ARC entry of the CRC RevEng catalogue (check value 0xBB3D for b"123456789").

The compiled `fastcrc` package computes it at gigabytes per second; without it a pure-Python table
does the same work about a thousand times slower, which still gives correct answers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

Checksum = Callable[[bytes | memoryview], int]


def _compiled() -> Checksum | None:
    """fastcrc's CRC-16/ARC (Rust, reads the buffer without copying), when the package is installed."""
    try:
        module = importlib.import_module("fastcrc.crc16")
    except ImportError:  # pragma: no cover - fastcrc is a declared dependency
        return None
    arc: Checksum = module.arc
    return arc


def _make_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_TABLE = _make_table()


def crc16_arc_python(data: bytes | memoryview) -> int:
    """CRC-16/ARC in pure Python, table-driven one byte at a time (RevEng 'CRC-16/ARC')."""
    crc = 0
    table = _TABLE
    for byte in bytes(data):
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


crc16_arc: Checksum = _compiled() or crc16_arc_python
