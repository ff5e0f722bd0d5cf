"""Our readers' totals against references no one here wrote, on every sample file they read.

- GPX vs gpxpy: 2D distance, start, elapsed time (gpxpy's time bounds) and moving time.
- TCX vs tcxreader: distance, start and duration (tcxreader: first to last trackpoint it keeps).
- FIT vs fitdecode: the session totals (distance, elapsed and timer time, start, sport).

Tolerances are stated where they are used, with the reason.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kniewijs.formats import fit_profile as fp
from kniewijs.formats.errors import FileProblem
from kniewijs.formats.fit import map_sport, read_fit
from kniewijs.formats.gpx import read_gpx
from kniewijs.formats.tcx import read_tcx

from .test_gpx import require, shared_samples


def epoch(moment: datetime) -> float:
    """gpxpy and tcxreader give a time without an offset as naive; the files mean UTC."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def ids(path: Path | None) -> str:
    return path.name if path else "missing"


# ---- GPX vs gpxpy -----------------------------------------------------------------------------------


def _gpxpy(path: Path):
    import gpxpy

    return gpxpy.parse(path.read_text(encoding="utf-8-sig", errors="replace"))


@pytest.mark.parametrize("path", shared_samples("gpx"), ids=ids)
def test_gpx_distance_start_elapsed_and_moving_time_agree_with_gpxpy(path):
    path = require(path)
    try:
        activities = read_gpx(path.read_bytes())
    except FileProblem:
        return  # no timed track: test_gpx checks that such files are skipped for that reason
    reference = _gpxpy(path)
    points = [p for t in reference.tracks for s in t.segments for p in s.points]
    times = [p.time for p in points]
    if (
        not points
        or any(t is None for t in times)
        or any(b < a for a, b in zip(times, times[1:], strict=False))
    ):
        # gpxpy keeps points without a time or going back in time; we drop them (a track's time never
        # goes back), so the two read different points and their totals are not comparable.
        pytest.skip("points without a time or out of order")
    # 0.5%: both sum great-circle steps within segments, gpxpy with its own flat-earth approximation
    # for short steps and we with haversine on the IUGG mean radius; on real tracks that is < 0.3%.
    assert sum(a.distance_m or 0.0 for a in activities) == pytest.approx(reference.length_2d(), rel=5e-3)
    bounds = reference.get_time_bounds()
    assert activities[0].start.timestamp() == pytest.approx(epoch(bounds.start_time), abs=1e-3)
    if len(activities) != 1:
        return
    (activity,) = activities
    elapsed = activity.summary.elapsed_s or 0.0
    assert elapsed == pytest.approx((bounds.end_time - bounds.start_time).total_seconds(), abs=1e-3)
    # Moving time on purpose differs: gpxpy drops the intervals slower than 1 km/h after leaving out
    # its top 5% of speeds as GPS noise, and computes speed on its own distances; we drop intervals
    # slower than 1 km/h on ours and the gaps between segments (which gpxpy, summing per segment, drops
    # too). So ours is never more than gpxpy's sum of segment spans (get_duration), never more than the
    # elapsed time, and within 5% of the elapsed time of gpxpy's moving time.
    moving = activity.summary.moving_s or 0.0
    assert moving <= (reference.get_duration() or 0.0) + 1e-3
    assert moving <= elapsed + 1e-3
    assert moving == pytest.approx(reference.get_moving_data().moving_time, abs=0.05 * elapsed + 1.0)
    assert activity.duration_s == activity.summary.moving_s


def test_cerknicko_against_gpxpy_in_numbers():
    path = require(
        next((p for p in shared_samples("gpx") if p and p.name == "gpxpy__cerknicko-jezero.gpx"), None)
    )
    (activity,) = read_gpx(path.read_bytes())
    reference = _gpxpy(path)
    # gpxpy: 4.58 km (2D), 70.7 min of segment spans, 40.4 min moving, 119.8 min first to last point.
    assert round(reference.length_2d() / 1000, 2) == 4.58 and (activity.distance_m or 0) == pytest.approx(
        4575, abs=1
    )
    assert round((activity.summary.elapsed_s or 0) / 60, 1) == 119.8
    assert round((activity.summary.moving_s or 0) / 60, 1) == 38.5
    assert round(reference.get_duration() / 60, 1) == 70.7


# ---- TCX vs tcxreader -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", shared_samples("tcx"), ids=ids)
def test_tcx_distance_start_and_duration_agree_with_tcxreader(path):
    from tcxreader.tcxreader import TCXReader

    path = require(path)
    activities = read_tcx(path.read_bytes())
    reference = TCXReader().read(str(path))
    if not reference.trackpoints:
        pytest.skip("tcxreader reads no trackpoint of this file (several activities, or no positions)")
    (activity,) = activities  # tcxreader reads one activity per file; these samples have one
    # 0.5 m: both take the device's DistanceMeters; tcxreader its trackpoints', we the laps' sum.
    assert (activity.distance_m or 0.0) == pytest.approx(reference.distance, abs=0.5)
    # 10 s: our start is the Activity's Id (when the device started), tcxreader's its first trackpoint,
    # which devices write up to a few seconds later (mapmyride: 6.5 s).
    assert activity.start.timestamp() == pytest.approx(epoch(reference.start_time), abs=10.0)
    if len(reference.trackpoints) >= 0.95 * activity.records:
        # tcxreader's duration is first to last trackpoint of those it keeps, as our elapsed time; it
        # keeps fewer (no position, no heart rate) so it may miss up to 0.5% at the ends.
        assert (activity.summary.elapsed_s or 0.0) == pytest.approx(reference.duration, rel=5e-3)
    moving, elapsed = activity.summary.moving_s, activity.summary.elapsed_s
    assert moving is not None and elapsed is not None and moving <= elapsed


# ---- FIT session totals vs fitdecode ---------------------------------------------------------------


def _fitdecode_sessions(data: bytes) -> list[dict[str, object]] | None:
    import fitdecode

    sessions = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # fitdecode warns about the odd field sizes some devices write
            return _sessions_of(fitdecode, data, sessions)
    except Exception:  # a file fitdecode refuses is compared in test_fit_recovery with the SDK
        return None


def _sessions_of(fitdecode, data: bytes, sessions: list[dict[str, object]]) -> list[dict[str, object]]:
    with fitdecode.FitReader(data, check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session":
                values = {f.name: f.value for f in frame.fields}
                if frame.has_field("start_time"):
                    values["start_raw"] = frame.get_field("start_time").raw_value
                sessions.append(values)
    return sessions


def _fit_files() -> list[Path | None]:
    return [p for p in shared_samples("fit") if p is None or p.suffix.lower() == ".fit"]


@pytest.mark.parametrize("path", _fit_files(), ids=ids)
def test_fit_session_totals_agree_with_fitdecode(path):
    path = require(path)
    data = path.read_bytes()
    sessions = _fitdecode_sessions(data)
    if not sessions:
        pytest.skip("fitdecode reads no session here")
    try:
        activities = read_fit(data)
    except FileProblem as problem:
        pytest.fail(f"we refuse a file with a session fitdecode reads: {problem.reason.en}")
    sessions.sort(key=lambda s: s.get("start_raw") if isinstance(s.get("start_raw"), int) else 0)
    if len(sessions) != len(activities):
        pytest.skip("a session without a start time is left out of the activities")
    sport_numbers = {name: number for number, name in fp.SPORT_NAMES.items()}
    sub_numbers = {name: number for number, name in fp.SUB_SPORT_NAMES.items()}
    for activity, session in zip(activities, sessions, strict=True):
        summary = activity.summary
        # Exact (to float rounding): the same fields scaled by the same profile factors.
        for ours, name in (
            (summary.distance_m, "total_distance"),
            (summary.elapsed_s, "total_elapsed_time"),
            (summary.moving_s, "total_timer_time"),
        ):
            theirs = session.get(name)
            if isinstance(theirs, int | float):
                assert ours == pytest.approx(float(theirs), rel=1e-9), name
        if isinstance(session.get("start_raw"), int):
            assert activity.start.timestamp() == session["start_raw"] + fp.FIT_EPOCH_UNIX
        sport, sub = session.get("sport"), session.get("sub_sport")
        if activity.sport_guess is None and isinstance(sport, str):
            expected = map_sport(
                sport_numbers.get(sport, -1), sub_numbers.get(sub) if isinstance(sub, str) else None
            )
            assert activity.sport == expected
        elif activity.sport_guess is not None:
            assert sport in (None, "generic") or isinstance(sport, int)
