"""Fuzz the FIT reader. Each input is read twice: as it is, and with its data size and both CRCs
made right, so mutations get past the checksum and reach the message walker and the numpy decoding.

    python fuzz/fuzz_fit.py -runs=1000000 var/fuzz/fit tests/fuzz_corpus/fit
"""

from __future__ import annotations

import harness

with harness.instrumented():
    from kniewijs.formats.fit import read_fit
    from kniewijs.formats.fit_crc import crc16_arc


def with_size_and_crc_fixed(data: bytes) -> bytes:
    """The first FIT file in `data` with a data size that fits the bytes and correct CRCs."""
    header_size = data[0] if data else 0
    if len(data) < 14 or header_size < 12 or header_size + 2 > len(data):
        return data
    fixed = bytearray(data)
    fixed[4:8] = (len(data) - header_size - 2).to_bytes(4, "little")
    if header_size >= 14:
        fixed[12:14] = crc16_arc(bytes(fixed[:12])).to_bytes(2, "little")
    fixed[-2:] = crc16_arc(bytes(fixed[:-2])).to_bytes(2, "little")
    return bytes(fixed)


def test_one_input(data: bytes) -> None:
    harness.run_reader(read_fit, data)
    fixed = with_size_and_crc_fixed(data)
    if fixed != data:
        harness.run_reader(read_fit, fixed)


if __name__ == "__main__":
    harness.fuzz(test_one_input)
