"""The TCX reader: every shared sample against an independent count, hand-made edge cases, XML attacks."""

from __future__ import annotations

import contextlib
import os
import xml.etree.ElementTree as StdlibXml
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.formats.errors import FileProblem, RejectedFile, SkippedFile
from kniewijs.formats.tcx import read_tcx

ACTIVITIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "activities"
GPS_EPOCH = datetime(1980, 1, 6, tzinfo=UTC).timestamp()
TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX_NS = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"


def shared_samples(folder: str) -> list[Path | None]:
    found = sorted((ACTIVITIES / folder).glob("*")) if (ACTIVITIES / folder).is_dir() else []
    return list(found) or [None]


def require(path: Path | None) -> Path:
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"the shared sample files are missing: {ACTIVITIES}")
        pytest.skip(f"the shared sample files are not on this machine ({ACTIVITIES})")
    return path


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def seconds(text: str) -> float:
    moment = datetime.fromisoformat(text.strip())
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def tcx(activities: str, root_extra: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase xmlns="{TCX_NS}" '
        f'xmlns:ns3="{AX_NS}" {root_extra}>{activities}</TrainingCenterDatabase>'
    ).encode()


def trackpoint(time: str, inner: str = "") -> str:
    return f"<Trackpoint><Time>{time}</Time>{inner}</Trackpoint>"


def lap(start: str, seconds_: float, metres: float, points: str, extra: str = "") -> str:
    return (
        f'<Lap StartTime="{start}"><TotalTimeSeconds>{seconds_}</TotalTimeSeconds>'
        f"<DistanceMeters>{metres}</DistanceMeters>{extra}<Track>{points}</Track></Lap>"
    )


def activity(sport: str, start: str, laps: str) -> str:
    return f'<Activity Sport="{sport}"><Id>{start}</Id>{laps}</Activity>'


@pytest.mark.parametrize("path", shared_samples("tcx"), ids=lambda p: p.name if p else "missing")
def test_every_shared_tcx_sample_gives_each_activity_with_its_timed_trackpoints_and_lap_totals(
    path: Path | None,
) -> None:
    path = require(path)
    root = StdlibXml.parse(path).getroot()
    expected = []
    for element in (e for e in root.iter() if local(e.tag) == "Activity"):
        kept: list[float] = []
        for trackpoint_element in (e for e in element.iter() if local(e.tag) == "Trackpoint"):
            text = next((c.text for c in trackpoint_element if local(c.tag) == "Time"), None)
            if text and seconds(text) >= GPS_EPOCH and (not kept or seconds(text) >= kept[-1]):
                kept.append(seconds(text))
        laps = [e for e in element if local(e.tag) == "Lap"]
        lap_time = sum(float(next(c.text for c in lp if local(c.tag) == "TotalTimeSeconds")) for lp in laps)
        identifier = next(c.text for c in element if local(c.tag) == "Id")
        has_hr = any(local(e.tag) == "HeartRateBpm" for e in element.iter())
        expected.append((element.get("Sport"), len(kept), lap_time, seconds(identifier), has_hr))
    activities = read_tcx(path.read_bytes())
    assert len(activities) == len(expected)
    sports = {"Running": "running", "Biking": "cycling", "Other": "other"}
    for found, (sport, records, lap_time, start, has_hr) in zip(activities, expected, strict=True):
        if sport == "Other" and found.sport_guess is not None:  # guessed from the data (sport_guess)
            assert found.sport in ("running", "cycling", "walking", "other")
        else:
            assert found.sport == sports[sport] and found.sport_guess is None
        assert found.records == records
        assert found.summary.duration_s == pytest.approx(lap_time)
        assert found.start.timestamp() == pytest.approx(start)
        assert found.track.has("heart_rate") == has_hr
        assert np.all(np.diff(found.track.time) >= 0)


TREADMILL = tcx(
    activity(
        "Running",
        "2024-03-15T07:00:00Z",
        lap(
            "2024-03-15T07:00:00Z",
            120,
            400,
            trackpoint(
                "2024-03-15T07:00:00Z",
                "<DistanceMeters>0</DistanceMeters><HeartRateBpm><Value>120</Value></HeartRateBpm>"
                "<Extensions><ns3:TPX><ns3:Speed>3.3</ns3:Speed><ns3:RunCadence>84</ns3:RunCadence></ns3:TPX></Extensions>",
            )
            + trackpoint(
                "2024-03-15T07:02:00Z",
                "<DistanceMeters>400</DistanceMeters><HeartRateBpm><Value>150</Value></HeartRateBpm>"
                "<Extensions><ns3:TPX><ns3:Speed>3.4</ns3:Speed><ns3:RunCadence>86</ns3:RunCadence></ns3:TPX></Extensions>",
            ),
            "<Calories>30</Calories><AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>"
            "<MaximumHeartRateBpm><Value>152</Value></MaximumHeartRateBpm>"
            "<Extensions><ns3:LX><ns3:AvgRunCadence>85</ns3:AvgRunCadence></ns3:LX></Extensions>",
        ),
    )
)


def test_a_treadmill_tcx_without_positions_keeps_distance_heart_rate_speed_and_doubled_run_cadence() -> None:
    (run,) = read_tcx(TREADMILL)
    assert run.sport == "running"
    assert run.start == datetime(2024, 3, 15, 7, 0, tzinfo=UTC)
    assert "lat" not in run.track.channels
    assert list(run.track.channels["distance_m"]) == [0.0, 400.0]
    assert list(run.track.channels["heart_rate"]) == [120.0, 150.0]
    assert list(run.track.channels["speed_mps"]) == [3.3, 3.4]
    assert list(run.track.channels["cadence_spm"]) == [168.0, 172.0]
    assert run.summary.distance_m == 400.0
    assert run.summary.duration_s == 120.0
    assert run.summary.calories == 30.0
    assert run.summary.avg_heart_rate == 140.0  # the lap's own average wins over the samples
    assert run.summary.max_heart_rate == 152.0


def test_laps_are_added_up_and_heart_rate_is_weighted_by_lap_time() -> None:
    laps = lap(
        "2024-03-15T07:00:00Z",
        300,
        1000,
        trackpoint("2024-03-15T07:00:00Z"),
        "<Calories>50</Calories><AverageHeartRateBpm><Value>130</Value></AverageHeartRateBpm>"
        "<MaximumHeartRateBpm><Value>140</Value></MaximumHeartRateBpm>",
    ) + lap(
        "2024-03-15T07:05:00Z",
        100,
        500,
        trackpoint("2024-03-15T07:06:40Z"),
        "<Calories>25</Calories><AverageHeartRateBpm><Value>170</Value></AverageHeartRateBpm>"
        "<MaximumHeartRateBpm><Value>180</Value></MaximumHeartRateBpm>",
    )
    (run,) = read_tcx(tcx(activity("Running", "2024-03-15T07:00:00Z", laps)))
    assert run.summary.duration_s == 400.0
    assert run.summary.distance_m == 1500.0
    assert run.summary.calories == 75.0
    assert run.summary.avg_heart_rate == pytest.approx((130 * 300 + 170 * 100) / 400)
    assert run.summary.max_heart_rate == 180.0
    assert run.summary.elapsed_s == 400.0
    assert run.summary.avg_speed_mps == pytest.approx(1500 / 400)


def test_positions_give_the_distance_when_the_file_has_no_distances() -> None:
    position = (
        "<Position><LatitudeDegrees>{lat}</LatitudeDegrees><LongitudeDegrees>5</LongitudeDegrees></Position>"
    )
    points = trackpoint("2024-03-15T07:00:00Z", position.format(lat=52.0)) + trackpoint(
        "2024-03-15T07:00:30Z", position.format(lat=52.001)
    )
    laps = f'<Lap StartTime="2024-03-15T07:00:00Z"><TotalTimeSeconds>30</TotalTimeSeconds><Track>{points}</Track></Lap>'
    (ride,) = read_tcx(tcx(activity("Biking", "2024-03-15T07:00:00Z", laps)))
    assert ride.sport == "cycling"
    assert ride.summary.distance_m == pytest.approx(111.2, abs=0.1)


def test_two_activities_in_one_tcx_become_two_activities() -> None:
    first = activity(
        "Running",
        "2024-03-15T07:00:00Z",
        lap("2024-03-15T07:00:00Z", 60, 200, trackpoint("2024-03-15T07:00:00Z")),
    )
    second = activity(
        "Biking",
        "2024-03-16T07:00:00Z",
        lap("2024-03-16T07:00:00Z", 60, 900, trackpoint("2024-03-16T07:00:00Z")),
    )
    activities = read_tcx(tcx(f"<Activities>{first}{second}</Activities>"))
    assert [(a.sport, a.summary.distance_m) for a in activities] == [("running", 200.0), ("cycling", 900.0)]


def test_a_bike_cadence_is_kept_as_revolutions_per_minute() -> None:
    points = trackpoint("2024-03-15T07:00:00Z", "<Cadence>85</Cadence>") + trackpoint(
        "2024-03-15T07:00:01Z", "<Cadence>87</Cadence>"
    )
    (ride,) = read_tcx(
        tcx(activity("Biking", "2024-03-15T07:00:00Z", lap("2024-03-15T07:00:00Z", 1, 10, points)))
    )
    assert list(ride.track.channels["cadence_spm"]) == [85.0, 87.0]


def test_an_activity_summary_without_trackpoints_is_still_an_activity() -> None:
    laps = '<Lap StartTime="2024-03-15T07:00:00Z"><TotalTimeSeconds>1800</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters></Lap>'
    (run,) = read_tcx(tcx(activity("Running", "2024-03-15T07:00:00Z", laps)))
    assert run.records == 0
    assert (run.distance_m, run.duration_s) == (5000.0, 1800.0)


def test_a_courses_only_file_is_skipped_as_a_plan() -> None:
    course = (
        "<Courses><Course><Name>Rondje</Name><Track>"
        + trackpoint("2024-03-15T07:00:00Z")
        + "</Track></Course></Courses>"
    )
    with pytest.raises(SkippedFile) as problem:
        read_tcx(tcx(course))
    assert "parcours" in problem.value.reason.nl and "course" in problem.value.reason.en


def test_a_workouts_only_file_is_skipped_as_a_plan() -> None:
    with pytest.raises(SkippedFile) as problem:
        read_tcx(tcx('<Workouts><Workout Sport="Running"><Name>Intervals</Name></Workout></Workouts>'))
    assert "workout plan" in problem.value.reason.en


def test_an_activity_without_any_time_is_skipped() -> None:
    with pytest.raises(SkippedFile):
        read_tcx(tcx('<Activities><Activity Sport="Running"><Lap><Track/></Lap></Activity></Activities>'))


def test_a_dtd_in_a_tcx_is_refused() -> None:
    attack = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><TrainingCenterDatabase>&e;</TrainingCenterDatabase>'
    with pytest.raises(RejectedFile) as problem:
        read_tcx(attack)
    assert "DTD" in problem.value.reason.en


def test_a_truncated_tcx_keeps_its_whole_trackpoints_and_says_where_it_stops() -> None:
    (activity,) = read_tcx(TREADMILL[:-40])
    assert activity.records == 2 and activity.distance_m == 400.0
    assert activity.partial is not None and activity.partial.nl.startswith("De opname stopt na 0,4 km")
    assert "the file ends there" in activity.partial.en


def test_a_tcx_cut_off_before_its_first_whole_trackpoint_is_rejected_as_cut_off() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_tcx(TREADMILL[: TREADMILL.index(b"<Trackpoint>") + 30])
    assert "afgebroken" in problem.value.reason.nl and "cut off" in problem.value.reason.en


def test_xml_that_is_not_tcx_is_rejected() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_tcx(b'<gpx version="1.1"/>')
    assert "TrainingCenterDatabase" in problem.value.reason.en


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_file_problem_and_nothing_else(data: bytes) -> None:
    with contextlib.suppress(FileProblem):
        read_tcx(data)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(TREADMILL)), st.integers(0, 30), st.binary(max_size=12))
def test_a_damaged_tcx_gives_activities_or_a_file_problem_and_nothing_else(
    start: int, length: int, junk: bytes
) -> None:
    try:
        activities = read_tcx(TREADMILL[:start] + junk + TREADMILL[start + length :])
    except FileProblem:
        return
    for found in activities:
        assert np.all(np.isfinite(found.track.time))
