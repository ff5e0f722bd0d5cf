"""One malformed (or valid) corpus file and what a reader must do with it; truncations and bit flips.

`expect` is "parse" (activities come back) or "reject" (the project's FileProblem with a reason).
`source` says where the expectation comes from: "rule" when the file was built to be refused or read
(a CRC that cannot match, a DTD, a bomb), "observed" when either answer is acceptable (a bit flip with
a recomputed CRC, a CSV cut between two rows) and the generator pinned what the reader did, so a
change in behaviour shows up in review.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass
class Case:
    name: str  # file name inside tests/fuzz_corpus/<format>/<category>/
    data: bytes
    category: str
    how: str
    expect: str | None  # "parse" | "reject"; None: the generator observes it
    problem: str | None = None  # "rejected" | "skipped" when the kind of refusal matters
    reason: str | None = None  # a piece of the English reason that must be there
    members: dict[str, str] = field(default_factory=dict)  # archive member name -> "parse" | "reject"
    forbidden: list[str] = field(default_factory=list)  # text that must not reach a parsed activity
    bomb: bool = False  # an archive bomb: the import must write nothing to disk
    import_expect: str | None = None  # when the import answers otherwise: it detects by content

    @property
    def source(self) -> str:
        return "rule" if self.expect is not None else "observed"


def _split(name: str) -> tuple[str, str]:
    stem, _, extension = name.partition(".")
    return stem, "." + extension


def truncations(name: str, data: bytes, *, expect: str | None, problem: str | None = None) -> Iterator[Case]:
    """The file cut at every 1/64 of its length (1/64 .. 63/64), plus the empty file. Each keeps the
    extension of `name`, so the import detects it as a runner's upload would be detected."""
    stem, extension = _split(name)
    yield Case(f"{stem}.empty{extension}", b"", "truncation", "cut to 0 bytes", "reject", "rejected")
    for k in range(1, 64):
        cut = len(data) * k // 64
        yield Case(
            f"{stem}.cut{k:02d}{extension}",
            data[:cut],
            "truncation",
            f"first {cut} of {len(data)} bytes ({k}/64)",
            expect,
            problem,
        )


def bit_flips(
    name: str,
    data: bytes,
    count: int,
    *,
    seed: int,
    category: str = "bitflip",
    fix: Callable[[bytes], bytes] | None = None,
    expect: str | None = None,
    problem: str | None = None,
) -> Iterator[Case]:
    """`count` copies with one bit flipped, at positions spread evenly over the file (a seeded
    jitter within each stretch); `fix` repairs checksums afterwards when given."""
    stem, extension = _split(name)
    rng = random.Random(seed)
    stretch = len(data) / count
    for i in range(count):
        position = min(len(data) - 1, int(i * stretch + rng.random() * stretch))
        bit = rng.randrange(8)
        flipped = bytearray(data)
        flipped[position] ^= 1 << bit
        out = bytes(flipped)
        how = f"bit {bit} of byte {position} flipped"
        if fix is not None:
            out = fix(out)
            how += ", CRCs recomputed"
        yield Case(f"{stem}.{category}{i:02d}{extension}", out, category, how, expect, problem)
