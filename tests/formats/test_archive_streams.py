"""The archive reader works on files, not on bytes: nested archives go through temporary files, one member
is in memory at a time, the upload has a byte budget over every level, and each member says which bytes
to keep as the runner's original (compressed as it came)."""

from __future__ import annotations

import gzip
import io
import os
import tracemalloc
import zipfile

import pytest

from kniewijs.formats import archive
from kniewijs.formats.archive import iter_members
from kniewijs.formats.errors import RejectedFile

GPX = (
    b'<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>'
    + b"".join(
        f'<trkpt lat="52.{i:05d}" lon="5.1"><time>2024-03-15T07:{i // 60:02d}:{i % 60:02d}Z</time></trkpt>'.encode()
        for i in range(600)
    )
    + b"</trkseg></trk></gpx>"
)


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def kept(member: archive.Member) -> bytes:
    """The original's bytes; read while the iterator is at the member, as the import reads it."""
    assert member.original is not None
    with member.original.open() as stream:
        data = stream.read()
    assert len(data) == member.original.size
    return data


def with_originals(name: str, data: object) -> list[tuple[archive.Member, bytes]]:
    return [(member, kept(member)) for member in iter_members(name, data)]  # type: ignore[arg-type]


def test_a_deflated_zip_member_is_kept_as_a_gz_of_the_zips_own_bytes_that_unpacks_to_the_member() -> None:
    data = make_zip({"runs/ochtend.gpx": GPX})
    (member,) = iter_members("export.zip", data)
    original = kept(member)
    assert member.original is not None and member.original.name == "export.zip!runs/ochtend.gpx.gz"
    assert member.original.compressed and len(original) < len(GPX) / 3
    assert gzip.decompress(original) == member.data == GPX
    with zipfile.ZipFile(io.BytesIO(data)) as zf:  # the very deflate bytes of the zip, not packed again
        info = zf.getinfo("runs/ochtend.gpx")
    assert len(original) == info.compress_size + 18


def test_a_gz_in_a_strava_export_is_kept_as_that_gz() -> None:
    packed = gzip.compress(GPX)
    [(member, original)] = with_originals("strava.zip", make_zip({"activities/1.gpx.gz": packed}))
    assert member.name == "strava.zip!activities/1.gpx" and member.data == GPX
    assert member.original is not None and member.original.name == "strava.zip!activities/1.gpx.gz"
    assert original == packed


def test_a_gz_upload_is_kept_as_the_upload_itself() -> None:
    packed = gzip.compress(GPX)
    (member,) = iter_members("ochtend.gpx.gz", io.BytesIO(packed))
    assert member.data == GPX
    assert member.original is not None and member.original.name == "ochtend.gpx.gz"
    assert kept(member) == packed


def test_a_plain_upload_and_a_stored_member_are_kept_as_they_are() -> None:
    [plain] = with_originals("run.gpx", io.BytesIO(GPX))
    [stored] = with_originals("x.zip", make_zip({"run.gpx": GPX}, zipfile.ZIP_STORED))
    for member, original in (plain, stored):
        assert member.original is not None and not member.original.compressed
        assert original == GPX


def test_a_nested_zip_is_unpacked_through_a_temporary_file_not_into_memory(tmp_path) -> None:
    # A 40 MB part zip of stored members (as Garmin's part zips of FIT files can be), deflated in the
    # export: read in memory, as before, it alone would take 40 MB twice over.
    block = os.urandom(16 * 1024) * 64  # 1 MiB that compresses about 60 times
    part = io.BytesIO()
    with zipfile.ZipFile(part, "w", zipfile.ZIP_STORED) as zf:
        for i in range(40):
            zf.writestr(f"{i}.fit", block)
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("part1.zip", part.getvalue())
    del part
    tracemalloc.start()
    try:
        with path.open("rb") as upload:
            largest = 0
            for member in iter_members("export.zip", upload):
                largest = max(largest, len(member.data or b""))
                del member
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert largest == len(block)
    assert peak < 8 * 1024**2, f"peak {peak / 1024**2:.1f} MiB"


def test_a_member_refused_while_it_is_unpacked_costs_no_more_memory_than_a_chunk(monkeypatch) -> None:
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 30 * 1024**2)
    noise = os.urandom(16 * 1024) * 2048  # 32 MiB, squeezed about 60 times: over the cap once unpacked
    data = make_zip({"groot.fit.gz": gzip.compress(noise, 1), "klein.gpx": GPX})
    del noise
    tracemalloc.start()
    try:
        members = {m.name: m for m in iter_members("x.zip", data)}
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    refused = members["x.zip!groot.fit.gz"]
    assert isinstance(refused.problem, RejectedFile) and "30 MB" in refused.problem.reason.en
    assert members["x.zip!klein.gpx"].data == GPX
    assert peak < 8 * 1024**2, f"peak {peak / 1024**2:.1f} MiB"


def test_the_budget_counts_every_level_and_stops_the_upload_with_one_reason() -> None:
    noise = os.urandom(16 * 1024) * 64  # 1 MiB each, squeezed about 60 times (deflate looks back 32 KiB)
    inner = make_zip({f"{i}.gpx": noise for i in range(6)})
    upload = make_zip({"a.zip": inner, "b.zip": inner, "after.gpx": GPX}, zipfile.ZIP_STORED)
    # Each inner zip is about 0.1 MB and unpacks to 6 MB: over 12 MB in all, past a budget of 10 MB.
    members = list(iter_members("upload.zip", upload, budget_bytes=10 * 1024**2))
    stopped = [m for m in members if m.problem is not None and "Stopped here" in m.problem.reason.en]
    assert len(stopped) == 1 and stopped[0].name.startswith("upload.zip!b.zip!")
    assert "10 MB" in stopped[0].problem.reason.en and "Hier gestopt" in stopped[0].problem.reason.nl
    assert not any(m.name == "upload.zip!after.gpx" for m in members)  # the rest was not read
    read = [m for m in members if m.data is not None]
    assert 6 <= len(read) < 12


def test_within_the_budget_every_member_is_read() -> None:
    inner = make_zip({f"{i}.gpx": GPX for i in range(3)})
    members = list(iter_members("upload.zip", make_zip({"a.zip": inner, "b.gpx": GPX})))
    assert [m.data == GPX for m in members] == [True] * 4


@pytest.mark.parametrize("damage", [slice(0, -9), slice(0, 40)])
def test_a_cut_gz_from_a_file_is_refused_as_damaged(damage: slice) -> None:
    (member,) = iter_members("run.gpx.gz", io.BytesIO(gzip.compress(GPX)[damage]))
    assert isinstance(member.problem, RejectedFile) and ".gz" in member.problem.reason.en


def test_a_gz_followed_by_anything_but_zeros_is_refused() -> None:
    (padded,) = iter_members("run.gpx.gz", gzip.compress(GPX) + bytes(3 * 1024**2))
    (junk,) = iter_members("run.gpx.gz", gzip.compress(GPX) + bytes(2 * 1024**2) + b"x")
    assert padded.data == GPX
    assert isinstance(junk.problem, RejectedFile)
