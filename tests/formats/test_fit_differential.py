"""Our FIT reader against Garmin's FIT SDK, file by file, on every sample FIT file.

Where the SDK cannot read a file (it stops at the first compressed-timestamp header), fitdecode is the
reference; the test id names the reference used. The SDK is asked for values that stay comparable:

    Decoder.read(apply_scale_and_offset=True,      # values in the profile's units, as ours
                 convert_datetimes_to_dates=False,  # timestamps as raw FIT seconds
                 convert_types_to_strings=True,     # sport and sub_sport as names
                 expand_components=True,            # speed -> enhanced_speed, altitude -> enhanced_altitude
                 merge_heart_rates=False)           # the heart rate the record holds; we merge none

Mapping from the reference to Kniewijs:
    track.time        = timestamp + 631065600 (FIT epoch), records without a timestamp left out, sorted
    distance_m        = distance
    heart_rate        = heart_rate
    cadence_spm       = 2 * (cadence + fractional_cadence) for running and walking, else cadence
    speed_mps, altitude_m = enhanced_speed, enhanced_altitude (else speed, altitude); power_w = power
    lat, lon          = position_lat, position_long * 180 / 2**31 (semicircles to degrees)
    summary.distance_m = total_distance, duration_s = total_timer_time, avg_heart_rate = avg_heart_rate
    sub_sport         = the SDK's sub_sport name
Records are split over sessions as `kniewijs.formats.fit` documents: all of them for one session, by
session window for several (re-implemented here from the reference's own sessions).
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kniewijs.core.activity import ActivityData
from kniewijs.formats import fit_profile as fp
from kniewijs.formats.errors import RejectedFile, SkippedFile
from kniewijs.formats.fit import map_sport, read_fit

FIT_FOLDER = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "activities" / "fit"
FOOT_SPORTS = ("running", "walking")
NOT_ACTIVITIES = ("settings", "workout", "weight", "monitoring_a", "monitoring_b", "monitoring_daily")

# Files the SDK cannot read, and why; test_the_sdk_still_fails_where_fitdecode_stands_in checks it.
FITDECODE_FOR = {
    "fitdecode__antfs-dump.63.fit": "compressed timestamp headers",
    "fitdecode__compressed-speed-distance.fit": "compressed timestamp headers",
}


def _fit_files() -> list[Path]:
    if not FIT_FOLDER.is_dir():
        return []
    return sorted(p for p in FIT_FOLDER.iterdir() if p.suffix.lower() == ".fit")


def _params() -> list[Any]:
    files = _fit_files()
    if not files:
        return [pytest.param(None, "", id="shared-data-missing")]
    params = []
    for path in files:
        reference = "fitdecode" if path.name in FITDECODE_FOR else "garmin-fit-sdk"
        params.append(pytest.param(path, reference, id=f"{path.name}-vs-{reference}"))
    return params


@dataclass
class Reference:
    decoder: str
    error: str | None = None
    file_type: str | None = None
    records: list[dict[str, Any]] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)


def _sdk(data: bytes, check_crc: bool = True) -> Reference:
    from garmin_fit_sdk import Decoder, Stream

    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        enable_crc_check=check_crc,  # off: the SDK keeps what it read before the damage, as we do
        apply_scale_and_offset=True,
        convert_datetimes_to_dates=False,
        convert_types_to_strings=True,
        expand_components=True,
        merge_heart_rates=False,
    )
    file_ids = messages.get("file_id_mesgs", [])
    return Reference(
        decoder="garmin-fit-sdk",
        error="; ".join(str(e) for e in errors) or None,
        file_type=file_ids[0].get("type") if file_ids else None,
        records=messages.get("record_mesgs", []),
        sessions=messages.get("session_mesgs", []),
    )


def _fitdecode(data: bytes) -> Reference:
    import fitdecode

    reference = Reference(decoder="fitdecode")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with fitdecode.FitReader(data, check_crc=fitdecode.CrcCheck.RAISE) as reader:
                for frame in reader:
                    if not isinstance(frame, fitdecode.FitDataMessage):
                        continue
                    values = {f.name: f.value for f in frame.fields}
                    if frame.has_field("timestamp"):  # raw FIT seconds, as the SDK gives them
                        values["timestamp"] = frame.get_field("timestamp").raw_value
                    if frame.name == "record":
                        reference.records.append(values)
                    elif frame.name == "session":
                        values["start_time"] = frame.get_field("start_time").raw_value
                        reference.sessions.append(values)
                    elif frame.name == "file_id" and reference.file_type is None:
                        reference.file_type = values.get("type")
    except Exception as error:  # any failure of the reference is what we compare against
        reference.error = repr(error)
    return reference


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list | tuple) else value


def _number(values: dict[str, Any], name: str) -> float:
    value = _first(values.get(name))
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else np.nan


def _windows(sessions: list[dict[str, Any]]) -> list[tuple[float | None, float]]:
    windows = []
    for session in sessions:
        start, end = _number(session, "start_time"), _number(session, "timestamp")
        elapsed = _number(session, "total_elapsed_time")
        if np.isnan(start):
            start = end - elapsed if not np.isnan(elapsed) else end
        last = (
            max(x for x in (end, start + elapsed, start) if not np.isnan(x))
            if not np.isnan(start)
            else np.nan
        )
        windows.append((None if np.isnan(start) else start, np.inf if np.isnan(last) else last))
    return windows


def _expected_groups(reference: Reference) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(session, its records) in start order, split the way the reader documents it."""
    timed = [r for r in reference.records if isinstance(_first(r.get("timestamp")), int)]
    timed.sort(key=lambda r: _first(r["timestamp"]))
    sessions = reference.sessions or [{}]
    windows = _windows(sessions)
    order = sorted(range(len(sessions)), key=lambda i: (windows[i][0] is None, windows[i][0] or 0.0))
    if len(order) == 1:
        return [(sessions[order[0]], timed)]
    groups = []
    for position, index in enumerate(order):
        start, end = windows[index]
        later = [windows[i][0] for i in order[position + 1 :] if windows[i][0] is not None]
        next_start = later[0] if later else np.inf
        if start is None:
            groups.append((sessions[index], []))
            continue
        inside = [
            r
            for r in timed
            if start <= _first(r["timestamp"])
            and (_first(r["timestamp"]) < next_start if next_start <= end else _first(r["timestamp"]) <= end)
        ]
        groups.append((sessions[index], inside))
    return groups


def _column(activity: ActivityData, name: str) -> np.ndarray:
    values = activity.track.get(name)
    return values if values is not None else np.full(len(activity.track), np.nan)


def _assert_close(ours: np.ndarray, theirs: list[float], what: str) -> None:
    np.testing.assert_allclose(
        ours, np.array(theirs, dtype=np.float64), rtol=1e-9, atol=1e-6, equal_nan=True, err_msg=what
    )


def _assert_same_activity(
    activity: ActivityData, session: dict[str, Any], records: list[dict[str, Any]]
) -> None:
    sport_names = {name: number for number, name in fp.SPORT_NAMES.items()}
    sub_names = {name: number for number, name in fp.SUB_SPORT_NAMES.items()}
    sport, sub_sport = session.get("sport"), session.get("sub_sport")
    if session:
        assert activity.sub_sport == sub_sport
        if activity.sport_guess is not None:  # guessed: only where the file names no sport
            assert sport in (None, "generic") and activity.sport in ("running", "cycling", "walking", "other")
        elif sport is not None:
            assert activity.sport == map_sport(
                sport_names.get(sport, -1), sub_names.get(sub_sport, -1) if sub_sport is not None else None
            )
    assert activity.records == len(records), "record count"
    epoch_times = [_first(r["timestamp"]) + fp.FIT_EPOCH_UNIX for r in records]
    np.testing.assert_array_equal(activity.track.time, np.array(epoch_times, dtype=np.float64))
    _assert_close(_column(activity, "distance_m"), [_number(r, "distance") for r in records], "distance")
    _assert_close(_column(activity, "heart_rate"), [_number(r, "heart_rate") for r in records], "heart rate")
    if activity.sport in FOOT_SPORTS:
        cadence = [
            2 * (_number(r, "cadence") + np.nan_to_num(_number(r, "fractional_cadence"))) for r in records
        ]
    else:
        cadence = [_number(r, "cadence") for r in records]
    _assert_close(_column(activity, "cadence_spm"), cadence, "cadence")
    for channel, preferred, fallback in (
        ("speed_mps", "enhanced_speed", "speed"),
        ("altitude_m", "enhanced_altitude", "altitude"),
        ("power_w", "power", "power"),
    ):
        theirs = [_number(r, preferred) for r in records]
        theirs = [_number(r, fallback) if np.isnan(v) else v for r, v in zip(records, theirs, strict=True)]
        _assert_close(_column(activity, channel), theirs, channel)
    for channel, name in (("lat", "position_lat"), ("lon", "position_long")):
        degrees = [_number(r, name) * 180 / 2**31 for r in records]
        _assert_close(_column(activity, channel), degrees, channel)
    summary = activity.summary
    if activity.partial is not None and activity.partial.nl.startswith("De opname stopt"):
        return  # cut off: the totals come from the records (test_fit_recovery), not from a session
    if not session:  # no session: the totals come from the records, which were compared above
        assert (
            summary.elapsed_s is None
            or summary.moving_s is not None
            and summary.moving_s <= summary.elapsed_s
        )
        return
    for ours, name in (
        (summary.distance_m, "total_distance"),
        (summary.duration_s, "total_timer_time"),
        (summary.avg_heart_rate, "avg_heart_rate"),
    ):
        theirs = _number(session, name)
        if name == "total_timer_time" and np.isnan(theirs):
            theirs = _number(session, "total_elapsed_time")
        assert (ours is None and np.isnan(theirs)) or ours == pytest.approx(theirs, rel=1e-9), name


def _missing_shared_data() -> None:
    message = f"the shared sample files are not at {FIT_FOLDER}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def test_the_sdk_still_fails_where_fitdecode_stands_in():
    files = {p.name: p for p in _fit_files()}
    if not files:
        _missing_shared_data()
    for name, why in FITDECODE_FOR.items():
        assert _sdk(files[name].read_bytes()).error, (
            f"the SDK now reads {name} ({why}); compare with it instead"
        )


@pytest.mark.parametrize(("path", "reference_name"), _params())
def test_our_reader_agrees_with_the_reference_decoder(path: Path | None, reference_name: str):
    if path is None:
        _missing_shared_data()
        return
    data = path.read_bytes()
    reference = _fitdecode(data) if reference_name == "fitdecode" else _sdk(data)
    try:
        activities = read_fit(data)
    except RejectedFile as problem:
        assert reference.error, f"we reject a file {reference.decoder} reads: {problem.reason.en}"
        assert problem.reason.nl and problem.reason.en and problem.reason.nl != problem.reason.en
        return
    except SkippedFile as problem:
        assert problem.reason.nl and problem.reason.en and problem.reason.nl != problem.reason.en
        if reference.file_type in NOT_ACTIVITIES:
            return
        timed = [r for r in reference.records if isinstance(_first(r.get("timestamp")), int)]
        assert not reference.sessions and not timed, f"we skip an activity: {problem.reason.en}"
        return
    if reference.error is not None and reference.decoder == "garmin-fit-sdk":
        # A file cut off or damaged: we keep what was recorded; so does the SDK with its CRC check off,
        # and both must have read the same records up to the damage.
        assert any(a.partial is not None for a in activities), f"the SDK fails: {reference.error}"
        reference = _sdk(data, check_crc=False)
        reference.error = None
        # As the reader documents: in a damaged file a record over a day after the one before is
        # damage, and it and the records after it are left out.
        timed = sorted(
            (r for r in reference.records if isinstance(_first(r.get("timestamp")), int)),
            key=lambda r: _first(r["timestamp"]),
        )
        for i in range(1, len(timed)):
            if _first(timed[i]["timestamp"]) - _first(timed[i - 1]["timestamp"]) > 24 * 3600:
                timed = timed[:i]
                break
        reference.records = timed
    assert reference.error is None, f"{reference.decoder} fails where we read: {reference.error}"
    assert reference.file_type not in NOT_ACTIVITIES, "a file that holds no activity must be skipped"
    groups = _expected_groups(reference)
    assert len(activities) == len(groups)
    for activity, (session, records) in zip(activities, groups, strict=True):
        _assert_same_activity(activity, session, records)
