"""The FIT checksum: CRC-16/ARC (polynomial 0x8005 reflected, initial value 0, no final XOR).

Source: Garmin FIT SDK, "FIT Protocol", section "CRC" (the table-driven nibble algorithm) and the
CRC-16/ARC entry of the CRC RevEng catalogue (check value 0xBB3D for b"123456789").

The compiled `fastcrc` package computes it at gigabytes per second; without it a pure-Python table
does the same work about a thousand times slower, which still gives correct answers.
"""

from __future__ import annotations

from collections.abc import Callable

try:
    from fastcrc.crc16 import arc as _compiled_arc
except ImportError:  # pragma: no cover - the package is a declared dependency
    _compiled_arc = None


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


def _crc16_arc_compiled(data: bytes | memoryview) -> int:
    assert _compiled_arc is not None
    return int(_compiled_arc(data))


crc16_arc: Callable[[bytes | memoryview], int] = (
    _crc16_arc_compiled if _compiled_arc is not None else crc16_arc_python
)
