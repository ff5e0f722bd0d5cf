"""Hostile zip and .gz uploads, written byte by byte where zipfile would refuse to write them.

Zip bombs here DECLARE their size (zip64 extra fields, forged 32-bit sizes, forged end records) or
compress a few megabytes of zeros; none holds more than a few kilobytes of real data, and none may be
unpacked further than its first megabyte or two. Layout per PKWARE APPNOTE 6.3.10: local file header
4.3.7, central directory header 4.3.12, zip64 extra field 4.5.3, end records 4.3.14-4.3.16.
"""

from __future__ import annotations

import stat
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from fuzz.cases import Case
from fuzz.seeds import fit_run, gpx_run, gz, make_zip

GIB = 1024**3
REG = (stat.S_IFREG | 0o644) << 16
LINK = (stat.S_IFLNK | 0o777) << 16
ZEROS_20MB = b"\x00" * (20 * 1024**2)


def deflate(data: bytes) -> bytes:
    squeezer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return squeezer.compress(data) + squeezer.flush()


@dataclass
class Entry:
    name: str
    content: bytes = b""  # the uncompressed bytes (for the CRC)
    method: int = 0  # 0 stored, 8 deflated (content is compressed here), others as declared
    file_size: int | None = None  # declared uncompressed size; None: the real one
    compress_size: int | None = None  # declared compressed size; None: the real one
    flags: int = 0
    external_attr: int = REG
    zip64: bool = False  # write file_size through a zip64 extra field
    offset: int | None = None  # central directory points here instead of at its own local header


def raw_zip(
    entries: list[Entry], *, total_entries: int | None = None, directory_size: int | None = None
) -> bytes:
    body, central = bytearray(), bytearray()
    for entry in entries:
        name = entry.name.encode("utf-8")
        stored = deflate(entry.content) if entry.method == 8 else entry.content
        crc = zlib.crc32(entry.content)
        size = len(entry.content) if entry.file_size is None else entry.file_size
        packed = len(stored) if entry.compress_size is None else entry.compress_size
        extra = b""
        size32 = size
        if entry.zip64 or size >= 0xFFFFFFFF:
            extra = struct.pack("<HHQ", 1, 8, size)
            size32 = 0xFFFFFFFF
        offset = len(body) if entry.offset is None else entry.offset
        flags = entry.flags | (0x800 if not entry.name.isascii() else 0)
        if entry.offset is None:  # an entry pointing elsewhere shares that local header and its data
            body += struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                45,
                flags,
                entry.method,
                0,
                0x5821,
                crc,
                packed,
                size32,
                len(name),
                len(extra),
            )
            body += name + extra + stored
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            (3 << 8) | 45,
            45,
            flags,
            entry.method,
            0,
            0x5821,
            crc,
            packed,
            size32,
            len(name),
            len(extra),
            0,
            0,
            0,
            entry.external_attr,
            offset,
        )
        central += name + extra
    count = len(entries) if total_entries is None else total_entries
    size = len(central) if directory_size is None else directory_size
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, size, len(body), 0)
    return bytes(body + central + end)


def zip64_end(entries: int) -> bytes:
    """A one-member zip whose zip64 end record (found through its locator) claims `entries` members."""
    plain = raw_zip([Entry("run.gpx", gpx_run())])
    body = plain[: plain.rindex(b"PK\x05\x06")]
    directory_start = body.index(b"PK\x01\x02")
    record = struct.pack(
        "<IQHHIIQQQQ",
        0x06064B50,
        44,
        45,
        45,
        0,
        0,
        entries,
        entries,
        len(body) - directory_start,
        directory_start,
    )
    locator = struct.pack("<IIQI", 0x07064B50, 0, len(body), 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return body + record + locator + end


def gzip_members(count: int, size: int) -> bytes:
    return b"".join(gz(b"\x00" * size) for _ in range(count))


def bomb_cases() -> Iterator[Case]:
    def case(name: str, data: bytes, category: str, how: str, reason: str) -> Case:
        return Case(name, data, category, how, "reject", "rejected", reason, bomb=True)

    zeros = deflate(b"\x00" * 1024**2)
    yield case(
        "declared_10gb_zip64.zip",
        raw_zip([Entry("run.fit", zeros, 8, file_size=10 * GIB, zip64=True)]),
        "zip_bomb",
        "one member declaring 10 GiB through zip64; 1 MiB of zeros inside",
        "larger than 2 GB",
    )
    yield case(
        "declared_1tb_zip64.zip",
        raw_zip([Entry("run.gpx", zeros, 8, file_size=1024 * GIB, zip64=True)]),
        "zip_bomb",
        "one member declaring 1 TiB through zip64",
        "larger than 2 GB",
    )
    three = [Entry(f"part{i}.fit", zeros, 8, file_size=0xFFFFFFFE) for i in range(3)]
    yield case(
        "declared_3x4gb.zip",
        raw_zip(three),
        "zip_bomb",
        "three members declaring 4 GiB - 2 each (12 GiB), no zip64",
        "larger than 2 GB",
    )
    many = [Entry(f"run{i:03d}.fit", zeros, 8, file_size=100 * 1024**2) for i in range(110)]
    yield case(
        "declared_110x100mb.zip",
        raw_zip(many),
        "zip_bomb",
        "110 members of 100 MiB declared (11 GiB)",
        "larger than 2 GB",
    )
    inner = raw_zip([Entry("run.fit", zeros, 8, file_size=10 * GIB, zip64=True)])
    yield case(
        "nested_declared_10gb.zip",
        make_zip([("export/part1.zip", inner)]),
        "zip_bomb",
        "a part zip that declares 10 GiB, inside an export zip",
        "larger than 2 GB",
    )
    honest = make_zip([("run.gpx", ZEROS_20MB)])
    yield case(
        "ratio_20mb_zeros.zip",
        honest,
        "zip_bomb",
        "20 MiB of zeros deflated honestly (ratio about 1000)",
        "zip bomb",
    )
    understated = raw_zip([Entry("run.gpx", ZEROS_20MB, 8, file_size=1000)])
    yield case(
        "understated_size.zip", understated, "zip_bomb", "declares 1000 bytes, inflates to 20 MiB", "damaged"
    )
    megabyte = b"\x00" * 1024**2
    overlap = [Entry("run0000.gpx", megabyte, 8)] + [
        Entry(f"run{i:04d}.gpx", megabyte, 8, offset=0) for i in range(1, 1000)
    ]
    yield case(
        "overlapping_1000.zip",
        raw_zip(overlap),
        "zip_bomb",
        "1000 central entries sharing one local header (Fifield's overlap bomb)",
        "zip bomb",
    )
    beyond = [Entry("run.gpx", gpx_run(), 0, compress_size=5 * GIB // 2 - 1)]
    yield case(
        "compress_size_beyond_end.zip",
        raw_zip(beyond),
        "zip_bomb",
        "compressed size points 2.5 GB past the end",
        "damaged",
    )
    yield case(
        "end_record_30000.zip",
        raw_zip([Entry("run.gpx", gpx_run())], total_entries=30000),
        "zip_bomb",
        "end record claims 30000 members",
        "more than 20",
    )
    yield case(
        "end_record_directory_4gb.zip",
        raw_zip([Entry("run.gpx", gpx_run())], directory_size=0xFFFFFFFE),
        "zip_bomb",
        "end record claims a 4 GiB central directory",
        "more than 20",
    )
    yield case(
        "zip64_end_2e40.zip",
        zip64_end(2**40),
        "zip_bomb",
        "zip64 end record claims 2^40 members",
        "more than 20",
    )
    yield case(
        "gz_20mb_zeros.fit.gz", gz(ZEROS_20MB), "gz_bomb", "20 MiB of zeros in one gzip member", "zip bomb"
    )
    yield case(
        "gz_nested_bomb.gpx.gz.gz",
        gz(gz(ZEROS_20MB)),
        "gz_bomb",
        ".gz of a .gz of 20 MiB of zeros",
        "zip bomb",
    )
    yield case(
        "gz_30_members.fit.gz",
        gzip_members(30, 1024**2),
        "gz_bomb",
        "30 concatenated gzip members of 1 MiB of zeros",
        "zip bomb",
    )
    yield case(
        "gz_triple.gpx.gz.gz.gz", gz(gz(gz(gpx_run()))), "gz_bomb", "a GPX gzipped three times", "too deep"
    )
    yield case(
        "zip_in_zip_in_zip.zip",
        make_zip([("a.zip", make_zip([("b.zip", make_zip([("run.fit", fit_run())]))]))]),
        "zip_bomb",
        "a FIT three archives deep",
        "too deep",
    )
    yield case(
        "zip_with_gz_bomb.zip",
        make_zip([("activities/1.fit.gz", gz(ZEROS_20MB))], 0),
        "gz_bomb",
        "a Strava-like export whose .fit.gz is 20 MiB of zeros",
        "zip bomb",
    )
    yield case(
        "gz_of_declared_10gb.zip.gz",
        gz(inner),
        "gz_bomb",
        "a gzipped zip that declares 10 GiB",
        "larger than 2 GB",
    )
    forged = bytearray(gz(gpx_run()))
    forged[-4:] = b"\xff\xff\xff\xff"
    yield case(
        "gz_isize_forged.gpx.gz",
        bytes(forged),
        "gz_bomb",
        "gzip trailer ISIZE forged to 4 GiB - 1",
        "damaged",
    )
