"""Fuzz the TCX reader (and the safe XML layer under it).

python fuzz/fuzz_tcx.py -runs=1000000 -dict=fuzz/xml.dict var/fuzz/tcx tests/fuzz_corpus/tcx
"""

from __future__ import annotations

import harness

with harness.instrumented():
    from kniewijs.formats.tcx import read_tcx


def test_one_input(data: bytes) -> None:
    harness.run_reader(read_tcx, data)


if __name__ == "__main__":
    harness.fuzz(test_one_input)
