"""Unpacking uploads safely: Garmin and Strava exports, .gz, and every kind of hostile archive."""

from __future__ import annotations

import gzip
import io
import os
import stat
import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.formats import archive
from kniewijs.formats.archive import Member, iter_members, strava_index
from kniewijs.formats.errors import RejectedFile, SkippedFile

ACTIVITIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "activities"
GPX = b'<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="52" lon="5"><time>2024-03-15T07:00:00Z</time></trkpt></trkseg></trk></gpx>'
STRAVA_CSV = (
    b"Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Filename\n"
    b'1,"Jan 3, 2020, 6:31:56 PM",Avondloop,Run,3000,activities/1.fit.gz\n'
    b'2,"Jan 4, 2020, 6:31:56 PM",Rit,Ride,3000,activities/2.gpx.gz\n'
)


@pytest.fixture(scope="module")
def real_fit() -> bytes:
    """A small valid FIT file: a real Garmin Fenix 5 run from the shared samples."""
    path = ACTIVITIES / "fit" / "fitdecode__garmin-fenix-5-run.fit"
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the shared sample files are missing: {ACTIVITIES}")
        pytest.skip(f"the shared sample files are not on this machine ({ACTIVITIES})")
    return path.read_bytes()


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, data in members.items():
            if name.endswith("/"):
                zf.mkdir(name) if hasattr(zf, "mkdir") else zf.writestr(name, b"")
            else:
                zf.writestr(name, data)
    return buffer.getvalue()


def raw_zip(entries: list[tuple[str, bytes]], *, all_at_first_header: bool = False) -> bytes:
    """A stored zip written byte by byte (APPNOTE 4.3.7 and 4.3.12), for what zipfile will not write."""
    body, central = bytearray(), bytearray()
    for name, data in entries:
        encoded, crc = name.encode(), zlib.crc32(data)
        offset = 0 if all_at_first_header else len(body)
        body += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, crc, len(data), len(data), len(encoded), 0
        )
        body += encoded + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            0,
            0,
            0,
            crc,
            len(data),
            len(data),
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    return bytes(body + central + end)


def with_flag_bits(data: bytes, name: str, bits: int) -> bytes:
    """The zip with general-purpose flag bits set on one member, in its local and its central header."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    patched[info.header_offset + 6] |= bits
    central = patched.find(b"PK\x01\x02")
    while central >= 0:
        name_length = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_length] == name.encode():
            patched[central + 8] |= bits
        central = patched.find(b"PK\x01\x02", central + 46)
    return bytes(patched)


def by_name(members: list[Member]) -> dict[str, Member]:
    return {member.name: member for member in members}


def test_a_file_that_is_no_archive_is_its_own_single_member() -> None:
    assert list(iter_members("run.gpx", GPX)) == [Member("run.gpx", data=GPX)]


def test_a_garmin_like_export_gives_each_fit_file_in_its_nested_part_zip(real_fit: bytes) -> None:
    part = make_zip(
        {"a@b.nl_1001.fit": real_fit, "a@b.nl_1002.fit": real_fit[:-1] + b"\x00"}, zipfile.ZIP_DEFLATED
    )
    export = make_zip(
        {
            "DI_CONNECT/": b"",
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": part,
            "DI_CONNECT/DI-Connect-Fitness/a@b.nl_0_summarizedActivities.json": b"[]",
        },
        zipfile.ZIP_STORED,
    )
    members = by_name(list(iter_members("export.zip", export)))
    prefix = "export.zip!DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip!"
    assert members[prefix + "a@b.nl_1001.fit"].data == real_fit
    assert members[prefix + "a@b.nl_1002.fit"].data == real_fit[:-1] + b"\x00"
    assert isinstance(members["export.zip!DI_CONNECT/"].problem, SkippedFile)
    skipped = members["export.zip!DI_CONNECT/DI-Connect-Fitness/a@b.nl_0_summarizedActivities.json"].problem
    assert isinstance(skipped, SkippedFile) and "FIT, GPX, TCX" in skipped.reason.en
    assert len(members) == 4


def test_a_strava_like_export_unpacks_each_gz_and_reports_its_index_as_skipped(real_fit: bytes) -> None:
    export = make_zip(
        {
            "activities.csv": STRAVA_CSV,
            "activities/1.fit.gz": gzip.compress(real_fit),
            "activities/2.gpx.gz": gzip.compress(GPX),
            "media/photo.jpg": b"\xff\xd8\xff",
            "profile.csv": b"Athlete ID,Email\n1,a@b.nl\n",
        }
    )
    members = by_name(list(iter_members("export.zip", export)))
    assert members["export.zip!activities/1.fit"].data == real_fit
    assert members["export.zip!activities/2.gpx"].data == GPX
    index_problem = members["export.zip!activities.csv"].problem
    assert isinstance(index_problem, SkippedFile) and "index of the export" in index_problem.reason.en
    assert isinstance(members["export.zip!media/photo.jpg"].problem, SkippedFile)
    assert isinstance(members["export.zip!profile.csv"].problem, SkippedFile)
    index = strava_index("export.zip", export)
    assert set(index) == {"activities/1.fit", "activities/2.gpx"}
    assert index["activities/2.gpx"].sport == "cycling"


def test_a_strava_export_inside_a_top_folder_keys_its_index_by_the_full_path() -> None:
    export = make_zip(
        {"export_1/activities.csv": STRAVA_CSV, "export_1/activities/2.gpx.gz": gzip.compress(GPX)}
    )
    assert "export_1/activities/2.gpx" in strava_index("export.zip", export)
    assert strava_index("run.gpx", GPX) == {}


def test_a_plain_gz_file_is_unpacked_and_named_after_its_content() -> None:
    assert list(iter_members("run.gpx.gz", gzip.compress(GPX))) == [Member("run.gpx", data=GPX)]


def test_a_gz_of_several_gzip_members_is_unpacked_whole() -> None:
    data = gzip.compress(GPX[:50]) + gzip.compress(GPX[50:]) + b"\x00\x00"
    assert list(iter_members("run.gpx.gz", data)) == [Member("run.gpx", data=GPX)]


@pytest.mark.parametrize(
    "bad_name", ["../evil.gpx", "a/../../evil.gpx", "/etc/evil.gpx", "C:/evil.gpx", "..\\evil.gpx"]
)
def test_a_member_with_a_path_outside_the_archive_is_refused_and_the_rest_goes_on(bad_name: str) -> None:
    members = by_name(list(iter_members("x.zip", raw_zip([(bad_name, GPX), ("good.gpx", GPX)]))))
    problem = members[f"x.zip!{bad_name}"].problem
    assert isinstance(problem, RejectedFile) and "Kniewijs" in problem.reason.en
    assert members["x.zip!good.gpx"].data == GPX


def test_a_symlink_member_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        link = zipfile.ZipInfo("run.gpx")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, b"/etc/passwd")
        zf.writestr("other.gpx", GPX)
    members = by_name(list(iter_members("x.zip", buffer.getvalue())))
    problem = members["x.zip!run.gpx"].problem
    assert isinstance(problem, RejectedFile) and "symbolic link" in problem.reason.en
    assert members["x.zip!other.gpx"].data == GPX


def test_an_encrypted_member_is_refused() -> None:
    data = with_flag_bits(make_zip({"secret.gpx": GPX, "open.gpx": GPX}), "secret.gpx", 0x1)
    members = by_name(list(iter_members("x.zip", data)))
    problem = members["x.zip!secret.gpx"].problem
    assert isinstance(problem, RejectedFile) and "password" in problem.reason.en
    assert members["x.zip!open.gpx"].data == GPX


def test_a_zip_bomb_declaring_10_gb_is_refused_whole_with_nothing_decompressed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.fit", bytes(1000))
        zf.infolist()[0].file_size = 10 * 1024**3  # written into the central directory (zip64)
    data = buffer.getvalue()

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a member was opened for decompression")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    tracemalloc.start()
    try:
        members = list(iter_members("bomb.zip", data))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(members) == 1
    problem = members[0].problem
    assert isinstance(problem, RejectedFile) and "GB" in problem.reason.en
    assert peak < 2 * 1024**2


def test_a_member_declaring_more_than_the_member_cap_is_refused_unread_and_the_rest_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("huge.fit", bytes(1000))
        zf.writestr("fine.gpx", GPX)
        zf.getinfo("huge.fit").file_size = 150 * 1024**2
    opened: list[str] = []
    original = zipfile.ZipFile.open
    original_inflate = archive.inflate_member

    def spy(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        opened.append(getattr(name, "filename", str(name)))
        return original(self, name, *args, **kwargs)  # type: ignore[arg-type]

    def inflate_spy(stream: Any, info: zipfile.ZipInfo, *args: Any) -> bool:
        opened.append(info.filename)  # deflated members are unpacked by formats.inflate, not ZipFile.open
        return original_inflate(stream, info, *args)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    monkeypatch.setattr(archive, "inflate_member", inflate_spy)
    members = by_name(list(iter_members("x.zip", buffer.getvalue())))
    problem = members["x.zip!huge.fit"].problem
    assert isinstance(problem, RejectedFile) and "100 MB" in problem.reason.en
    assert members["x.zip!fine.gpx"].data == GPX
    assert opened == ["fine.gpx"]


def test_a_member_that_compresses_over_200_times_is_refused_as_a_bomb() -> None:
    members = by_name(list(iter_members("x.zip", make_zip({"zeros.fit": bytes(5 * 1024**2), "ok.gpx": GPX}))))
    problem = members["x.zip!zeros.fit"].problem
    assert isinstance(problem, RejectedFile) and "zip bomb" in problem.reason.en
    assert members["x.zip!ok.gpx"].data == GPX


def test_a_member_that_understates_its_size_is_cut_at_that_size_and_refused_as_damaged() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("liar.fit", bytes(20 * 1024**2))
        zf.writestr("ok.gpx", GPX)
        zf.getinfo("liar.fit").file_size = 1000  # the central directory now claims 1000 bytes
    tracemalloc.start()
    try:
        members = by_name(list(iter_members("x.zip", buffer.getvalue())))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    problem = members["x.zip!liar.fit"].problem
    assert isinstance(problem, RejectedFile) and "damaged" in problem.reason.en
    assert members["x.zip!ok.gpx"].data == GPX
    assert peak < 8 * 1024**2


def test_a_nested_gz_bomb_is_refused_early_without_unpacking_it() -> None:
    squeezer = zlib.compressobj(9, zlib.DEFLATED, 31)
    megabyte = bytes(1024**2)
    inner = b"".join(squeezer.compress(megabyte) for _ in range(32)) + squeezer.flush()
    bomb = gzip.compress(inner, 9)
    tracemalloc.start()
    try:
        members = list(iter_members("run.fit.gz.gz", bomb))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(members) == 1 and members[0].name == "run.fit.gz"
    problem = members[0].problem
    assert isinstance(problem, RejectedFile) and "zip bomb" in problem.reason.en
    assert peak < 8 * 1024**2


def test_gz_decompression_stops_at_the_cap_whatever_the_file_says(monkeypatch: pytest.MonkeyPatch) -> None:
    incompressible = os.urandom(300_000)
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 100_000)
    (member,) = iter_members("noise.fit.gz", gzip.compress(incompressible))
    assert isinstance(member.problem, RejectedFile) and "larger than 0 MB" in member.problem.reason.en


def test_an_archive_with_more_than_20000_members_is_refused_whole_before_any_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = raw_zip([(f"run{i}.gpx", b"") for i in range(archive.MAX_MEMBERS + 1)])
    monkeypatch.setattr(zipfile, "ZipFile", None)  # nothing may even be parsed by zipfile
    (member,) = iter_members("many.zip", data)
    assert isinstance(member.problem, RejectedFile) and "20000" in member.problem.reason.en


def test_members_that_share_their_data_are_refused_whole_as_an_overlapping_bomb() -> None:
    data = raw_zip([("a.gpx", GPX)] * 3, all_at_first_header=True)
    (member,) = iter_members("overlap.zip", data)
    assert isinstance(member.problem, RejectedFile) and "zip bomb" in member.problem.reason.en


def test_archives_nested_deeper_than_two_levels_are_refused_at_the_third() -> None:
    third = make_zip({"run.gpx": GPX})
    second = make_zip({"deeper.zip": third, "run.gpx": GPX})
    first = make_zip({"inner.zip": second})
    members = by_name(list(iter_members("outer.zip", first)))
    assert members["outer.zip!inner.zip!run.gpx"].data == GPX
    problem = members["outer.zip!inner.zip!deeper.zip"].problem
    assert isinstance(problem, RejectedFile) and "too deep" in problem.reason.en


def test_gz_inside_gz_inside_gz_is_refused_at_the_third_level() -> None:
    (member,) = iter_members("a.gpx.gz.gz.gz", gzip.compress(gzip.compress(gzip.compress(GPX))))
    assert member.name == "a.gpx.gz" and isinstance(member.problem, RejectedFile)


def test_macos_extras_system_files_and_folders_are_skipped_with_a_reason() -> None:
    log = b"date,distance_km\n2024-03-15,5\n"
    data = make_zip(
        {
            "__MACOSX/._run.gpx": b"junk",
            "runs/.DS_Store": b"junk",
            "runs/Thumbs.db": b"junk",
            "runs/": b"",
            "runs/run.gpx": GPX,
            "runs/log.csv": log,
            "runs/README": b"hello",
        }
    )
    members = by_name(list(iter_members("x.zip", data)))
    reasons = {name: m.problem.reason.en for name, m in members.items() if m.problem is not None}
    assert reasons == {
        "x.zip!__MACOSX/._run.gpx": "Extra data from macOS, not an activity.",
        "x.zip!runs/.DS_Store": "A system file, not an activity.",
        "x.zip!runs/Thumbs.db": "A system file, not an activity.",
        "x.zip!runs/": "A folder, not a file.",
        "x.zip!runs/README": "Not an activity file (Kniewijs reads FIT, GPX, TCX and CSV).",
    }
    assert members["x.zip!runs/run.gpx"].data == GPX
    assert members["x.zip!runs/log.csv"].data == log


def test_a_member_packed_with_bzip2_is_refused() -> None:
    data = make_zip({"run.gpx": GPX}, zipfile.ZIP_BZIP2)
    (member,) = iter_members("x.zip", data)
    assert isinstance(member.problem, RejectedFile) and "ordinary zip compression" in member.problem.reason.en


def test_a_member_with_a_wrong_checksum_is_refused_and_the_rest_goes_on() -> None:
    data = bytearray(make_zip({"bad.gpx": GPX, "good.gpx": GPX}, zipfile.ZIP_STORED))
    data[data.find(b"2024")] = ord("3")
    members = by_name(list(iter_members("x.zip", bytes(data))))
    problem = members["x.zip!bad.gpx"].problem
    assert isinstance(problem, RejectedFile) and "checksum" in problem.reason.en
    assert members["x.zip!good.gpx"].data == GPX


def test_a_truncated_zip_is_rejected_as_damaged() -> None:
    data = make_zip({"run.gpx": GPX})
    (member,) = iter_members("x.zip", data[: len(data) - 30])
    assert isinstance(member.problem, RejectedFile) and "damaged" in member.problem.reason.en


def test_an_empty_zip_is_skipped() -> None:
    (member,) = iter_members("x.zip", make_zip({}))
    assert isinstance(member.problem, SkippedFile)


def test_a_damaged_gz_is_rejected() -> None:
    data = gzip.compress(GPX)
    (member,) = iter_members("run.gpx.gz", data[:-10])
    assert isinstance(member.problem, RejectedFile) and ".gz" in member.problem.reason.en


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b\x08\x00"]), st.binary(max_size=3000))
def test_random_bytes_behind_archive_magic_give_members_and_never_raise(magic: bytes, rest: bytes) -> None:
    for member in iter_members("x.zip", magic + rest):
        assert (member.data is None) != (member.problem is None)


VALID_ZIP = make_zip({"a.gpx": GPX, "b.gpx.gz": gzip.compress(GPX), "c/": b""})


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(VALID_ZIP) - 1), st.binary(min_size=1, max_size=8))
def test_a_damaged_zip_gives_members_and_never_raises(position: int, junk: bytes) -> None:
    damaged = VALID_ZIP[:position] + junk + VALID_ZIP[position + len(junk) :]
    for member in iter_members("x.zip", damaged):
        assert (member.data is None) != (member.problem is None)


def test_a_member_without_a_name_is_passed_over_without_an_error():
    import io
    import zipfile

    from kniewijs.formats.archive import iter_members

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("run.gpx", b"<gpx/>")
        archive.writestr(zipfile.ZipInfo(""), b"data")  # zipfile's own is_dir() fails on this member
    members = list(iter_members("export.zip", buffer.getvalue()))
    assert [m.name for m in members] == ["export.zip!run.gpx"]
