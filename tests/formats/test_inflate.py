"""formats.inflate (ISA-L) against zipfile's own reading (zlib), on members zipfile wrote."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.formats.inflate import Damaged, inflate_member

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "data" / "activities"


def _zip(data: bytes, level: int = 6) -> tuple[io.BytesIO, zipfile.ZipInfo]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("member.bin", data)
    with zipfile.ZipFile(buffer) as archive:
        return buffer, archive.infolist()[0]


def _inflate(
    buffer: io.BytesIO, info: zipfile.ZipInfo, grown=lambda total, consumed: None
) -> tuple[bytes, bool]:
    out = io.BytesIO()
    exact = inflate_member(buffer, info, out, grown)
    return out.getvalue(), exact


@settings(max_examples=60, deadline=None)
@given(
    data=st.one_of(st.binary(max_size=5000), st.binary(min_size=1, max_size=40).map(lambda b: b * 5000)),
    level=st.integers(0, 9),
)
def test_every_member_unpacks_to_what_zipfile_reads_and_ends_exactly(data, level):
    buffer, info = _zip(data, level)
    with zipfile.ZipFile(buffer) as archive:
        expected = archive.read(info)
    assert _inflate(buffer, info) == (expected, True)


@pytest.mark.parametrize(
    "path", sorted(p for p in SAMPLES.rglob("*") if p.is_file())[:40], ids=lambda p: p.name
)
def test_the_sample_activity_files_come_out_byte_for_byte(path):
    data = path.read_bytes()
    buffer, info = _zip(data)
    assert _inflate(buffer, info)[0] == data


def test_a_wrong_checksum_is_damage():
    buffer, info = _zip(b"a run of ten kilometres" * 100)
    info.CRC ^= 1
    with pytest.raises(Damaged):
        _inflate(buffer, info)


def test_data_cut_off_before_its_end_is_damage():
    data = bytes(range(256)) * 400
    buffer, info = _zip(data)
    cut = zipfile.ZipInfo("member.bin")
    cut.header_offset, cut.CRC, cut.file_size = info.header_offset, info.CRC, info.file_size
    cut.compress_size = info.compress_size // 2  # the archive says the data stops halfway
    with pytest.raises(Damaged):
        _inflate(buffer, cut)


def test_more_than_the_stated_size_is_damage_and_not_unpacked_further():
    buffer, info = _zip(bytes(2_000_000))
    info.file_size = 1000
    seen: list[int] = []
    with pytest.raises(Damaged):
        _inflate(buffer, info, lambda total, consumed: seen.append(total))
    assert not seen or max(seen) <= 1000


def test_bytes_that_are_no_deflate_data_are_damage():
    buffer, info = _zip(b"x" * 1000)
    raw = bytearray(buffer.getvalue())
    start = info.header_offset + 30 + len(info.filename.encode())
    raw[start : start + 4] = b"\xff\xff\xff\xff"
    with pytest.raises(Damaged):
        _inflate(io.BytesIO(bytes(raw)), info)


def test_the_growth_check_sees_each_piece_and_can_stop_a_bomb():
    buffer, info = _zip(bytes(5 * 1024**2), 9)

    def refuse(total: int, consumed: int) -> None:
        if total > 3 * 1024**2:
            raise OverflowError("too large")

    with pytest.raises(OverflowError):
        _inflate(buffer, info, refuse)


def test_data_running_on_after_the_deflate_end_is_not_exact():
    data = b"one interval" * 300
    body = zlib.compressobj(6, zlib.DEFLATED, -15)
    deflated = body.compress(data) + body.flush() + b"extra"
    name = b"member.bin"
    local = struct.pack(
        "<4sHHHHHIIIHH",
        b"PK\x03\x04",
        20,
        0,
        8,
        0,
        0,
        zlib.crc32(data),
        len(deflated),
        len(data),
        len(name),
        0,
    )
    info = zipfile.ZipInfo("member.bin")
    info.header_offset, info.CRC = 0, zlib.crc32(data)
    info.compress_size, info.file_size, info.compress_type = len(deflated), len(data), zipfile.ZIP_DEFLATED
    out, exact = _inflate(io.BytesIO(local + name + deflated), info)
    assert out == data and exact is False
