"""The GPX reader: every shared sample against an independent count, hand-made edge cases, XML attacks."""

from __future__ import annotations

import contextlib
import math
import os
import socket
import xml.etree.ElementTree as StdlibXml
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.formats import xmlsafe
from kniewijs.formats.errors import FileProblem, RejectedFile, SkippedFile
from kniewijs.formats.gpx import read_gpx

ACTIVITIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "activities"
GPS_EPOCH = datetime(1980, 1, 6, tzinfo=UTC).timestamp()


def shared_samples(folder: str) -> list[Path | None]:
    found = sorted((ACTIVITIES / folder).glob("*")) if (ACTIVITIES / folder).is_dir() else []
    return list(found) or [None]


def require(path: Path | None) -> Path:
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"the shared sample files are missing: {ACTIVITIES}")
        pytest.skip(f"the shared sample files are not on this machine ({ACTIVITIES})")
    return path


def gpx(body: str, version: str = "1.1", extra_namespaces: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="{version}" creator="test" '
        f'xmlns="http://www.topografix.com/GPX/{version.replace(".", "/")}" {extra_namespaces}>{body}</gpx>'
    ).encode()


def point(lat: float, lon: float, time: str | None = None, inner: str = "") -> str:
    time_tag = f"<time>{time}</time>" if time else ""
    return f'<trkpt lat="{lat}" lon="{lon}">{time_tag}{inner}</trkpt>'


def track(*points: str, kind: str | None = None, name: str | None = None) -> str:
    type_tag = f"<type>{kind}</type>" if kind else ""
    name_tag = f"<name>{name}</name>" if name else ""
    return f"<trk>{name_tag}{type_tag}<trkseg>{''.join(points)}</trkseg></trk>"


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def independent_timed_points(path: Path) -> list[list[float]]:
    """Per <trk>, the times the reader must keep: plausible (after GPS time started), never going back."""
    root = StdlibXml.parse(path).getroot()
    tracks = []
    for trk in (e for e in root.iter() if local(e.tag) == "trk"):
        kept: list[float] = []
        for trkpt in (e for e in trk.iter() if local(e.tag) == "trkpt"):
            text = next((c.text for c in trkpt if local(c.tag) == "time"), None)
            if not text:
                continue
            moment = datetime.fromisoformat(text.strip())
            moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
            seconds = moment.timestamp()
            if seconds >= GPS_EPOCH and (not kept or seconds >= kept[-1]):
                kept.append(seconds)
        tracks.append(kept)
    return tracks


@pytest.mark.parametrize("path", shared_samples("gpx"), ids=lambda p: p.name if p else "missing")
def test_every_shared_gpx_sample_keeps_exactly_the_timed_points_of_each_track(path: Path | None) -> None:
    path = require(path)
    expected = [times for times in independent_timed_points(path) if times]
    try:
        activities = read_gpx(path.read_bytes())
    except SkippedFile:
        assert expected == [], f"{path.name} has timed track points but was skipped"
        return
    # Tracks less than 30 minutes apart are one recording (read_gpx's MERGE_GAP_S).
    recordings: list[list[float]] = []
    for times in sorted(expected, key=lambda times: times[0]):
        if recordings and times[0] - recordings[-1][-1] < 30 * 60:
            recordings[-1] += [t for t in times if t >= recordings[-1][-1]]
        else:
            recordings.append(list(times))
    expected = recordings
    assert [a.records for a in activities] == [len(times) for times in expected]
    for activity, times in zip(activities, expected, strict=True):
        assert activity.start.timestamp() == pytest.approx(times[0])
        assert activity.track.time[-1] == pytest.approx(times[-1])
        assert activity.start.tzinfo is not None and activity.start.utcoffset().total_seconds() == 0
        assert np.all(np.diff(activity.track.time) >= 0)
        for values in activity.track.channels.values():
            assert values.shape == activity.track.time.shape


@pytest.mark.parametrize("path", shared_samples("gpx"), ids=lambda p: p.name if p else "missing")
def test_heart_rate_is_present_exactly_when_the_sample_has_heart_rate(path: Path | None) -> None:
    path = require(path)
    root = StdlibXml.parse(path).getroot()
    has_hr = any(local(e.tag) == "hr" for trk in root.iter() if local(trk.tag) == "trk" for e in trk.iter())
    try:
        activities = read_gpx(path.read_bytes())
    except SkippedFile:
        return
    assert any(a.track.has("heart_rate") for a in activities) == has_hr


def test_a_gpx_1_0_file_gives_distance_duration_speed_and_elevation() -> None:
    body = track(
        point(52.0, 5.0, "2024-03-15T07:00:00Z", "<ele>1.5</ele><speed>2.5</speed>"),
        point(52.001, 5.0, "2024-03-15T07:00:40Z", "<ele>2.5</ele><speed>2.8</speed>"),
    )
    (activity,) = read_gpx(gpx(body, version="1.0"))
    assert activity.source_format == "gpx"
    assert activity.start == datetime(2024, 3, 15, 7, 0, tzinfo=UTC)
    assert activity.duration_s == 40.0
    # 0.001 degree of latitude is 111.2 m on the IUGG mean sphere.
    assert activity.summary.distance_m == pytest.approx(111.2, abs=0.1)
    assert list(activity.track.channels["altitude_m"]) == [1.5, 2.5]
    assert list(activity.track.channels["speed_mps"]) == [2.5, 2.8]
    assert activity.summary.avg_speed_mps == pytest.approx(111.2 / 40, abs=0.01)


def test_garmin_running_cadence_per_foot_is_doubled_to_steps_per_minute() -> None:
    namespace = 'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2"'
    extension = "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr><gpxtpx:cad>{cad}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>"
    body = track(
        point(52.0, 5.0, "2024-03-15T07:00:00Z", extension.format(hr=140, cad=84)),
        point(52.0001, 5.0, "2024-03-15T07:00:01Z", extension.format(hr=150, cad=86)),
        kind="running",
    )
    (activity,) = read_gpx(gpx(body, extra_namespaces=namespace))
    assert list(activity.track.channels["cadence_spm"]) == [168.0, 172.0]
    assert list(activity.track.channels["heart_rate"]) == [140.0, 150.0]
    assert activity.summary.avg_heart_rate == 145.0
    assert activity.summary.max_heart_rate == 150.0
    assert activity.summary.avg_cadence_spm == 170.0


def test_cadence_already_in_steps_and_bike_cadence_are_left_alone() -> None:
    plain = "<extensions><hr>{hr}</hr><cad>{cad}</cad></extensions>"
    run = track(
        point(52.0, 5.0, "2024-03-15T07:00:00Z", plain.format(hr=140, cad=172)),
        point(52.0001, 5.0, "2024-03-15T07:00:01Z", plain.format(hr=141, cad=174)),
        kind="run",
    )
    ride = track(
        point(52.0, 5.0, "2024-03-16T07:00:00Z", plain.format(hr=120, cad=85)),
        point(52.0001, 5.0, "2024-03-16T07:00:01Z", plain.format(hr=121, cad=88)),
        kind="cycling",
    )
    running, cycling = read_gpx(gpx(run + ride))
    assert list(running.track.channels["cadence_spm"]) == [172.0, 174.0]
    assert list(cycling.track.channels["cadence_spm"]) == [85.0, 88.0]
    assert list(running.track.channels["heart_rate"]) == [140.0, 141.0]


@pytest.mark.parametrize(
    ("kind", "name", "sport"),
    [
        ("running", None, "running"),
        ("Run", None, "running"),
        ("TrailRunning", None, "running"),
        ("9", None, "running"),
        ("cycling", None, "cycling"),
        ("biking", None, "cycling"),
        ("Ride", None, "cycling"),
        ("1", None, "cycling"),
        ("walking", None, "walking"),
        ("hiking", None, "walking"),
        ("swimming", None, "swimming"),
        ("kayaking", None, "other"),
        (None, None, "running"),
        (None, "Morning Ride", "cycling"),
        (None, "Avondje wandelen", "walking"),
        (None, "Brunch with friends", "running"),
    ],
)
def test_the_sport_comes_from_the_track_type_then_its_name_then_running(
    kind: str | None, name: str | None, sport: str
) -> None:
    body = track(point(52.0, 5.0, "2024-03-15T07:00:00Z"), kind=kind, name=name)
    (activity,) = read_gpx(gpx(body))
    assert activity.sport == sport


def test_times_without_offset_are_utc_and_offsets_are_converted() -> None:
    body = track(point(52.0, 5.0, "2024-03-15T08:00:00+01:00"), point(52.0, 5.0, "2024-03-15T07:00:30"))
    (activity,) = read_gpx(gpx(body))
    assert activity.start == datetime(2024, 3, 15, 7, 0, tzinfo=UTC)
    assert activity.summary.elapsed_s == 30.0


def test_a_gpx_without_times_is_skipped_as_a_drawn_route() -> None:
    body = track(point(52.0, 5.0), point(52.01, 5.0))
    with pytest.raises(SkippedFile) as problem:
        read_gpx(gpx(body))
    assert "tijden" in problem.value.reason.nl and "times" in problem.value.reason.en


def test_an_empty_track_and_a_metadata_only_file_are_skipped_for_having_no_track() -> None:
    for body in (
        "<trk><name>leeg</name><trkseg></trkseg></trk>",
        "<metadata><time>2024-01-01T00:00:00Z</time></metadata>",
    ):
        with pytest.raises(SkippedFile) as problem:
            read_gpx(gpx(body))
        assert "geen track" in problem.value.reason.nl


def test_a_route_only_file_is_skipped_as_a_route() -> None:
    body = '<rte><rtept lat="52.0" lon="5.0"/><rtept lat="52.1" lon="5.0"/></rte>'
    with pytest.raises(SkippedFile) as problem:
        read_gpx(gpx(body))
    assert "route" in problem.value.reason.en


def test_each_track_becomes_its_own_activity_and_an_empty_track_is_left_out() -> None:
    first = track(
        point(52.0, 5.0, "2024-03-15T07:00:00Z"), point(52.0, 5.001, "2024-03-15T07:01:00Z"), name="een"
    )
    empty = "<trk><trkseg></trkseg></trk>"
    second = track(point(52.0, 5.0, "2024-03-16T07:00:00Z"), name="twee")
    activities = read_gpx(gpx(first + empty + second))
    assert [a.name for a in activities] == ["een", "twee"]
    assert [a.records for a in activities] == [2, 1]


def test_points_without_position_keep_their_time_and_carry_the_distance() -> None:
    body = track(
        point(52.0, 5.0, "2024-03-15T07:00:00Z"),
        '<trkpt lat="x" lon="999"><time>2024-03-15T07:00:10Z</time></trkpt>',
        point(52.001, 5.0, "2024-03-15T07:00:20Z"),
    )
    (activity,) = read_gpx(gpx(body))
    distance = activity.track.channels["distance_m"]
    assert activity.records == 3
    assert math.isnan(activity.track.channels["lat"][1])
    assert distance[1] == 0.0
    assert distance[2] == pytest.approx(111.2, abs=0.1)


def test_a_point_earlier_than_the_one_before_is_left_out_so_time_never_goes_back() -> None:
    body = track(
        point(52.0, 5.0, "2024-03-15T07:00:00Z"),
        point(52.0, 5.0, "2024-03-15T07:00:10Z"),
        point(52.0, 5.0, "2024-03-15T07:00:05Z"),
        point(52.0, 5.0, "2024-03-15T07:00:20Z"),
    )
    (activity,) = read_gpx(gpx(body))
    assert list(activity.track.time - activity.track.time[0]) == [0.0, 10.0, 20.0]


def test_the_gap_between_two_segments_does_not_count_as_distance_nor_as_moving_time() -> None:
    body = (
        "<trk><trkseg>"
        + point(52.0, 5.0, "2024-03-15T07:00:00Z")
        + point(52.001, 5.0, "2024-03-15T07:00:30Z")
        + "</trkseg><trkseg>"
        + point(52.1, 5.0, "2024-03-15T07:20:00Z")
        + point(52.101, 5.0, "2024-03-15T07:20:30Z")
        + "</trkseg></trk>"
    )
    (activity,) = read_gpx(gpx(body))
    assert activity.summary.distance_m == pytest.approx(2 * 111.2, abs=0.2)
    assert activity.pauses == 1 and activity.summary.moving_s == 60.0 and activity.duration_s == 60.0
    assert activity.summary.elapsed_s == 20 * 60 + 30


def test_a_placeholder_time_before_gps_existed_counts_as_no_time() -> None:
    body = track(point(52.0, 5.0, "1901-12-13T20:45:52Z"), point(52.0, 5.0, "2024-03-15T07:00:00Z"))
    (activity,) = read_gpx(gpx(body))
    assert activity.records == 1
    assert activity.start.year == 2024


def test_a_utf16_gpx_is_read() -> None:
    text = (
        gpx(track(point(52.0, 5.0, "2024-03-15T07:00:00Z")))
        .decode()
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
    )
    (activity,) = read_gpx(text.encode("utf-16"))
    assert activity.records == 1


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gpx version="1.1"><trk><name>&lol9;</name><trkseg><trkpt lat="1" lon="1"><time>2024-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: a safe parser never fetches anything."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the XML parser tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_a_billion_laughs_file_is_refused_with_a_clear_reason(no_network: None) -> None:
    with pytest.raises(RejectedFile) as problem:
        read_gpx(BILLION_LAUGHS)
    assert "DTD" in problem.value.reason.nl and "entities" in problem.value.reason.en


def test_an_xxe_reading_a_local_file_is_refused_and_reveals_nothing(tmp_path: Path, no_network: None) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM-1234")
    attack = (
        f'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<gpx version="1.1"><trk><name>&xxe;</name><trkseg><trkpt lat="1" lon="1">'
        "<time>2024-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>"
    ).encode()
    with pytest.raises(RejectedFile) as problem:
        read_gpx(attack)
    assert "GEHEIM" not in problem.value.reason.nl + problem.value.reason.en
    assert "DTD" in problem.value.reason.nl


def test_an_xxe_calling_a_local_server_is_refused_without_a_connection(no_network: None) -> None:
    attack = (
        b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM "http://127.0.0.1:1/steal">]>'
        b'<gpx version="1.1"><trk><name>&xxe;</name></trk></gpx>'
    )
    with pytest.raises(RejectedFile):
        read_gpx(attack)


def test_an_external_dtd_is_refused_as_a_reference_to_another_document(no_network: None) -> None:
    attack = b'<?xml version="1.0"?><!DOCTYPE gpx SYSTEM "http://127.0.0.1:1/gpx.dtd"><gpx version="1.1"/>'
    with pytest.raises(RejectedFile) as problem:
        read_gpx(attack)
    assert "extern document" in problem.value.reason.nl and "external document" in problem.value.reason.en


def test_a_truncated_gpx_is_rejected_as_cut_off() -> None:
    data = gpx(track(point(52.0, 5.0, "2024-03-15T07:00:00Z"), point(52.0, 5.0, "2024-03-15T07:00:01Z")))
    with pytest.raises(RejectedFile) as problem:
        read_gpx(data[: len(data) // 2])
    assert "afgebroken" in problem.value.reason.nl and "cut off" in problem.value.reason.en
    assert "XML" in problem.value.reason.nl


def test_latin1_bytes_in_a_file_that_says_utf8_are_rejected_as_the_wrong_encoding() -> None:
    data = gpx(track(point(52.0, 5.0, "2024-03-15T07:00:00Z"), name="Caf\u00e9")).replace(
        "Café".encode(), "Café".encode("latin-1")
    )
    with pytest.raises(RejectedFile) as problem:
        read_gpx(data)
    assert "tekenset" in problem.value.reason.nl and "encoding" in problem.value.reason.en


def test_an_unknown_declared_encoding_is_rejected() -> None:
    with pytest.raises(RejectedFile):
        read_gpx(b'<?xml version="1.0" encoding="klingon"?><gpx version="1.1"/>')


def test_a_file_over_the_size_cap_is_rejected_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    data = gpx(track(point(52.0, 5.0, "2024-03-15T07:00:00Z")))
    monkeypatch.setattr(xmlsafe, "MAX_XML_BYTES", len(data) - 1)
    with pytest.raises(RejectedFile) as problem:
        read_gpx(data)
    assert "groter dan" in problem.value.reason.nl


def test_xml_that_is_not_gpx_is_rejected() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_gpx(b"<kml><Document/></kml>")
    assert "gpx" in problem.value.reason.en


def test_an_empty_file_is_rejected_as_empty() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_gpx(b"  \n")
    assert problem.value.reason.en == "The file is empty."


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_file_problem_and_nothing_else(data: bytes) -> None:
    with contextlib.suppress(FileProblem):
        read_gpx(data)


VALID = gpx(
    track(
        point(
            52.0,
            5.0,
            "2024-03-15T07:00:00Z",
            "<ele>1</ele><extensions><hr>150</hr><cad>85</cad></extensions>",
        ),
        point(
            52.001,
            5.0,
            "2024-03-15T07:00:10Z",
            "<ele>2</ele><extensions><hr>151</hr><cad>86</cad></extensions>",
        ),
        kind="running",
    )
)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(VALID)), st.integers(0, len(VALID)), st.binary(max_size=12))
def test_a_damaged_gpx_gives_activities_or_a_file_problem_and_nothing_else(
    start: int, length: int, junk: bytes
) -> None:
    damaged = VALID[:start] + junk + VALID[start + length % 20 :]
    try:
        activities = read_gpx(damaged)
    except FileProblem:
        return
    for activity in activities:
        assert np.all(np.isfinite(activity.track.time))
