"""Unpacking one deflated zip member with Intel's ISA-L (the `isal` package) instead of zlib.

A Garmin export is mostly deflated FIT files; unpacking them took zlib a fifth of the time of reading the
whole export, ISA-L about half of that (docs/benchmarks.md). zipfile offers no way to choose the inflater,
so the member's bytes are read here from where its local header says they begin, and everything zipfile
checks is checked as well: the CRC-32, the size the archive states, and data that ends early or runs on.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from typing import IO, cast

from isal import isal_zlib

from kniewijs.formats import zipcheck
from kniewijs.formats.streams import CHUNK_BYTES, read_at

# isal's stubs call isal_zlib.error an instance; it is the class IsalError.
INFLATE_ERROR = cast("type[Exception]", isal_zlib.error)


class Damaged(Exception):
    """The member's compressed data is cut off, runs on, or does not match its checksum or size."""


def inflate_member(
    stream: IO[bytes],
    info: zipfile.ZipInfo,
    out: IO[bytes],
    grown: Callable[[int, int], None],
) -> bool:
    """Unpack the deflated member `info` of the zip in `stream` into `out`, at most CHUNK_BYTES of output
    at a time. `grown(total_out, consumed_in)` is called after each piece and raises to stop (caps and
    bomb ratios). Whether the deflate data ended exactly at the member's compressed size. Raises Damaged."""
    position = zipcheck.data_offset(stream, info)
    left = info.compress_size
    inflater = isal_zlib.decompressobj(-15)
    crc, total, consumed = 0, 0, 0
    try:
        while not inflater.eof:
            if inflater.unconsumed_tail:
                piece = inflater.decompress(inflater.unconsumed_tail, CHUNK_BYTES)
            else:
                raw = read_at(stream, position, min(CHUNK_BYTES, left)) if left else b""
                if not raw:
                    raise Damaged("cut off")
                position += len(raw)
                left -= len(raw)
                consumed += len(raw)
                piece = inflater.decompress(raw, CHUNK_BYTES)
            total += len(piece)
            if total > info.file_size:
                raise Damaged("larger than the archive says")  # zipfile, too, stops at the stated size
            grown(total, consumed - len(inflater.unconsumed_tail))
            crc = isal_zlib.crc32(piece, crc)
            out.write(piece)
    except INFLATE_ERROR:
        raise Damaged("not deflate data") from None
    if crc != info.CRC or total != info.file_size:
        raise Damaged("checksum or size")
    return not inflater.unused_data and not inflater.unconsumed_tail and left == 0
