"""Choosing the reader by content, then by name, and reading a whole export without ever raising."""

from __future__ import annotations

import contextlib
import gzip
import importlib
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.formats import detect
from kniewijs.formats.csv_log import parse_strava_index
from kniewijs.formats.detect import file_kind, iter_activity_files, read_activity_file
from kniewijs.formats.errors import FileProblem, RejectedFile, SkippedFile

ACTIVITIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "activities"


def gpx(kind: str | None = None, name: str | None = None) -> bytes:
    type_tag = f"<type>{kind}</type>" if kind else ""
    name_tag = f"<name>{name}</name>" if name else ""
    return (
        f'<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk>{name_tag}{type_tag}'
        '<trkseg><trkpt lat="52" lon="5"><time>2024-03-15T07:00:00Z</time></trkpt>'
        '<trkpt lat="52.01" lon="5"><time>2024-03-15T07:05:00Z</time></trkpt></trkseg></trk></gpx>'
    ).encode()


def tcx(sport: str) -> bytes:
    return (
        '<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>2024-03-16T07:00:00Z</Id><Lap StartTime="2024-03-16T07:00:00Z">'
        "<TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>2000</DistanceMeters><Track><Trackpoint>"
        "<Time>2024-03-16T07:00:00Z</Time></Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>"
    ).encode()


LOG = b"date;distance_km;duration\n2024-03-15;5;30\n"


def fit_reader_or_skip() -> None:
    try:
        importlib.import_module("kniewijs.formats.fit")
    except ImportError as error:
        pytest.skip(f"kniewijs.formats.fit cannot be imported yet ({error})")


@pytest.fixture(scope="module")
def real_fit() -> bytes:
    path = ACTIVITIES / "fit" / "fitdecode__garmin-fenix-5-run.fit"
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the shared sample files are missing: {ACTIVITIES}")
        pytest.skip(f"the shared sample files are not on this machine ({ACTIVITIES})")
    return path.read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("notes.txt", gpx(), "gpx"),
        ("ride.gpx", tcx("Biking"), "tcx"),
        ("log.txt", LOG, "csv"),
        ("export.bin", gzip.compress(b"x"), "archive"),
        ("map.xml", b"<kml><Document/></kml>", "xml"),
        ("bom.gpx", b"\xef\xbb\xbf  \n" + gpx(), "gpx"),
        ("broken.gpx", b"\x00\x01 not xml", "gpx"),
        ("broken.TCX", b"\x00\x01 not xml", "tcx"),
        ("broken.fit", b"\x00\x01 not a fit", "fit"),
        ("sheet.csv", b"a,b\n1,2\n", "csv"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 jpeg", None),
    ],
)
def test_the_content_decides_the_reader_and_the_extension_only_when_the_content_does_not(
    name: str, data: bytes, kind: str | None
) -> None:
    assert file_kind(name, data) == kind


def test_a_fit_header_wins_over_any_name() -> None:
    header = bytes([14, 0x20, 0, 0, 0, 0, 0, 0]) + b".FIT" + bytes(2)
    assert file_kind("run.gpx", header) == "fit"


def test_a_gpx_named_txt_is_read_as_gpx_and_a_tcx_named_gpx_as_tcx() -> None:
    (run,) = read_activity_file("notes.txt", gpx())
    assert run.source_format == "gpx"
    (ride,) = read_activity_file("ride.gpx", tcx("Biking"))
    assert (ride.source_format, ride.sport) == ("tcx", "cycling")


def test_a_csv_log_is_read_whatever_its_name() -> None:
    (run,) = read_activity_file("mijn log.txt", LOG)
    assert run.source_format == "csv"


def test_a_fit_file_goes_to_the_fit_reader(real_fit: bytes) -> None:
    fit_reader_or_skip()
    activities = read_activity_file("whatever.bin", real_fit)
    assert activities and all(a.source_format == "fit" for a in activities)


@pytest.mark.parametrize(
    ("name", "data"),
    [("mystery.bin", bytes(range(256))), ("photo.jpg", b"\xff\xd8\xff\xe0"), ("readme", b"hello there")],
)
def test_an_unknown_or_binary_file_is_rejected_as_an_unknown_type(name: str, data: bytes) -> None:
    with pytest.raises(RejectedFile) as problem:
        read_activity_file(name, data)
    assert problem.value.reason.nl.startswith("Dit bestandstype kent Kniewijs niet")
    assert problem.value.reason.en.startswith("Kniewijs does not know this file type")


def test_an_empty_file_is_rejected_as_empty() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_activity_file("run.gpx", b"")
    assert problem.value.reason.en == "The file is empty."


def test_other_xml_is_rejected_as_neither_gpx_nor_tcx() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_activity_file("map.kml", b"<kml/>")
    assert "GPX" in problem.value.reason.en


def test_unsafe_xml_is_rejected_before_a_reader_is_even_chosen() -> None:
    with pytest.raises(RejectedFile) as problem:
        file_kind("x.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    assert "DTD" in problem.value.reason.en


def test_an_archive_given_as_one_file_is_rejected_with_a_hint_to_import_it_as_an_export() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_activity_file("export.zip", b"PK\x05\x06" + bytes(18))
    assert "export" in problem.value.reason.en


def test_the_fit_reader_missing_gives_a_clear_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(detect.importlib, "import_module", missing)
    with pytest.raises(RejectedFile) as problem:
        detect.read_fit(b"")
    assert "FIT" in problem.value.reason.en


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


STRAVA_CSV = (
    b"Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Filename\n"
    b'1,"Jan 3, 2020, 6:31:56 PM",Rit naar het werk,Ride,300,activities/1.gpx.gz\n'
    b'2,"Jan 4, 2020, 6:31:56 PM",Langlaufen,Run,600,activities/2.tcx.gz\n'
    b'3,"Jan 5, 2020, 6:31:56 PM",Fietsen,Ride,300,activities/3.gpx.gz\n'
)


def test_a_strava_export_gives_its_sport_and_name_to_files_that_name_no_sport() -> None:
    export = make_zip(
        {
            "activities.csv": STRAVA_CSV,
            "activities/1.gpx.gz": gzip.compress(gpx()),
            "activities/2.tcx.gz": gzip.compress(tcx("Other")),
            "activities/3.gpx.gz": gzip.compress(gpx(kind="running", name="Eigen naam")),
        }
    )
    results = dict(iter_activity_files("export.zip", export))
    (ride,) = results["export.zip!activities/1.gpx"]  # type: ignore[misc]
    assert (ride.sport, ride.name) == ("cycling", "Rit naar het werk")
    (other,) = results["export.zip!activities/2.tcx"]  # type: ignore[misc]
    assert (other.sport, other.sub_sport) == ("running", "Run")
    (own,) = results["export.zip!activities/3.gpx"]  # type: ignore[misc]
    assert (own.sport, own.name) == ("running", "Eigen naam")  # the file's own words win
    assert isinstance(results["export.zip!activities.csv"], SkippedFile)


def test_a_whole_export_is_read_with_a_result_per_file_and_never_raises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export = make_zip(
        {"good.gpx": gpx(), "bad.gpx": b"<gpx", "buggy.tcx": tcx("Running"), "notes.json": b"{}"}
    )

    def broken_reader(data: bytes, **kwargs: object) -> list[object]:
        raise ZeroDivisionError("a bug in a reader")

    monkeypatch.setattr(detect, "read_tcx", broken_reader)
    results = dict(iter_activity_files("export.zip", export))
    assert len(results["export.zip!good.gpx"]) == 1  # type: ignore[arg-type]
    assert isinstance(results["export.zip!bad.gpx"], RejectedFile)
    buggy = results["export.zip!buggy.tcx"]
    assert isinstance(buggy, RejectedFile) and "unexpected error" in buggy.reason.en
    assert isinstance(results["export.zip!notes.json"], SkippedFile)


def test_a_single_file_is_its_own_only_result() -> None:
    ((name, result),) = list(iter_activity_files("run.gpx", gpx()))
    assert name == "run.gpx" and not isinstance(result, FileProblem) and len(result) == 1


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["x.fit", "x.gpx", "x.tcx", "x.csv", "x.zip", "x.gz", "x"]),
    st.sampled_from(
        [b"", b"<", b"<?xml version='1.0'?><gpx>", b"PK\x03\x04", b"\x1f\x8b", b"date,duration\n"]
    ),
    st.binary(max_size=1500),
)
def test_random_content_under_any_name_gives_a_result_per_file_and_never_raises(
    name: str, prefix: bytes, rest: bytes
) -> None:
    for _name, result in iter_activity_files(name, prefix + rest):
        if isinstance(result, RejectedFile):
            assert "unexpected error" not in result.reason.en, (
                "a reader raised something other than FileProblem"
            )


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=1500))
def test_random_bytes_read_as_one_file_give_a_file_problem_and_nothing_else(data: bytes) -> None:
    with contextlib.suppress(FileProblem):
        read_activity_file("x", data)


def test_a_web_page_saved_by_mistake_is_an_unknown_type_not_unsafe_xml() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_activity_file("activity.gpx.html", b"<!DOCTYPE html><html><body>Strava</body></html>")
    assert problem.value.reason.en.startswith("Kniewijs does not know this file type")


def test_the_strava_row_of_a_member_is_found_only_inside_its_own_export() -> None:
    index = parse_strava_index(STRAVA_CSV)
    keyed = {key.removesuffix(".gz"): row for key, row in index.items()}
    assert (
        detect.strava_row_for(keyed, "export.zip", "export.zip!activities/1.gpx") is keyed["activities/1.gpx"]
    )
    assert detect.strava_row_for(keyed, "export.zip", "other.zip!activities/1.gpx") is None
    assert detect.strava_row_for({}, "export.zip", "export.zip!activities/1.gpx") is None


def test_a_fit_gz_in_a_strava_export_is_unpacked_and_read_by_the_fit_reader(real_fit: bytes) -> None:
    fit_reader_or_skip()
    export = make_zip({"activities.csv": STRAVA_CSV, "activities/9.fit.gz": gzip.compress(real_fit)})
    results = dict(iter_activity_files("export.zip", export))
    activities = results["export.zip!activities/9.fit"]
    assert not isinstance(activities, FileProblem), activities
    assert activities and all(a.source_format == "fit" and a.records > 0 for a in activities)
