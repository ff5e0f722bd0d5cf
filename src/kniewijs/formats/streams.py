"""Byte streams for the archive reader: spooled temporary files, read-only windows onto other streams, and
the one place where a whole member is read into memory.

An upload is read as a file, never as one `bytes`: a nested archive is unpacked into a temporary file that
stays in memory only up to SPOOL_BYTES and then lives on disk (unnamed: the operating system removes it
when it is closed, or when the process dies), so a 1 GB part zip costs a chunk of memory, not a gigabyte.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Sequence
from typing import IO, BinaryIO

SPOOL_BYTES = 1024**2  # what a temporary file keeps in memory before it moves to disk
CHUNK_BYTES = 1024**2

Window = tuple[IO[bytes], int, int]  # (stream, offset, length)
Part = bytes | Window


def spool() -> tempfile.SpooledTemporaryFile[bytes]:
    """A temporary file in memory up to SPOOL_BYTES, on disk (without a name) beyond."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+b")


def as_stream(data: bytes | bytearray | memoryview | IO[bytes]) -> IO[bytes]:
    """A seekable stream over `data`; bytes are wrapped without a copy, a stream is used as it is."""
    if isinstance(data, bytes | bytearray | memoryview):
        return io.BytesIO(data)
    return data


def size_of(stream: IO[bytes]) -> int:
    position = stream.tell()
    end = stream.seek(0, io.SEEK_END)
    stream.seek(position)
    return end


def read_at(stream: IO[bytes], offset: int, length: int) -> bytes:
    """At most `length` bytes from `offset`; fewer at the end of the stream."""
    stream.seek(offset)
    return stream.read(length)


def read_whole(stream: IO[bytes]) -> bytes:
    """The stream's bytes: for a member that a reader needs whole, after every cap has held."""
    stream.seek(0)
    return stream.read()


class Pieces(io.RawIOBase):
    """A read-only, seekable stream made of bytes and windows onto other streams. It never closes those
    streams and moves their position freely, so it is valid only while they are open and unused (zipfile
    seeks before each of its own reads, so a zip's file may be shared)."""

    def __init__(self, parts: Sequence[Part]) -> None:
        super().__init__()
        self._parts = list(parts)
        self._sizes = [len(p) if isinstance(p, bytes) else p[2] for p in self._parts]
        self._size = sum(self._sizes)
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    @property
    def size(self) -> int:
        return self._size

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        wanted = len(buffer)
        start = 0  # where the current part begins in the whole
        written = 0
        for part, size in zip(self._parts, self._sizes, strict=True):
            if written == wanted:
                break
            inside = self._position - start
            if 0 <= inside < size:
                take = min(size - inside, wanted - written)
                if isinstance(part, bytes):
                    piece = part[inside : inside + take]
                else:
                    stream, offset, _length = part
                    piece = read_at(stream, offset + inside, take)
                    if not piece:
                        break  # the window points past the end of its stream
                buffer[written : written + len(piece)] = piece
                written += len(piece)
                self._position += len(piece)
            start += size
        return written


def open_parts(parts: Sequence[Part]) -> BinaryIO:
    return io.BufferedReader(Pieces(parts), buffer_size=CHUNK_BYTES)
