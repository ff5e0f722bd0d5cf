"""Fuzz the GPX reader (and the safe XML layer under it).

python fuzz/fuzz_gpx.py -runs=1000000 -dict=fuzz/xml.dict var/fuzz/gpx tests/fuzz_corpus/gpx
"""

from __future__ import annotations

import harness

with harness.instrumented():
    from kniewijs.formats.gpx import read_gpx


def test_one_input(data: bytes) -> None:
    harness.run_reader(read_gpx, data)


if __name__ == "__main__":
    harness.fuzz(test_one_input)
