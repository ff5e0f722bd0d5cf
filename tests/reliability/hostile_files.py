"""Hostile uploads, written by the test that needs them into its own folder (none is committed: unpacked
they are gigabytes). Each is built as a stream, so building one costs a megabyte of memory, not its size.

The filler is zeros with one random byte every `gap` bytes: deflate (level 6) squeezes a gap of 600 about
138 times, the measured H1 file's ratio of about 135; a gap of 760 about 175 times, just under the cap of
200. A reader refuses the filler at once ("not a FIT file", "not valid XML"), so what these files cost is
the unpacking, never a parse.
"""

from __future__ import annotations

import gzip
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

MIB = 1024**2
H1_GAP = 600  # ratio about 138, as the measured H1 upload
STEEP_GAP = 760  # ratio about 175: just under MAX_RATIO
JUST_UNDER_MEMBER_CAP = 99 * MIB  # MAX_MEMBER_BYTES is 100 MiB


def filler(gap: int, seed: int = 13) -> bytes:
    """One MiB of zeros with a random non-zero byte every `gap` bytes."""
    rng = random.Random(seed)
    block = bytearray(MIB)
    for i in range(0, MIB, gap + 1):
        block[i] = rng.randrange(1, 256)
    return bytes(block)


def write_filler(out: IO[bytes], size: int, gap: int) -> None:
    block = filler(gap)
    for start in range(0, size, MIB):
        out.write(block[: min(MIB, size - start)])


def _stored_zip_of_fillers(out: IO[bytes], names: list[str], size: int, gap: int) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as inner:
        for name in names:
            with inner.open(name, "w") as member:
                write_filler(member, size, gap)


def h1(path: Path) -> Path:
    """The measured H1 upload: a deflated zip (about 7 MB) holding a 990 MiB part zip of ten stored 99 MiB
    members; every level is within its caps (ratio about 138 under 200, 990 MiB under the 1 GiB of a
    nested archive, 99 MiB under the 100 MiB of a member)."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as outer,
        outer.open("DI_CONNECT/UploadedFiles_0-_Part1.zip", "w", force_zip64=True) as part,
    ):
        _stored_zip_of_fillers(part, [f"{i}.fit" for i in range(10)], JUST_UNDER_MEMBER_CAP, H1_GAP)
    return path


def nested_steep(path: Path) -> Path:
    """A stored export zip holding a part zip of six deflated members, each just under the member cap and
    squeezed just under the ratio cap."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as outer,
        outer.open("export/part.zip", "w", force_zip64=True) as part,
        zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as inner,
    ):
        for i in range(6):
            with inner.open(f"{i}.gpx", "w") as member:
                write_filler(member, JUST_UNDER_MEMBER_CAP, STEEP_GAP)
    return path


def gzip_in_zip(path: Path) -> Path:
    """A Strava-like export: six .fit.gz, each unpacking to just under the member cap at a ratio just
    under the cap."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as outer:
        for i in range(6):
            with (
                outer.open(f"activities/{i}.fit.gz", "w") as member,
                gzip.GzipFile(fileobj=member, mode="wb", compresslevel=6, mtime=0) as packed,
            ):
                write_filler(packed, JUST_UNDER_MEMBER_CAP, STEEP_GAP)
    return path


def many_members(path: Path, count: int = 19_999) -> Path:
    """Just under MAX_MEMBERS (20,000) small files that are no activity at all."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as outer:
        for i in range(count):
            outer.writestr(f"runs/{i:05d}.gpx", b"<gpx><trk>" + str(i).encode() * 8)
    return path


def over_budget(path: Path, copies: int = 5) -> Path:
    """More than the upload's budget (4 GiB) in all: five part zips, each within every cap on its own (ten
    deflated 95 MiB members squeezed about 175 times, about 5.5 MB packed), 4.6 GiB unpacked together."""
    inner_path = path.with_suffix(".part.zip")
    with zipfile.ZipFile(inner_path, "w", zipfile.ZIP_DEFLATED) as inner:
        for i in range(10):
            with inner.open(f"{i}.fit", "w") as member:
                write_filler(member, 95 * MIB, STEEP_GAP)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as outer:
        for copy in range(copies):
            outer.write(inner_path, f"parts/part{copy}.zip")
    inner_path.unlink()
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "h1": h1,
    "nested_steep": nested_steep,
    "gzip_in_zip": gzip_in_zip,
    "many_members": many_members,
    "over_budget": over_budget,
}
