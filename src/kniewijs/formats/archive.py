"""The files inside an upload: zip archives (Garmin and Strava exports, any zip of activity files) and .gz.

An archive is the easiest way to attack a server that unpacks it, so every limit is checked before a
byte is decompressed, and never trusted afterwards:
- the zip's end record: at most MAX_MEMBERS files and a central directory of at most
  MAX_CENTRAL_DIRECTORY_BYTES, read before Python's zipfile builds its list;
- per zip: declared sizes added up at most MAX_TOTAL_BYTES, members whose data overlap (the
  "overlapping files" zip bomb, Fifield 2019) refuse the whole archive;
- per member: declared size at most MAX_MEMBER_BYTES (MAX_NESTED_ARCHIVE_BYTES for a nested archive),
  declared and actual compression ratio at most MAX_RATIO, decompression streamed in chunks and
  stopped at the cap plus one byte whatever the member declares, only stored or deflated data (bzip2
  and lzma can expand gigabytes from one chunk), no encryption, no symbolic link, no '..', absolute
  path or drive letter;
- archives inside archives at most MAX_DEPTH deep (Garmin: export zip > part zip > FIT; Strava:
  export zip > .fit.gz);
- across the whole upload, at most MAX_TOTAL_BYTES handed on.
A bad member is reported as a problem and the rest of the archive goes on. Folders, macOS extras,
thumbnails and other non-activity files are reported as skipped, and so is Strava's activities.csv
("the index of the export"): `strava_index` reads it separately for the names and sports it adds.
Names: "export.zip!activities/123.fit" ('!' between an archive and its member; a .gz member is named
after its content, without '.gz').
"""

from __future__ import annotations

import io
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from kniewijs.core.text import T, Text
from kniewijs.formats.csv_log import MAX_CSV_BYTES, StravaRow, classify_csv, parse_strava_index
from kniewijs.formats.errors import FileProblem, RejectedFile, SkippedFile

MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_MEMBER_BYTES = 100 * 1024**2
MAX_NESTED_ARCHIVE_BYTES = 1024**3  # a part zip of a Garmin export holds years of FIT files
MAX_RATIO = 200  # deflated GPX/TCX is 5-30x smaller, FIT 2-5x; deflate itself tops out near 1032x
RATIO_GRACE_BYTES = 1024**2  # a tiny file may compress extremely well and harm no one
MAX_DEPTH = 2
MAX_CENTRAL_DIRECTORY_BYTES = 8 * 1024**2  # 20,000 entries with long names take about 4 MB
CHUNK_BYTES = 1024**2

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
GZIP_MAGIC = b"\x1f\x8b"
ACTIVITY_EXTENSIONS = (".fit", ".gpx", ".tcx", ".csv", ".xml")
ARCHIVE_EXTENSIONS = (".zip", ".gz")
SYSTEM_FILES = (".ds_store", "thumbs.db", "desktop.ini", "icon\r")


@dataclass(frozen=True, slots=True)
class Member:
    """One file found in an upload: its bytes, or why it is not read."""

    name: str
    data: bytes | None = None
    problem: FileProblem | None = None


@dataclass
class _Budget:
    members: int = 0
    bytes_out: int = 0


def _rejected(nl: str, en: str, **values: object) -> RejectedFile:
    return RejectedFile(T(nl, en).format(**values))


def _mb(limit: int) -> int:
    return limit // 1024**2


def container_kind(data: bytes) -> str | None:
    if data[:4] in ZIP_MAGIC:
        return "zip"
    if data[:2] == GZIP_MAGIC:
        return "gzip"
    return None


def iter_members(name: str, data: bytes) -> Iterator[Member]:
    """Every file in `data`: the file itself when it is no archive, else each member, depth first."""
    yield from _expand(name, data, 0, _Budget())


def _expand(name: str, data: bytes, depth: int, budget: _Budget) -> Iterator[Member]:
    kind = container_kind(data)
    if kind is None:
        budget.bytes_out += len(data)
        yield Member(name, data=data)
        return
    if depth >= MAX_DEPTH:
        yield Member(
            name,
            problem=_rejected(
                "Dit archief zit te diep in andere archieven verpakt (meer dan {n} lagen).",
                "This archive is packed too deep inside other archives (more than {n} levels).",
                n=MAX_DEPTH,
            ),
        )
        return
    if kind == "gzip":
        inner = strip_gz(name)
        cap = MAX_NESTED_ARCHIVE_BYTES if inner.lower().endswith(".zip") else MAX_MEMBER_BYTES
        try:
            content = gunzip(data, cap)
        except FileProblem as problem:
            yield Member(name, problem=problem)
            return
        yield from _expand(inner, content, depth + 1, budget)
        return
    yield from _zip_members(name, data, depth, budget)


def gunzip(data: bytes, cap: int) -> bytes:
    """A .gz file's content, streamed: stops at `cap` + 1 bytes or at a bomb's ratio, whatever it says."""
    out = io.BytesIO()
    position = 0
    total = 0
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while True:
            if decompressor.unconsumed_tail:
                piece = decompressor.decompress(decompressor.unconsumed_tail, CHUNK_BYTES)
            else:
                chunk = data[position : position + CHUNK_BYTES]
                position += len(chunk)
                if not chunk:
                    raise _broken_gzip()
                piece = decompressor.decompress(chunk, CHUNK_BYTES)
            total += len(piece)
            consumed = position - len(decompressor.unconsumed_tail)
            _check_growth(total, consumed, cap)
            out.write(piece)
            if decompressor.eof:
                position -= len(decompressor.unused_data)
                rest = data[position:]
                if not rest.strip(b"\x00"):
                    break
                if rest[:2] != GZIP_MAGIC:
                    raise _broken_gzip()
                decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip allows several members
    except zlib.error:
        raise _broken_gzip() from None
    return out.getvalue()


def _broken_gzip() -> RejectedFile:
    return _rejected("Dit .gz-bestand is beschadigd of afgebroken.", "This .gz file is damaged or cut off.")


def _too_large_unpacked(cap: int) -> RejectedFile:
    return _rejected(
        "Uitgepakt is dit bestand groter dan {mb} MB; zo groot is een training nooit.",
        "Unpacked, this file is larger than {mb} MB, more than any activity needs.",
        mb=_mb(cap),
    )


def _check_growth(total: int, consumed: int, cap: int) -> None:
    if total > cap:
        raise _too_large_unpacked(cap)
    if total > RATIO_GRACE_BYTES and total > MAX_RATIO * max(consumed, 1):
        raise _bomb()


def _bomb() -> RejectedFile:
    return _rejected(
        "Dit bestand pakt uit tot meer dan {ratio} keer zijn eigen grootte. Zo gedraagt alleen een "
        "'zipbom' zich, die de computer moet laten vastlopen; Kniewijs pakt het niet uit.",
        "This file unpacks to more than {ratio} times its own size. Only a 'zip bomb', made to jam the "
        "computer, behaves like that; Kniewijs does not unpack it.",
        ratio=MAX_RATIO,
    )


def _broken_zip() -> RejectedFile:
    return _rejected("Dit zip-bestand is beschadigd of afgebroken.", "This zip file is damaged or cut off.")


def _directory_size(data: bytes) -> tuple[int, int] | None:
    """(entries, central directory bytes) from the end record (APPNOTE 4.3.16, zip64 4.3.14), or None."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or end + 22 > len(data):
        return None
    entries, size = struct.unpack_from("<HL", data, end + 10)
    if entries == 0xFFFF or size == 0xFFFFFFFF:
        locator = end - 20
        if locator < 0 or data[locator : locator + 4] != b"PK\x06\x07":
            return None
        (offset,) = struct.unpack_from("<Q", data, locator + 8)
        if offset + 56 > len(data) or data[offset : offset + 4] != b"PK\x06\x06":
            return None
        entries, size = struct.unpack_from("<QQ", data, offset + 32)
    return entries, size


def _too_many() -> RejectedFile:
    return _rejected(
        "Dit archief bevat meer dan {n} bestanden; zoveel leest Kniewijs niet in één keer.",
        "This archive holds more than {n} files; Kniewijs does not read that many at once.",
        n=MAX_MEMBERS,
    )


def _whole_archive_problem(data: bytes, budget: _Budget) -> RejectedFile | None:
    sizes = _directory_size(data)
    if sizes is None:
        return _broken_zip()
    entries, directory_bytes = sizes
    if entries + budget.members > MAX_MEMBERS or directory_bytes > MAX_CENTRAL_DIRECTORY_BYTES:
        return _too_many()
    return None


def _open_zip(data: bytes, budget: _Budget) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The archive and its members once every whole-archive limit holds; raises RejectedFile otherwise."""
    problem = _whole_archive_problem(data, budget)
    if problem is not None:
        raise problem
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # zipfile parses hostile bytes here; whatever it raises, the zip cannot be read
        raise _broken_zip() from None
    # A member without a name cannot be a file the runner meant, and zipfile's own is_dir() fails on it.
    infos = [info for info in archive.infolist() if info.filename]
    problem = _declared_problem(infos, len(data), budget)
    if problem is not None:
        archive.close()
        raise problem
    return archive, infos


def _zip_members(name: str, data: bytes, depth: int, budget: _Budget) -> Iterator[Member]:
    try:
        archive, infos = _open_zip(data, budget)
    except RejectedFile as problem:
        yield Member(name, problem=problem)
        return
    budget.members += len(infos)
    with archive:
        if not infos:
            yield Member(name, problem=SkippedFile(T("Dit archief is leeg.", "This archive is empty.")))
        for info in infos:
            if budget.bytes_out > MAX_TOTAL_BYTES:
                yield Member(name, problem=_stopped())
                return
            member_name = f"{name}!{info.filename}"
            try:
                content = _read_member(archive, info)
            except FileProblem as member_problem:
                yield Member(member_name, problem=member_problem)
                continue
            yield from _expand(member_name, content, depth + 1, budget)


def _stopped() -> RejectedFile:
    return _rejected(
        "Hier gestopt: uitgepakt werd dit archief groter dan {gb} GB; de rest is niet gelezen.",
        "Stopped here: unpacked, this archive grew beyond {gb} GB; the rest was not read.",
        gb=MAX_TOTAL_BYTES // 1024**3,
    )


def _wanted(info: zipfile.ZipInfo) -> bool:
    return not info.is_dir() and _junk(info.filename) is None


def _declared_problem(
    infos: list[zipfile.ZipInfo], archive_bytes: int, budget: _Budget
) -> RejectedFile | None:
    if len(infos) + budget.members > MAX_MEMBERS:
        return _too_many()
    declared = sum(info.file_size for info in infos if _wanted(info))
    if declared > MAX_TOTAL_BYTES:
        return _rejected(
            "Uitgepakt zou dit archief groter zijn dan {gb} GB. Zo groot is zelfs een export van vele jaren "
            "niet, dus Kniewijs pakt het niet uit.",
            "Unpacked, this archive would be larger than {gb} GB. Not even an export of many years is that "
            "large, so Kniewijs does not unpack it.",
            gb=MAX_TOTAL_BYTES // 1024**3,
        )
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.header_offset + 30 + before.compress_size > after.header_offset:
            return _bomb()
    if ordered and ordered[-1].header_offset + 30 + ordered[-1].compress_size > archive_bytes:
        return _broken_zip()
    return None


def _unsafe_path(filename: str) -> Text | None:
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


def _junk(filename: str) -> Text | None:
    """Why a member is not an activity file, judged by its name alone; None when it may be one."""
    path = filename.replace("\\", "/")
    base = posixpath.basename(path.rstrip("/")).lower()
    if "__macosx" in path.lower().split("/") or base.startswith("._"):
        return T("Extra gegevens van macOS, geen training.", "Extra data from macOS, not an activity.")
    if base in SYSTEM_FILES:
        return T("Een systeembestand, geen training.", "A system file, not an activity.")
    extension = posixpath.splitext(base)[1]
    if extension and extension not in ACTIVITY_EXTENSIONS + ARCHIVE_EXTENSIONS:
        return _NOT_ACTIVITY
    return None


_NOT_ACTIVITY = T(
    "Geen trainingsbestand (Kniewijs leest FIT, GPX, TCX en CSV).",
    "Not an activity file (Kniewijs reads FIT, GPX, TCX and CSV).",
)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes; raises SkippedFile or RejectedFile for a member that is not read."""
    if info.is_dir():
        raise SkippedFile(T("Een map, geen bestand.", "A folder, not a file."))
    unsafe = _unsafe_path(info.filename)
    if unsafe is not None:
        raise RejectedFile(unsafe)
    if stat.S_ISLNK(info.external_attr >> 16):
        raise _rejected(
            "Dit is een snelkoppeling (symbolische link) naar een ander bestand; uit veiligheid volgt "
            "Kniewijs die niet.",
            "This is a shortcut (symbolic link) to another file; for safety Kniewijs does not follow it.",
        )
    junk = _junk(info.filename)
    if junk is not None:
        raise SkippedFile(junk)
    if info.flag_bits & 0x1:
        raise _rejected(
            "Dit bestand is versleuteld met een wachtwoord; pak het zelf uit en lees het los in.",
            "This file is encrypted with a password; unpack it yourself and import it on its own.",
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _rejected(
            "Dit bestand is ingepakt met een methode die Kniewijs niet uitpakt; gebruik gewone zip-compressie.",
            "This file is packed with a method Kniewijs does not unpack; use ordinary zip compression.",
        )
    lower = info.filename.lower()
    cap = MAX_NESTED_ARCHIVE_BYTES if lower.endswith(".zip") else MAX_MEMBER_BYTES
    if info.file_size > cap:
        raise _too_large_unpacked(cap)
    if info.file_size > RATIO_GRACE_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _bomb()
    content = _inflate(archive, info, cap)
    extension = posixpath.splitext(lower)[1]
    if extension == ".csv":
        kind = classify_csv(content)
        if kind == "strava":
            raise SkippedFile(
                T(
                    "De inhoudsopgave van de export; Kniewijs gebruikt die voor de namen en sporten.",
                    "The index of the export; Kniewijs uses it for the names and sports.",
                )
            )
        if kind is None:
            raise SkippedFile(_NOT_ACTIVITY)
    elif not extension and not (_looks_like_activity(content) or classify_csv(content) == "log"):
        raise SkippedFile(_NOT_ACTIVITY)
    return content


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    out = io.BytesIO()
    total = 0
    try:
        with archive.open(info) as stream:
            while True:
                piece = stream.read(CHUNK_BYTES)
                if not piece:
                    break
                total += len(piece)
                _check_growth(total, info.compress_size, cap)
                out.write(piece)
    except FileProblem:
        raise
    except Exception:  # zipfile and zlib parse hostile bytes here; any failure means a damaged member
        raise _rejected(
            "Dit bestand in het archief is beschadigd (de controlesom klopt niet of het is afgebroken).",
            "This file in the archive is damaged (its checksum does not match or it is cut off).",
        ) from None
    return out.getvalue()


def _looks_like_activity(content: bytes) -> bool:
    head = content[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return content[8:12] == b".FIT" or head.startswith(b"<") or container_kind(content) is not None


def strava_index(name: str, data: bytes) -> dict[str, StravaRow]:
    """Strava's activities.csv in an export zip, keyed by each file's path in the zip without '.gz'.

    Empty for anything else; the same limits as `iter_members` apply, and a problem gives {}.
    """
    if container_kind(data) != "zip" or _whole_archive_problem(data, _Budget()) is not None:
        return {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                path = info.filename.replace("\\", "/")
                if posixpath.basename(path).lower() != "activities.csv" or path.count("/") > 1:
                    continue
                if info.file_size > MAX_CSV_BYTES or _unsafe_path(path) or info.flag_bits & 0x1:
                    continue
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    continue
                rows = parse_strava_index(_inflate(archive, info, MAX_CSV_BYTES))
                folder = posixpath.dirname(path)
                return {
                    strip_gz(posixpath.normpath(posixpath.join(folder, key))): row
                    for key, row in rows.items()
                }
    except Exception:  # the index only adds names and sports; an unreadable one adds nothing
        return {}
    return {}


def strip_gz(path: str) -> str:
    return path[:-3] if path.lower().endswith(".gz") else path
