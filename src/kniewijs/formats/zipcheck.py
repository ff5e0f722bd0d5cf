"""What the archive reader checks in a zip's structure and its members' names, before anything is unpacked.

Read from the stream at known offsets (APPNOTE.TXT 6.3.10): the end record (4.3.16, zip64 4.3.14 and
4.3.15), a local file header (4.3.7). Nothing here decompresses a byte.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from typing import IO

from kniewijs.core.text import T, Text
from kniewijs.formats.errors import RejectedFile
from kniewijs.formats.streams import read_at, size_of

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
MAX_CENTRAL_DIRECTORY_BYTES = 8 * 1024**2  # 20,000 entries with long names take about 4 MB
ACTIVITY_EXTENSIONS = (".fit", ".gpx", ".tcx", ".csv", ".xml")
ARCHIVE_EXTENSIONS = (".zip", ".gz")
SYSTEM_FILES = (".ds_store", "thumbs.db", "desktop.ini", "icon\r")

NOT_ACTIVITY = T(
    "Geen trainingsbestand (Kniewijs leest FIT, GPX, TCX en CSV).",
    "Not an activity file (Kniewijs reads FIT, GPX, TCX and CSV).",
)


def rejected(nl: str, en: str, **values: object) -> RejectedFile:
    return RejectedFile(T(nl, en).format(**values))


def size_text(limit: int) -> str:
    """A limit in words: '4 GB', '300 MB' (binary units, as every other limit here)."""
    if limit >= 1024**3 and limit % 1024**3 == 0:
        return f"{limit // 1024**3} GB"
    return f"{limit // 1024**2} MB"


def broken_zip() -> RejectedFile:
    return rejected("Dit zip-bestand is beschadigd of afgebroken.", "This zip file is damaged or cut off.")


def directory_size(stream: IO[bytes]) -> tuple[int, int] | None:
    """(entries, central directory bytes) from the end record, or None when there is no readable one."""
    size = size_of(stream)
    tail_start = max(0, size - 22 - 65535)
    tail = read_at(stream, tail_start, size - tail_start)
    found = tail.rfind(b"PK\x05\x06")
    if found < 0 or found + 22 > len(tail):
        return None
    end = tail_start + found
    entries, directory = struct.unpack_from("<HL", tail, found + 10)
    if entries == 0xFFFF or directory == 0xFFFFFFFF:
        locator = end - 20
        if locator < 0:
            return None
        record = read_at(stream, locator, 20)
        if record[:4] != b"PK\x06\x07" or len(record) < 20:
            return None
        (offset,) = struct.unpack_from("<Q", record, 8)
        if offset + 56 > size:
            return None
        zip64 = read_at(stream, offset, 56)
        if zip64[:4] != b"PK\x06\x06":
            return None
        entries, directory = struct.unpack_from("<QQ", zip64, 32)
    return entries, directory


def overlap_problem(
    infos: list[zipfile.ZipInfo], archive_bytes: int, bomb: RejectedFile
) -> RejectedFile | None:
    """`bomb` when members share their data (Fifield's overlapping zip bomb), damaged when one points past
    the end of the archive, else None."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.header_offset + 30 + before.compress_size > after.header_offset:
            return bomb
    if ordered and ordered[-1].header_offset + 30 + ordered[-1].compress_size > archive_bytes:
        return broken_zip()
    return None


def data_offset(stream: IO[bytes], info: zipfile.ZipInfo) -> int:
    """Where the member's compressed data begins: after its local header, whose own name and extra field
    lengths count (they may differ from the central directory's)."""
    header = read_at(stream, info.header_offset, 30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise broken_zip()
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    return int(info.header_offset) + 30 + int(name_length) + int(extra_length)


def unsafe_path(filename: str) -> Text | None:
    path = filename.replace("\\", "/")
    if path.startswith("/") or re.match(r"[A-Za-z]:", path):
        return T(
            "Dit bestand heeft een absoluut pad in het archief; uit veiligheid leest Kniewijs het niet.",
            "This file has an absolute path in the archive; for safety Kniewijs does not read it.",
        )
    if ".." in path.split("/"):
        return T(
            "De naam van dit bestand wijst met '..' buiten het archief; uit veiligheid leest Kniewijs het niet.",
            "The name of this file points outside the archive with '..'; for safety Kniewijs does not read it.",
        )
    return None


def junk(filename: str) -> Text | None:
    """Why a member is not an activity file, judged by its name alone; None when it may be one."""
    path = filename.replace("\\", "/")
    base = posixpath.basename(path.rstrip("/")).lower()
    if "__macosx" in path.lower().split("/") or base.startswith("._"):
        return T("Extra gegevens van macOS, geen training.", "Extra data from macOS, not an activity.")
    if base in SYSTEM_FILES:
        return T("Een systeembestand, geen training.", "A system file, not an activity.")
    extension = posixpath.splitext(base)[1]
    if extension and extension not in ACTIVITY_EXTENSIONS + ARCHIVE_EXTENSIONS:
        return NOT_ACTIVITY
    return None


def strip_gz(path: str) -> str:
    return path[:-3] if path.lower().endswith(".gz") else path
