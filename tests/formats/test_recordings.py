"""Issue 15 for GPX and TCX: one recording is one activity, moving and elapsed time, the sport from the
data when the file does not say, and a file cut off keeps what was recorded. FIT: see test_fit_recovery.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kniewijs.core.activity import ActivityData
from kniewijs.formats.errors import FileProblem
from kniewijs.formats.gpx import read_gpx
from kniewijs.formats.tcx import read_tcx

from .test_gpx import gpx, point, require, shared_samples
from .test_tcx import TREADMILL, activity, lap, tcx, trackpoint

GPX_DIR = "gpx"


def sample(name: str) -> bytes:
    paths = [p for p in shared_samples(GPX_DIR) if p is not None and p.name == name]
    return require(paths[0] if paths else None).read_bytes()


def at(minute: float) -> str:
    seconds = round(minute * 60)
    return f"2024-03-15T{7 + seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}Z"


def run_points(start_minute: float, count: int, lat0: float, step_deg: float = 0.0005) -> str:
    """A point every 10 s, `step_deg` of latitude apart (0.0005 deg = 55.6 m: 20 km/h)."""
    return "".join(point(lat0 + i * step_deg, 5.0, at(start_minute + i / 6)) for i in range(count))


def trk(points: str, kind: str | None = None, name: str | None = None) -> str:
    extra = (f"<name>{name}</name>" if name else "") + (f"<type>{kind}</type>" if kind else "")
    return f"<trk>{extra}<trkseg>{points}</trkseg></trk>"


# ---- one recording is one activity ------------------------------------------------------------------


def test_the_seven_tracks_of_cerknicko_jezero_are_one_activity_with_six_pauses():
    (activity_,) = read_gpx(sample("gpxpy__cerknicko-jezero.gpx"))
    assert activity_.pauses == 6
    assert activity_.distance_m == pytest.approx(4575.0, abs=5.0)  # gpxpy: 4,580 m (2D)
    assert activity_.summary.elapsed_s == 7190.0  # 119.8 min, first to last point
    moving = activity_.summary.moving_s
    assert moving is not None and moving < activity_.summary.elapsed_s and activity_.duration_s == moving


def test_tracks_less_than_thirty_minutes_apart_form_one_activity_and_the_gap_is_not_moving_time():
    body = trk(run_points(0, 31, 52.0)) + trk(run_points(20, 31, 52.1))  # 5 min run, 15 min pause, 5 min
    (activity_,) = read_gpx(gpx(body))
    assert activity_.pauses == 1 and activity_.records == 62
    assert activity_.summary.elapsed_s == 25 * 60
    assert activity_.summary.moving_s == 10 * 60 and activity_.duration_s == 10 * 60
    assert activity_.distance_m == pytest.approx(2 * 30 * 55.6, rel=0.01)  # the jump between is no distance


def test_tracks_thirty_minutes_or_more_apart_stay_separate_activities():
    body = trk(run_points(0, 31, 52.0)) + trk(run_points(35, 31, 52.1))  # 30 min after the first ends
    first, second = read_gpx(gpx(body))
    assert (first.pauses, second.pauses) == (0, 0)
    assert first.summary.elapsed_s == second.summary.elapsed_s == 5 * 60


def test_tracks_of_different_types_stay_separate_even_close_together():
    body = trk(run_points(0, 31, 52.0), kind="running") + trk(run_points(6, 31, 52.1), kind="cycling")
    assert [a.sport for a in read_gpx(gpx(body))] == ["running", "cycling"]


def test_standing_still_within_a_segment_is_left_out_of_the_moving_time():
    still = "".join(point(52.0, 5.0, at(5 + i / 6)) for i in range(1, 13))  # two minutes on one spot
    body = trk(run_points(0, 31, 52.0 - 30 * 0.0005) + still)
    (activity_,) = read_gpx(gpx(body))
    assert activity_.summary.elapsed_s == 7 * 60
    assert activity_.summary.moving_s == 5 * 60


# ---- the sport from the data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "sport", "evidence"),
    [
        ("goldencheetah__1292585194-20906.gpx", "cycling", "geraden uit 24,7 km/u"),
        ("goldencheetah__UrbanBiker2019-04-18_16-12.gpx", "cycling", "geraden uit 20,7 km/u"),
        ("gpxpy__around-visnjan-with-car.gpx", "cycling", "geraden uit 31,9 km/u"),
        ("gpxpy__first_and_last_elevation.gpx", "other", "geraden uit 97,7 km/u"),
    ],
)
def test_a_gpx_without_a_type_is_no_run_when_its_speed_says_otherwise(name, sport, evidence):
    (activity_,) = read_gpx(sample(name))
    assert activity_.sport == sport
    assert activity_.sport_guess is not None and activity_.sport_guess.nl == evidence


def test_a_fast_gpx_that_names_its_sport_is_never_second_guessed():
    for kind, name in (("running", None), (None, "Ochtendloop hardlopen")):
        (activity_,) = read_gpx(gpx(trk(run_points(0, 31, 52.0, step_deg=0.001), kind=kind, name=name)))
        assert activity_.sport == "running" and activity_.sport_guess is None


def test_cadence_is_doubled_to_steps_only_when_the_guessed_sport_is_running():
    cad = "<extensions><cad>85</cad></extensions>"
    slow = "".join(point(52.0 + i * 0.00003, 5.0, at(i / 6), inner=cad) for i in range(31))  # 10 km/h
    fast = "".join(point(52.0 + i * 0.0007, 5.0, at(i / 6), inner=cad) for i in range(31))  # 28 km/h
    (run,) = read_gpx(gpx(trk(slow)))
    (ride,) = read_gpx(gpx(trk(fast)))
    assert run.sport == "running" and run.summary.avg_cadence_spm == pytest.approx(170.0)
    assert ride.sport == "cycling" and ride.summary.avg_cadence_spm == pytest.approx(85.0)


def tcx_run(sport: str, metres_per_10s: float) -> bytes:
    points = "".join(
        trackpoint(at(i / 6), f"<DistanceMeters>{i * metres_per_10s}</DistanceMeters>") for i in range(31)
    )
    return tcx(activity(sport, at(0), lap(at(0), 300, 30 * metres_per_10s, points)))


def test_a_tcx_with_sport_other_is_guessed_and_a_named_sport_is_kept():
    (guessed,) = read_tcx(tcx_run("Other", 70.0))  # 25.2 km/h over the lap's 300 s
    assert guessed.sport == "cycling" and guessed.sport_guess is not None
    assert guessed.sport_guess.en == "guessed from 25.2 km/h"
    (named,) = read_tcx(tcx_run("Running", 70.0))
    assert named.sport == "running" and named.sport_guess is None


def test_tcx_moving_time_is_the_lap_timer_and_elapsed_is_first_to_last_trackpoint():
    points = trackpoint(at(0), "<DistanceMeters>0</DistanceMeters>") + trackpoint(
        at(10), "<DistanceMeters>2000</DistanceMeters>"
    )
    (run,) = read_tcx(tcx(activity("Running", at(0), lap(at(0), 540, 2000, points))))
    assert run.summary.moving_s == run.duration_s == 540.0 and run.summary.elapsed_s == 600.0


# ---- a file cut off keeps what was recorded --------------------------------------------------------


def test_a_gpx_cut_off_mid_point_keeps_every_whole_point_and_says_where_it_stops():
    data = gpx(trk(run_points(0, 200, 52.0)))  # 199 steps of 55.6 m
    cut = data[: data.index(b"<trkpt", data.index(at(132 / 6).encode())) + 20]  # inside point 134
    (activity_,) = read_gpx(cut)
    assert activity_.records == 133
    assert activity_.distance_m == pytest.approx(132 * 55.6, rel=0.01)
    assert activity_.partial is not None
    assert activity_.partial.nl == "De opname stopt na 7,3 km: het bestand houdt daar op."
    assert activity_.partial.en == "The recording stops after 7.3 km: the file ends there."


def test_a_whole_gpx_has_no_partial_note():
    (activity_,) = read_gpx(gpx(trk(run_points(0, 31, 52.0))))
    assert activity_.partial is None


def test_a_tcx_cut_off_takes_its_totals_from_the_trackpoints_not_from_its_laps():
    (activity_,) = read_tcx(TREADMILL[:-40])
    assert activity_.partial is not None and activity_.summary.distance_m == 400.0


def _samples(folder: str) -> list[bytes]:
    return [p.read_bytes() for p in shared_samples(folder) if p is not None]


READERS = {"gpx": read_gpx, "tcx": read_tcx}


def _outcome(reader, data: bytes) -> list[ActivityData] | None:
    try:
        return list(reader(data))
    except FileProblem as problem:
        assert problem.reason.nl and problem.reason.en
        return None


def assert_no_gain(folder: str, data: bytes, at_byte: int, whole: list[ActivityData] | None) -> None:
    cut = _outcome(READERS[folder], data[:at_byte])
    if cut is None:
        return
    assert whole is not None, "a truncation of a refused file must not become an activity"
    assert sum(a.records for a in cut) <= sum(a.records for a in whole)
    # Within 1 m: a TCX's lap total may be rounded differently from its last trackpoint's distance.
    assert sum(a.distance_m or 0.0 for a in cut) <= sum(a.distance_m or 0.0 for a in whole) + 1.0
    for activity_ in cut:
        moving, elapsed = activity_.summary.moving_s, activity_.summary.elapsed_s
        if moving is not None and elapsed is not None:
            assert moving <= elapsed + 1e-6


@pytest.mark.parametrize("folder", ["gpx", "tcx"])
def test_every_gpx_and_tcx_sample_cut_at_ten_sixty_five_and_ninety_nine_percent_never_gains(folder):
    samples = _samples(folder)
    if not samples:
        require(None)
    for data in samples:
        whole = _outcome(READERS[folder], data)
        for fraction in (0.10, 0.65, 0.99):
            assert_no_gain(folder, data, int(len(data) * fraction), whole)


_CACHE: dict[tuple[str, int], tuple[bytes, list[ActivityData] | None]] = {}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folder=st.sampled_from(["gpx", "tcx"]), data=st.data())
def test_every_gpx_and_tcx_sample_cut_anywhere_never_crashes_and_never_gains(folder, data):
    samples = _samples(folder)
    if not samples:
        return
    index = data.draw(st.integers(0, len(samples) - 1))
    if (folder, index) not in _CACHE:
        _CACHE[(folder, index)] = (samples[index], _outcome(READERS[folder], samples[index]))
    content, whole = _CACHE[(folder, index)]
    assert_no_gain(folder, content, data.draw(st.integers(0, len(content))), whole)


def test_a_gpx_damaged_midway_keeps_the_points_before_and_says_the_file_is_damaged():
    points = run_points(0, 31, 52.0).replace("</trkpt>", "</trkpt>\n")
    lines = points.split("\n")
    broken = "\n".join(lines[:20] + ["<trkpt lat=<<garbage"] + lines[20:])
    (activity_,) = read_gpx(gpx(trk(broken)))
    assert activity_.records == 20
    assert activity_.partial is not None and "daarna is het bestand beschadigd" in activity_.partial.nl
    assert "after that the file is damaged" in activity_.partial.en


def test_a_gpx_cut_off_before_any_whole_point_is_rejected_as_cut_off_xml():
    data = gpx(trk(run_points(0, 3, 52.0)))
    with pytest.raises(FileProblem) as problem:
        read_gpx(data[: data.index(b"<trkpt") + 15])
    assert "afgebroken" in problem.value.reason.nl and "cut off" in problem.value.reason.en
