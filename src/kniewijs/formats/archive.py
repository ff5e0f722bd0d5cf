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
- across the whole upload, every level together, at most the upload's budget (MAX_UNPACKED_BYTES unless
  the caller gives another) unpacked; past it the import stops with a reason.
Nothing is unpacked into memory but the one member a reader needs, and only once it has passed every cap:
the upload is read as a file, a nested archive or .gz is unpacked into a temporary file (streams.spool)
that moves to disk past 1 MB, and a member refused while it is unpacked has cost a chunk of memory.
A bad member is reported as a problem and the rest of the archive goes on. Folders, macOS extras,
thumbnails and other non-activity files are reported as skipped, and so is Strava's activities.csv
("the index of the export"): `strava_index` reads it separately for the names and sports it adds.
Names: "export.zip!activities/123.fit" ('!' between an archive and its member; a .gz member is named
after its content, without '.gz').

Each member also carries its `Original`: the bytes to keep as the file the runner gave, as compressed as
they came. A .gz stays the .gz; a deflated zip member becomes a .gz made of the very deflate bytes the zip
held (RFC 1952 around RFC 1951 data, with the zip's CRC-32 and size); a stored member or a plain upload is
kept as it is.
"""

from __future__ import annotations

import posixpath
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, BinaryIO

from kniewijs.core.text import T
from kniewijs.formats import zipcheck
from kniewijs.formats.csv_log import MAX_CSV_BYTES, StravaRow, classify_csv, parse_strava_index
from kniewijs.formats.errors import FileProblem, RejectedFile, SkippedFile
from kniewijs.formats.inflate import inflate_member
from kniewijs.formats.streams import (
    CHUNK_BYTES,
    Part,
    as_stream,
    open_parts,
    read_at,
    read_whole,
    size_of,
    spool,
)
from kniewijs.formats.zipcheck import junk, rejected, size_text, strip_gz, unsafe_path

MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 2 * 1024**3  # what one zip may declare, its members added up
MAX_UNPACKED_BYTES = 4 * 1024**3  # per upload, every level together (a 500 MB Garmin export is ~2.5 GB)
MAX_MEMBER_BYTES = 100 * 1024**2
MAX_NESTED_ARCHIVE_BYTES = 1024**3  # a part zip of a Garmin export holds years of FIT files
MAX_RATIO = 200  # deflated GPX/TCX is 5-30x smaller, FIT 2-5x; deflate itself tops out near 1032x
RATIO_GRACE_BYTES = 1024**2  # a tiny file may compress extremely well and harm no one
MAX_DEPTH = 2
MAX_CENTRAL_DIRECTORY_BYTES = zipcheck.MAX_CENTRAL_DIRECTORY_BYTES
HEAD_BYTES = 65536  # what the checks by content read of a member: its format and a CSV's header row

ZIP_MAGIC = zipcheck.ZIP_MAGIC
GZIP_MAGIC = b"\x1f\x8b"
Source = bytes | bytearray | memoryview | IO[bytes]


@dataclass(frozen=True, slots=True)
class Original:
    """The bytes to keep for a member: the file as the runner gave it, compressed where it was.

    Valid only until the iterator that gave it moves on (it reads from the upload and its temporary files).
    """

    name: str
    size: int
    parts: tuple[Part, ...] = field(repr=False, compare=False)
    compressed: bool = False  # False: the original's bytes are the member's own

    def open(self) -> BinaryIO:
        return open_parts(self.parts)


@dataclass(frozen=True, slots=True)
class Member:
    """One file found in an upload: its bytes, or why it is not read."""

    name: str
    data: bytes | None = None
    problem: FileProblem | None = None
    original: Original | None = field(default=None, compare=False, repr=False)


@dataclass
class _Budget:
    limit: int
    members: int = 0
    bytes_out: int = 0
    stopped: bool = False


def container_kind(data: bytes) -> str | None:
    if data[:4] in ZIP_MAGIC:
        return "zip"
    if data[:2] == GZIP_MAGIC:
        return "gzip"
    return None


def iter_members(name: str, data: Source, *, budget_bytes: int | None = None) -> Iterator[Member]:
    """Every file in `data` (bytes or a seekable binary file): the file itself when it is no archive, else
    each member, depth first. At most `budget_bytes` (default MAX_UNPACKED_BYTES) are unpacked in all.

    Each member's bytes are read only when the iterator reaches it: drop a member before taking the next,
    and only one is ever in memory."""
    stream = as_stream(data)
    size = size_of(stream)
    budget = _Budget(MAX_UNPACKED_BYTES if budget_bytes is None else budget_bytes)
    yield from _expand(name, stream, 0, budget, Original(name, size, ((stream, 0, size),)))


def _expand(
    name: str, stream: IO[bytes], depth: int, budget: _Budget, original: Original
) -> Iterator[Member]:
    kind = container_kind(read_at(stream, 0, 4))
    if kind is None:
        if size_of(stream) > MAX_MEMBER_BYTES:  # only an upload itself; members were held to the cap
            yield Member(name, problem=_too_large_unpacked(MAX_MEMBER_BYTES))
            return
        data = read_whole(stream)
        yield Member(name, data=data, original=original)
        del data  # gone before the next member is read
        return
    if depth >= MAX_DEPTH:
        yield Member(
            name,
            problem=rejected(
                "Dit archief zit te diep in andere archieven verpakt (meer dan {n} lagen).",
                "This archive is packed too deep inside other archives (more than {n} levels).",
                n=MAX_DEPTH,
            ),
        )
        return
    if kind == "zip":
        yield from _zip_members(name, stream, depth, budget)
        return
    inner = strip_gz(name)
    cap = MAX_NESTED_ARCHIVE_BYTES if inner.lower().endswith(".zip") else MAX_MEMBER_BYTES
    with spool() as unpacked:
        try:
            _gunzip_into(stream, unpacked, cap, budget)
        except FileProblem as problem:
            yield Member(name, problem=problem)
            return
        # A .gz is kept as the .gz: the original is the one this level was given, which is compressed.
        kept = Original(original.name, original.size, original.parts, compressed=True)
        yield from _expand(inner, unpacked, depth + 1, budget, kept)


def _gunzip_into(source: IO[bytes], out: IO[bytes], cap: int, budget: _Budget) -> None:
    """A .gz file's content, streamed into `out`: stops at `cap` + 1 bytes, at a bomb's ratio or at the
    upload's budget, whatever the file says. Several gzip members follow one another (RFC 1952 2.2)."""
    source.seek(0)
    position = 0  # bytes read from `source`
    pending = b""  # read, but not yet given to the decompressor
    total = 0
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while True:
            if decompressor.unconsumed_tail:
                piece = decompressor.decompress(decompressor.unconsumed_tail, CHUNK_BYTES)
            else:
                chunk = pending or source.read(CHUNK_BYTES)
                position += 0 if pending else len(chunk)
                pending = b""
                if not chunk:
                    raise _broken_gzip()
                piece = decompressor.decompress(chunk, CHUNK_BYTES)
            total += len(piece)
            _check_growth(total, position - len(decompressor.unconsumed_tail), cap, budget)
            out.write(piece)
            if not decompressor.eof:
                continue
            rest = decompressor.unused_data
            while len(rest) < 2 and (more := source.read(CHUNK_BYTES)):
                rest += more
                position += len(more)
            if rest[:2] == GZIP_MAGIC:
                pending = rest  # already counted in `position`
                decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                continue
            if rest.strip(b"\x00") or not _only_zeros_left(source):
                raise _broken_gzip()  # only zero padding may follow the last member
            break
    except zlib.error:
        raise _broken_gzip() from None
    finally:
        budget.bytes_out += total


def _only_zeros_left(source: IO[bytes]) -> bool:
    while more := source.read(CHUNK_BYTES):
        if more.strip(b"\x00"):
            return False
    return True


def _broken_gzip() -> RejectedFile:
    return rejected("Dit .gz-bestand is beschadigd of afgebroken.", "This .gz file is damaged or cut off.")


def _too_large_unpacked(cap: int) -> RejectedFile:
    return rejected(
        "Uitgepakt is dit bestand groter dan {mb} MB; zo groot is een training nooit.",
        "Unpacked, this file is larger than {mb} MB, more than any activity needs.",
        mb=cap // 1024**2,
    )


def _check_growth(total: int, consumed: int, cap: int, budget: _Budget) -> None:
    """Raises once a member grew past its cap, its ratio or what is left of the upload's budget."""
    if budget.bytes_out + total > budget.limit:
        budget.stopped = True
        raise _stopped(budget.limit)
    if total > cap:
        raise _too_large_unpacked(cap)
    if total > RATIO_GRACE_BYTES and total > MAX_RATIO * max(consumed, 1):
        raise _bomb()


def _bomb() -> RejectedFile:
    return rejected(
        "Dit bestand pakt uit tot meer dan {ratio} keer zijn eigen grootte. Zo gedraagt alleen een "
        "'zipbom' zich, die de computer moet laten vastlopen; Kniewijs pakt het niet uit.",
        "This file unpacks to more than {ratio} times its own size. Only a 'zip bomb', made to jam the "
        "computer, behaves like that; Kniewijs does not unpack it.",
        ratio=MAX_RATIO,
    )


def _stopped(limit: int) -> RejectedFile:
    return rejected(
        "Hier gestopt: uitgepakt werd deze upload groter dan {size}; de rest is niet gelezen.",
        "Stopped here: unpacked, this upload grew beyond {size}; the rest was not read.",
        size=size_text(limit),
    )


def _too_many() -> RejectedFile:
    return rejected(
        "Dit archief bevat meer dan {n} bestanden; zoveel leest Kniewijs niet in één keer.",
        "This archive holds more than {n} files; Kniewijs does not read that many at once.",
        n=MAX_MEMBERS,
    )


def _whole_archive_problem(stream: IO[bytes], budget: _Budget) -> RejectedFile | None:
    sizes = zipcheck.directory_size(stream)
    if sizes is None:
        return zipcheck.broken_zip()
    entries, directory_bytes = sizes
    if entries + budget.members > MAX_MEMBERS or directory_bytes > MAX_CENTRAL_DIRECTORY_BYTES:
        return _too_many()
    return None


def _open_zip(stream: IO[bytes], budget: _Budget) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The archive and its members once every whole-archive limit holds; raises RejectedFile otherwise."""
    problem = _whole_archive_problem(stream, budget)
    if problem is not None:
        raise problem
    try:
        archive = zipfile.ZipFile(stream)
    except Exception:  # zipfile parses hostile bytes here; whatever it raises, the zip cannot be read
        raise zipcheck.broken_zip() from None
    # A member without a name cannot be a file the runner meant, and zipfile's own is_dir() fails on it.
    infos = [info for info in archive.infolist() if info.filename]
    problem = _declared_problem(infos, size_of(stream), budget)
    if problem is not None:
        archive.close()
        raise problem
    return archive, infos


def _declared_problem(
    infos: list[zipfile.ZipInfo], archive_bytes: int, budget: _Budget
) -> RejectedFile | None:
    if len(infos) + budget.members > MAX_MEMBERS:
        return _too_many()
    declared = sum(info.file_size for info in infos if not info.is_dir() and junk(info.filename) is None)
    if declared > MAX_TOTAL_BYTES:
        return rejected(
            "Uitgepakt zou dit archief groter zijn dan {gb} GB. Zo groot is zelfs een export van vele jaren "
            "niet, dus Kniewijs pakt het niet uit.",
            "Unpacked, this archive would be larger than {gb} GB. Not even an export of many years is that "
            "large, so Kniewijs does not unpack it.",
            gb=MAX_TOTAL_BYTES // 1024**3,
        )
    return zipcheck.overlap_problem(infos, archive_bytes, _bomb())


def _zip_members(name: str, stream: IO[bytes], depth: int, budget: _Budget) -> Iterator[Member]:
    try:
        archive, infos = _open_zip(stream, budget)
    except RejectedFile as problem:
        yield Member(name, problem=problem)
        return
    budget.members += len(infos)
    with archive:
        if not infos:
            yield Member(name, problem=SkippedFile(T("Dit archief is leeg.", "This archive is empty.")))
        for info in infos:
            if budget.stopped:
                return  # the member where the budget ran out said so
            yield from _member(archive, stream, info, f"{name}!{info.filename}", depth, budget)


def _member(
    archive: zipfile.ZipFile, stream: IO[bytes], info: zipfile.ZipInfo, name: str, depth: int, budget: _Budget
) -> Iterator[Member]:
    try:
        cap = _readable(info)
    except FileProblem as problem:
        yield Member(name, problem=problem)
        return
    if budget.bytes_out + info.file_size > budget.limit:
        budget.stopped = True
        yield Member(name, problem=_stopped(budget.limit))
        return
    with spool() as content:
        try:
            exact = _inflate(archive, stream, info, content, cap, budget)
            head = read_at(content, 0, HEAD_BYTES)
            _check_content(info.filename, head)
        except FileProblem as problem:
            yield Member(name, problem=problem)
            return
        size = size_of(content)
        kind = container_kind(head)
        if kind is None and info.compress_type == zipfile.ZIP_DEFLATED and exact:
            original = Original(f"{name}.gz", *_deflate_as_gzip(stream, info), compressed=True)
        else:  # a .gz as it is; a stored member as it is; a nested zip gives its own members' originals
            original = Original(name, size, ((content, 0, size),), compressed=kind == "gzip")
        yield from _expand(name, content, depth + 1, budget, original)


def _readable(info: zipfile.ZipInfo) -> int:
    """The member's cap once it may be unpacked; raises SkippedFile or RejectedFile when it is not read."""
    if info.is_dir():
        raise SkippedFile(T("Een map, geen bestand.", "A folder, not a file."))
    unsafe = unsafe_path(info.filename)
    if unsafe is not None:
        raise RejectedFile(unsafe)
    if stat.S_ISLNK(info.external_attr >> 16):
        raise rejected(
            "Dit is een snelkoppeling (symbolische link) naar een ander bestand; uit veiligheid volgt "
            "Kniewijs die niet.",
            "This is a shortcut (symbolic link) to another file; for safety Kniewijs does not follow it.",
        )
    reason = junk(info.filename)
    if reason is not None:
        raise SkippedFile(reason)
    if info.flag_bits & 0x1:
        raise rejected(
            "Dit bestand is versleuteld met een wachtwoord; pak het zelf uit en lees het los in.",
            "This file is encrypted with a password; unpack it yourself and import it on its own.",
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise rejected(
            "Dit bestand is ingepakt met een methode die Kniewijs niet uitpakt; gebruik gewone zip-compressie.",
            "This file is packed with a method Kniewijs does not unpack; use ordinary zip compression.",
        )
    cap = MAX_NESTED_ARCHIVE_BYTES if info.filename.lower().endswith(".zip") else MAX_MEMBER_BYTES
    if info.file_size > cap:
        raise _too_large_unpacked(cap)
    if info.file_size > RATIO_GRACE_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _bomb()
    return cap


def _check_content(filename: str, head: bytes) -> None:
    """Skips a member that is no activity by its first bytes: Strava's index, another CSV, unknown data."""
    extension = posixpath.splitext(filename.lower())[1]
    if extension == ".csv":
        kind = classify_csv(head)
        if kind == "strava":
            raise SkippedFile(
                T(
                    "De inhoudsopgave van de export; Kniewijs gebruikt die voor de namen en sporten.",
                    "The index of the export; Kniewijs uses it for the names and sports.",
                )
            )
        if kind is None:
            raise SkippedFile(zipcheck.NOT_ACTIVITY)
    elif not extension and not (_looks_like_activity(head) or classify_csv(head) == "log"):
        raise SkippedFile(zipcheck.NOT_ACTIVITY)


def _inflate(
    archive: zipfile.ZipFile,
    stream: IO[bytes],
    info: zipfile.ZipInfo,
    out: IO[bytes],
    cap: int,
    budget: _Budget,
) -> bool:
    """Unpack the member into `out` within every cap. Returns whether its deflate data ended exactly at its
    compressed size: only then do those bytes, wrapped as a .gz, give back exactly this member."""
    unpacked = [0]

    def grown(total: int, consumed: int) -> None:
        unpacked[0] = total
        _check_growth(total, consumed, cap, budget)

    try:
        if info.compress_type == zipfile.ZIP_DEFLATED:
            return inflate_member(stream, info, out, grown)
        with archive.open(info) as member:  # stored as it is: zipfile checks its CRC
            total = 0
            while piece := member.read(CHUNK_BYTES):
                total += len(piece)
                grown(total, info.compress_size)
                out.write(piece)
            return False
    except FileProblem:
        raise
    except Exception:  # hostile bytes fail in many ways here; any failure means a damaged member
        raise rejected(
            "Dit bestand in het archief is beschadigd (de controlesom klopt niet of het is afgebroken).",
            "This file in the archive is damaged (its checksum does not match or it is cut off).",
        ) from None
    finally:
        budget.bytes_out += unpacked[0]


def _deflate_as_gzip(stream: IO[bytes], info: zipfile.ZipInfo) -> tuple[int, tuple[Part, ...]]:
    """(size, parts) of a .gz holding the member's deflate bytes as the zip has them: no recompression."""
    start = zipcheck.data_offset(stream, info)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time, unknown system
    trailer = struct.pack("<II", info.CRC, info.file_size & 0xFFFFFFFF)
    return len(header) + info.compress_size + len(trailer), (
        header,
        (stream, start, info.compress_size),
        trailer,
    )


def _looks_like_activity(head: bytes) -> bool:
    start = head[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[8:12] == b".FIT" or start.startswith(b"<") or container_kind(head) is not None


def strava_index(name: str, data: Source) -> dict[str, StravaRow]:
    """Strava's activities.csv in an export zip, keyed by each file's path in the zip without '.gz'.

    Empty for anything else; the same limits as `iter_members` apply, and a problem gives {}.
    """
    stream = as_stream(data)
    if (
        container_kind(read_at(stream, 0, 4)) != "zip"
        or _whole_archive_problem(stream, _Budget(0)) is not None
    ):
        return {}
    try:
        with zipfile.ZipFile(stream) as archive:
            for info in archive.infolist():
                path = info.filename.replace("\\", "/")
                if posixpath.basename(path).lower() != "activities.csv" or path.count("/") > 1:
                    continue
                if info.file_size > MAX_CSV_BYTES or unsafe_path(path) or info.flag_bits & 0x1:
                    continue
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    continue
                with spool() as content:
                    _inflate(archive, stream, info, content, MAX_CSV_BYTES, _Budget(MAX_CSV_BYTES))
                    rows = parse_strava_index(read_whole(content))
                folder = posixpath.dirname(path)
                return {
                    strip_gz(posixpath.normpath(posixpath.join(folder, key))): row
                    for key, row in rows.items()
                }
    except Exception:  # the index only adds names and sports; an unreadable one adds nothing
        return {}
    return {}
