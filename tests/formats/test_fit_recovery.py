"""A FIT file cut off or damaged keeps what was recorded, says what was lost, and names the real problem.

References: garmin-fit-sdk's Decoder with its CRC check off keeps every message it read before the
damage, which is what we keep too; record counts and distances must agree exactly (both read the same
bytes, and the distance is the device's own cumulative field of the last whole record).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kniewijs.formats import fit
from kniewijs.formats.errors import FileProblem, RejectedFile
from kniewijs.formats.fit import read_fit
from kniewijs.formats.fit_crc import crc16_arc_python

from .test_fit import RECORD, RECORD_FIELDS, T0, FitWriter, file_id, session, shared


def long_run(count: int = 10) -> bytes:
    """A run of `count` records one kilometre apart (distance is in 1/100 m), then its session."""
    writer = file_id(FitWriter())
    writer.define(1, RECORD, RECORD_FIELDS)
    for i in range(count):
        writer.message(1, T0 + 300 * i, 140, 85, i * 100_000)
    return session(writer, T0, 300 * (count - 1), 1, distance=(count - 1) * 100_000).file()


def record_end(data: bytes, n: int) -> int:
    """Where the n-th record message (1-based) of `long_run` ends."""
    record_size = 1 + 4 + 1 + 1 + 4
    first = 14 + (6 + 3 * 5) + (1 + 15) + (6 + 3 * 4)
    return first + n * record_size


def sdk(data: bytes) -> tuple[list[dict], list[str]]:
    from garmin_fit_sdk import Decoder, Stream

    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        enable_crc_check=False, convert_datetimes_to_dates=False, merge_heart_rates=False
    )
    return messages.get("record_mesgs", []), [str(e) for e in errors]


def test_a_fit_file_cut_off_mid_record_keeps_every_whole_record():
    data = long_run()
    cut = data[: record_end(data, 8) + 5]  # halfway through the ninth record
    (activity,) = read_fit(cut)
    assert activity.records == 8
    assert activity.distance_m == 7000.0 and activity.summary.distance_m == 7000.0
    assert activity.summary.elapsed_s == 7 * 300.0 and activity.duration_s == 7 * 300.0
    assert activity.partial is not None
    assert activity.partial.nl == "De opname stopt na 7 km: het bestand houdt daar op."
    assert activity.partial.en == "The recording stops after 7 km: the file ends there."


def test_a_cut_off_file_that_still_has_its_session_takes_its_totals_from_the_records():
    writer = file_id(FitWriter())
    session(writer, T0, 3000, 1, distance=2_000_000)  # the session claims 20 km, written first
    writer.define(1, RECORD, RECORD_FIELDS)
    for i in range(8):
        writer.message(1, T0 + 60 * i, 140, 85, i * 104_000)
    data = writer.file()
    (activity,) = read_fit(data[:-7])
    assert activity.records == 7 and activity.distance_m == pytest.approx(6240.0)
    assert activity.summary.elapsed_s == 360.0
    assert activity.partial is not None and activity.partial.nl.startswith("De opname stopt na 6,2 km")


def test_a_whole_file_with_only_a_wrong_checksum_is_read_and_the_note_says_checksum_not_cut_off():
    data = bytearray(long_run())
    data[-2] ^= 0xFF
    (activity,) = read_fit(bytes(data))
    assert activity.records == 10 and activity.distance_m == 9000.0
    assert activity.partial is not None
    assert "controlesom" in activity.partial.nl and "checksum" in activity.partial.en
    assert "stopt" not in activity.partial.nl
    # The session's own totals, the data being whole: timer 2,430 s of 2,700 s elapsed.
    assert (activity.summary.moving_s, activity.summary.elapsed_s) == (2430.0, 2700.0)


def test_a_file_cut_off_before_any_record_is_rejected_as_cut_off_not_as_a_checksum():
    data = long_run()
    with pytest.raises(RejectedFile) as info:
        read_fit(data[:30])
    assert "onvolledig" in info.value.reason.nl and "controlesom" not in info.value.reason.nl
    assert "incomplete" in info.value.reason.en


def test_a_file_whose_header_promises_the_whole_but_whose_last_record_is_cut_says_cut_off():
    data = long_run(count=10)
    body = bytearray(data[: record_end(data, 6) + 3])
    body[4:8] = (len(body) - 14 - 2).to_bytes(4, "little")  # the header claims what is there (as nick.fit)
    body[12:14] = crc16_arc_python(bytes(body[:12])).to_bytes(2, "little")
    (activity,) = read_fit(bytes(body))
    assert activity.records == 6 and activity.partial is not None and "houdt daar op" in activity.partial.nl


def test_nick_fit_is_read_up_to_its_last_whole_record_as_the_garmin_sdk_reads_it():
    data = (shared("fit") / "fitparse__nick.fit").read_bytes()
    (activity,) = read_fit(data)
    records, errors = sdk(data)
    assert errors  # the SDK, too, finds the file cut off
    assert activity.records == len(records) == 14391
    distance = records[-1]["distance"]
    assert activity.track.channels["distance_m"][-1] == pytest.approx(distance, abs=1e-6)
    assert round(distance / 1000, 1) == 113.6
    assert activity.partial is not None
    assert activity.partial.nl == "De opname stopt na 113,6 km: het bestand houdt daar op."
    assert activity.summary.elapsed_s == float(records[-1]["timestamp"] - records[0]["timestamp"])
    moving = activity.summary.moving_s
    assert moving is not None and 0 < moving <= activity.summary.elapsed_s


@pytest.mark.parametrize("fraction", [0.10, 0.65, 0.99])
def test_a_sample_cut_at_a_fixed_point_matches_the_sdk_record_for_record(fraction):
    data = (shared("fit") / "fitparse__nick.fit").read_bytes()
    cut = data[: int(len(data) * fraction)]
    (activity,) = read_fit(cut)
    records, _errors = sdk(cut)
    assert activity.records == len(records)
    assert activity.track.channels["distance_m"][-1] == pytest.approx(records[-1]["distance"], abs=1e-6)


def _fit_samples() -> list[bytes]:
    folder = shared("fit")
    return [p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix.lower() == ".fit"]


def _whole(data: bytes) -> tuple[int, float] | None:
    """What the whole file holds: its timed records (a multisport file cut before its sessions keeps the
    records between sessions too, which the whole file's session windows leave out) and its distance."""
    try:
        activities = read_fit(data)
    except FileProblem:
        return None
    timed = fit._record_columns(fit._read_file_chain(data))[0].size
    distances = [a.track.get("distance_m") for a in activities]
    recorded = [
        float(np.nanmax(d) - np.nanmin(d)) for d in distances if d is not None and np.isfinite(d).any()
    ]
    span = max(recorded) if recorded else 0.0
    return max(timed, sum(a.records for a in activities)), max(
        span, sum(a.distance_m or 0.0 for a in activities)
    )


def assert_truncation_is_safe(data: bytes, at: int, whole: tuple[int, float] | None) -> None:
    try:
        activities = read_fit(data[:at])
    except FileProblem as problem:
        assert problem.reason.nl and problem.reason.en
        return
    assert whole is not None, "a truncation of a file we refuse must not become an activity"
    records = sum(a.records for a in activities)
    distance = sum(a.distance_m or 0.0 for a in activities)
    assert records <= whole[0]
    # 1 m: a session total is rounded to centimetres, the records' distance may be in 1/16 m.
    assert distance <= whole[1] + 1.0
    for activity in activities:
        assert (np.diff(activity.track.time) >= 0).all()
        moving, elapsed = activity.summary.moving_s, activity.summary.elapsed_s
        if moving is not None and elapsed is not None and activity.partial is not None:
            assert moving <= elapsed + 1e-9


def test_every_sample_fit_cut_at_ten_sixty_five_and_ninety_nine_percent_never_gains_anything():
    for data in _fit_samples():
        whole = _whole(data)
        for fraction in (0.10, 0.65, 0.99):
            assert_truncation_is_safe(data, int(len(data) * fraction), whole)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_sample_fit_cut_anywhere_never_crashes_and_never_gains_anything(data):
    samples = _SAMPLES or _fit_samples()
    _SAMPLES[:] = samples
    index = data.draw(st.integers(0, len(samples) - 1))
    content = samples[index]
    at = data.draw(st.integers(0, len(content)))
    if index not in _WHOLE:
        _WHOLE[index] = _whole(content)
    assert_truncation_is_safe(content, at, _WHOLE[index])


_SAMPLES: list[bytes] = []
_WHOLE: dict[int, tuple[int, float] | None] = {}


def test_timer_stops_inside_a_fit_recording_are_counted_as_pauses_and_the_last_stop_is_not():
    writer = file_id(FitWriter())
    writer.define(3, 21, [(253, "uint32"), (0, "enum"), (1, "enum")])  # event: timestamp, event, type
    writer.define(1, RECORD, RECORD_FIELDS)
    writer.message(3, T0, 0, 0)  # timer start
    for i in range(5):
        writer.message(1, T0 + 60 * i, 140, 85, i * 10_000)
    writer.message(3, T0 + 250, 0, 4)  # stop_all: a pause
    writer.message(3, T0 + 400, 0, 0)  # start again
    for i in range(5, 10):
        writer.message(1, T0 + 400 + 60 * (i - 5), 140, 85, i * 10_000)
    writer.message(3, T0 + 640, 0, 4)  # the end
    (activity,) = read_fit(writer.file())
    assert activity.pauses == 1
    assert activity.summary.elapsed_s == 640.0
    # No session: moving time by the rule (the 160 s gap covered 100 m, over 1 km/h, so it counts).
    assert activity.summary.moving_s == 640.0


def test_a_record_a_day_after_the_one_before_in_a_damaged_file_is_dropped_as_damage():
    writer = file_id(FitWriter())
    writer.define(1, RECORD, RECORD_FIELDS)
    for i in range(5):
        writer.message(1, T0 + 60 * i, 140, 85, i * 10_000)
    writer.message(1, T0 + 2 * 86400, 140, 85, 50_000)
    data = bytearray(writer.file())
    data[-1] ^= 0xFF  # the checksum says the data is damaged
    (activity,) = read_fit(bytes(data))
    assert activity.records == 5 and activity.summary.elapsed_s == 240.0
