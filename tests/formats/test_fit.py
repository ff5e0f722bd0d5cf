"""The FIT reader on files written here byte by byte, on the shared broken files, and under fuzzing."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kniewijs.formats.errors import FileProblem, RejectedFile, SkippedFile
from kniewijs.formats.fit import map_sport, read_fit
from kniewijs.formats.fit_crc import crc16_arc, crc16_arc_python

ACTIVITIES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "activities"
FIT_EPOCH_UNIX = 631_065_600
T0 = 1_000_000_000  # FIT seconds: 2021-09-09T01:46:40Z

# FIT base types as (base-type byte, struct code): FIT Protocol, "FIT Base Types".
TYPES = {
    "enum": (0x00, "B"),
    "sint8": (0x01, "b"),
    "uint8": (0x02, "B"),
    "uint16": (0x84, "H"),
    "sint32": (0x85, "i"),
    "uint32": (0x86, "I"),
    "string": (0x07, "s"),
    "uint32z": (0x8C, "I"),
    "byte": (0x0D, "B"),
}
FILE_ID, SPORT, SESSION, RECORD, EVENT = 0, 12, 18, 20, 21
RECORD_FIELDS = [
    (253, "uint32"),
    (3, "uint8"),
    (4, "uint8"),
    (5, "uint32"),
]  # timestamp, hr, cadence, distance


class FitWriter:
    """Writes FIT files for tests: definitions, data messages, compressed timestamps, developer fields."""

    def __init__(self) -> None:
        self.body = bytearray()
        self.formats: dict[int, struct.Struct] = {}

    def define(self, local, global_number, fields, *, big_endian=False, developer=()):
        endian = ">" if big_endian else "<"
        header = 0x40 | local | (0x20 if developer else 0)
        self.body += bytes([header, 0, 1 if big_endian else 0]) + struct.pack(endian + "H", global_number)
        self.body.append(len(fields))
        codes = []
        for number, type_name, *count in fields:
            base, code = TYPES[type_name]
            size = (count[0] if count else 1) * struct.calcsize(code)
            self.body += bytes([number, size, base])
            codes.append(f"{size}s" if code == "s" else f"{count[0] if count else 1}{code}")
        if developer:
            self.body.append(len(developer))
            for number, size, index in developer:
                self.body += bytes([number, size, index])
            codes.append(f"{sum(size for _, size, _ in developer)}x")
        self.formats[local] = struct.Struct(endian + "".join(codes))
        return self

    def message(self, local, *values, time_offset=None):
        header = local if time_offset is None else 0x80 | (local << 5) | (time_offset & 0x1F)
        self.body.append(header)
        self.body += self.formats[local].pack(*values)
        return self

    def file(self, header_size=14, header_crc=True, protocol=0x20, profile=2132) -> bytes:
        header = struct.pack("<BBHI4s", header_size, protocol, profile, len(self.body), b".FIT")
        if header_size == 14:
            header += struct.pack("<H", crc16_arc_python(header) if header_crc else 0)
        content = header + bytes(self.body)
        return content + struct.pack("<H", crc16_arc_python(content))


def with_crc(content: bytes) -> bytes:
    """A FIT file whose checksums are recomputed after its content was changed."""
    header_size = content[0]
    body = bytearray(content[:-2])
    if header_size >= 14 and len(body) >= 14:
        body[12:14] = struct.pack("<H", crc16_arc_python(bytes(body[:12])))
    return bytes(body) + struct.pack("<H", crc16_arc_python(bytes(body)))


def file_id(writer: FitWriter, file_type=4, local=0) -> FitWriter:
    fields = [(0, "enum"), (1, "uint16"), (2, "uint16"), (3, "uint32z"), (4, "uint32")]
    return writer.define(local, FILE_ID, fields).message(local, file_type, 1, 2697, 123456, T0)


def session(writer: FitWriter, start, elapsed, sport, sub_sport=0, local=2, **extra) -> FitWriter:
    fields = [
        (253, "uint32"),
        (2, "uint32"),
        (5, "enum"),
        (6, "enum"),
        (7, "uint32"),
        (8, "uint32"),
        (9, "uint32"),
    ]
    fields += [(16, "uint8"), (17, "uint8"), (18, "uint8"), (92, "uint8")]
    values = [
        start + elapsed,
        start,
        sport,
        sub_sport,
        elapsed * 1000,
        elapsed * 900,
        extra.get("distance", 100_000),
    ]
    values += [
        extra.get("avg_hr", 150),
        extra.get("max_hr", 180),
        extra.get("cadence", 85),
        extra.get("fraction", 64),
    ]
    return writer.define(local, SESSION, fields).message(local, *values)


def simple_activity(
    sport=1, sub_sport=0, count=10, *, big_endian=False, header_size=14, header_crc=True
) -> bytes:
    writer = file_id(FitWriter())
    writer.define(1, RECORD, RECORD_FIELDS, big_endian=big_endian)
    for i in range(count):
        writer.message(1, T0 + i, 140 + i, 80 + i, i * 250)
    return session(writer, T0, count - 1, sport, sub_sport).file(
        header_size=header_size, header_crc=header_crc
    )


def running_dynamics_activity() -> bytes:
    writer = file_id(FitWriter())
    fields = [(253, "uint32"), (0, "sint32"), (1, "sint32"), (4, "uint8"), (53, "uint8"), (39, "uint16")]
    fields += [(41, "uint16"), (85, "uint16"), (83, "uint16"), (6, "uint16"), (73, "uint32"), (78, "uint32")]
    writer.define(1, RECORD, fields)
    lat, lon = round(52.09 * 2**31 / 180), round(5.12 * 2**31 / 180)
    writer.message(1, T0, lat, lon, 85, 64, 950, 2450, 12000, 850, 3000, 3100, 2600)
    writer.message(1, T0 + 1, lat, lon, 86, 0, 960, 2440, 12100, 860, 3010, 0xFFFFFFFF, 0xFFFFFFFF)
    return session(writer, T0, 1, 1, 3).file()


def read_one(data: bytes):
    activities = read_fit(data)
    assert len(activities) == 1
    return activities[0]


def shared(folder: str) -> Path:
    path = ACTIVITIES / folder
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the shared sample files are not at {path}")
        pytest.skip(f"the shared sample files are not at {path}")
    return path


def test_a_simple_running_file_gives_its_records_totals_and_device():
    activity = read_one(simple_activity())
    assert activity.sport == "running" and activity.sub_sport == "generic" and activity.source_format == "fit"
    assert activity.start.timestamp() == T0 + FIT_EPOCH_UNIX and activity.start.tzinfo is not None
    assert activity.records == 10
    np.testing.assert_array_equal(activity.track.time, T0 + FIT_EPOCH_UNIX + np.arange(10.0))
    np.testing.assert_array_equal(activity.track.channels["heart_rate"], 140 + np.arange(10.0))
    np.testing.assert_array_equal(activity.track.channels["distance_m"], np.arange(10.0) * 2.5)
    np.testing.assert_array_equal(activity.track.channels["cadence_spm"], 2 * (80 + np.arange(10.0)))
    summary = activity.summary
    assert (summary.distance_m, summary.elapsed_s, summary.duration_s) == (1000.0, 9.0, 8.1)
    assert (summary.avg_heart_rate, summary.max_heart_rate, summary.avg_cadence_spm) == (150, 180, 171.0)
    assert activity.device == "Garmin product 2697 (serial 123456)"


def test_running_dynamics_become_metric_channels_and_running_cadence_becomes_steps_per_minute():
    track = read_one(running_dynamics_activity()).track
    np.testing.assert_allclose(track.channels["cadence_spm"], [171.0, 172.0])
    np.testing.assert_allclose(track.channels["vertical_oscillation_mm"], [95.0, 96.0])
    np.testing.assert_allclose(track.channels["ground_contact_ms"], [245.0, 244.0])
    np.testing.assert_allclose(track.channels["stride_length_m"], [1.2, 1.21])
    np.testing.assert_allclose(track.channels["vertical_ratio"], [8.5, 8.6])
    np.testing.assert_allclose(track.channels["lat"], [52.09, 52.09], atol=1e-7)
    np.testing.assert_allclose(track.channels["lon"], [5.12, 5.12], atol=1e-7)
    # enhanced_speed wins over speed; where it is invalid the plain speed stands in
    np.testing.assert_allclose(track.channels["speed_mps"], [3.1, 3.01])
    np.testing.assert_allclose(track.channels["altitude_m"], [20.0, np.nan])


def test_cycling_cadence_stays_revolutions_per_minute():
    activity = read_one(simple_activity(sport=2))
    assert activity.sport == "cycling"
    np.testing.assert_array_equal(activity.track.channels["cadence_spm"], 80 + np.arange(10.0))
    assert activity.summary.avg_cadence_spm == 85


def test_big_endian_definitions_read_the_same_as_little_endian_ones():
    little, big = read_one(simple_activity()), read_one(simple_activity(big_endian=True))
    assert big.records == little.records == 10
    for name in ("heart_rate", "distance_m", "cadence_spm"):
        np.testing.assert_array_equal(big.track.channels[name], little.track.channels[name])
    np.testing.assert_array_equal(big.track.time, little.track.time)


def test_twelve_and_fourteen_byte_headers_and_a_zero_header_checksum_are_all_read():
    for data in (simple_activity(header_size=12), simple_activity(), simple_activity(header_crc=False)):
        assert read_one(data).records == 10
    assert simple_activity(header_size=12)[0] == 12 and simple_activity(header_crc=False)[12:14] == b"\0\0"


def test_a_wrong_header_checksum_is_rejected_with_a_clear_reason():
    data = bytearray(simple_activity())
    data[12] ^= 0xFF
    with pytest.raises(RejectedFile) as info:
        read_fit(bytes(data))
    assert "kop" in info.value.reason.nl and "header" in info.value.reason.en


def test_a_wrong_file_checksum_without_any_sample_is_rejected_in_dutch_and_english():
    data = bytearray(file_id(FitWriter()).file())
    data[-1] ^= 0x01
    with pytest.raises(RejectedFile) as info:
        read_fit(bytes(data))
    assert info.value.reason.nl == "Het bestand is beschadigd: de controlesom klopt niet."
    assert info.value.reason.en == "The file is damaged: its checksum does not match."


def test_compressed_timestamp_headers_give_each_record_its_time_across_the_rollover():
    writer = file_id(FitWriter())
    writer.define(1, RECORD, RECORD_FIELDS).define(2, RECORD, [(3, "uint8")])
    start = T0 + 30  # 30 within its 32-second window: the next offsets roll over
    writer.message(1, start, 120, 80, 0)
    seconds = [0, 2, 5, 11, 20, 31]  # each step under 32 s, as the 5-bit offset allows
    for i, second in enumerate(seconds[1:], start=1):
        writer.message(2, 120 + i, time_offset=(start + second) & 0x1F)
    activity = read_one(session(writer, start, 31, 1).file())
    np.testing.assert_array_equal(activity.track.time - FIT_EPOCH_UNIX, start + np.array(seconds, float))
    np.testing.assert_array_equal(activity.track.channels["heart_rate"], 120 + np.arange(6.0))
    assert np.isnan(activity.track.channels["distance_m"][1:]).all()


def test_developer_fields_are_skipped_by_the_sizes_their_definition_gives():
    writer = file_id(FitWriter())
    writer.define(0, 207, [(3, "uint8")]).message(0, 0)  # developer_data_id: read past, never needed
    writer.define(1, RECORD, RECORD_FIELDS, developer=[(0, 3, 0), (1, 2, 0)])
    for i in range(3):
        writer.message(1, T0 + i, 150 + i, 90, i * 100)
    activity = read_one(session(writer, T0, 2, 1).file())
    np.testing.assert_array_equal(activity.track.channels["heart_rate"], [150.0, 151.0, 152.0])
    np.testing.assert_array_equal(activity.track.channels["distance_m"], [0.0, 1.0, 2.0])


def test_unknown_messages_strings_and_arrays_are_skipped_by_their_size():
    writer = file_id(FitWriter())
    writer.define(3, 65280, [(0, "string", 9), (1, "uint16", 4), (2, "byte", 5)])
    writer.message(3, b"hallo", 1, 2, 3, 4, 1, 2, 3, 4, 5)
    writer.define(1, RECORD, RECORD_FIELDS + [(7, "uint16", 2)])
    writer.message(1, T0, 130, 80, 500, 250, 260)
    writer.message(3, b"nog eens", 5, 6, 7, 8, 9, 9, 9, 9, 9)
    activity = read_one(session(writer, T0, 0, 1).file())
    assert activity.track.channels["heart_rate"].tolist() == [130.0]
    assert activity.track.channels["power_w"].tolist() == [250.0]  # an array gives its first element


def test_invalid_values_become_nan_and_a_channel_without_values_is_left_out():
    writer = file_id(FitWriter())
    writer.define(1, RECORD, RECORD_FIELDS + [(0, "sint32"), (1, "sint32")])
    writer.message(1, T0, 0xFF, 80, 0xFFFFFFFF, 0x7FFFFFFF, 0x7FFFFFFF)
    writer.message(1, T0 + 1, 140, 0xFF, 100, 0x7FFFFFFF, 0x7FFFFFFF)
    track = read_one(session(writer, T0, 1, 2).file()).track
    assert np.isnan(track.channels["heart_rate"][0]) and track.channels["heart_rate"][1] == 140
    assert np.isnan(track.channels["cadence_spm"][1]) and np.isnan(track.channels["distance_m"][0])
    assert "lat" not in track.channels and "lon" not in track.channels and not track.has("lat")


def test_a_file_with_only_invalid_session_totals_gives_none_not_nan():
    writer = file_id(FitWriter())
    session(writer, T0, 10, 1, distance=0xFFFFFFFF, avg_hr=0xFF, cadence=0xFF)
    activity = read_one(writer.file())
    assert activity.summary.distance_m is None and activity.summary.avg_heart_rate is None
    assert activity.summary.avg_cadence_spm is None and activity.records == 0


@pytest.mark.parametrize(
    ("sport", "sub_sport", "expected"),
    [
        (1, 0, "running"),  # running
        (1, 3, "running"),  # trail
        (1, 1, "running"),  # treadmill
        (4, 1, "running"),  # fitness equipment, treadmill
        (2, 7, "cycling"),  # road cycling
        (0, 6, "cycling"),  # generic, indoor cycling
        (5, 17, "swimming"),  # lap swimming
        (11, 0, "walking"),
        (17, 0, "walking"),  # hiking
        (37, 0, "other"),  # stand-up paddleboarding
        (3, 0, "other"),  # a multisport transition
        (None, None, "other"),
    ],
)
def test_fit_sports_map_to_the_sports_kniewijs_knows(sport, sub_sport, expected):
    assert map_sport(sport, sub_sport) == expected


def test_the_sub_sport_stays_as_its_fit_name():
    assert read_one(simple_activity(sport=1, sub_sport=3)).sub_sport == "trail"
    assert read_one(simple_activity(sport=2, sub_sport=58)).sub_sport == "virtual_activity"


def test_a_multisport_file_gives_one_activity_per_session_with_its_own_records():
    writer = file_id(FitWriter())
    writer.define(1, RECORD, RECORD_FIELDS)
    for i in range(-5, 30):  # five records before the first session start belong to no session
        writer.message(1, T0 + i, 100 + i, 80, (i + 5) * 300)
    session(writer, T0 + 20, 9, 1, local=2)  # the run comes second, its session first in the file
    session(writer, T0, 19, 2, local=3)
    activities = read_fit(writer.file())
    assert [a.sport for a in activities] == ["cycling", "running"]
    assert [a.records for a in activities] == [20, 10]
    assert activities[0].track.time[0] - FIT_EPOCH_UNIX == T0
    assert activities[1].track.time[0] - FIT_EPOCH_UNIX == T0 + 20
    np.testing.assert_array_equal(activities[1].track.channels["cadence_spm"], np.full(10, 160.0))
    np.testing.assert_array_equal(activities[0].track.channels["cadence_spm"], np.full(20, 80.0))


def test_chained_fit_files_are_read_as_one_activity_stream():
    first = simple_activity(sport=1)
    writer = file_id(FitWriter())  # the second file defines its own messages from scratch
    writer.define(5, RECORD, RECORD_FIELDS, big_endian=True)
    for i in range(20, 25):
        writer.message(5, T0 + i, 120, 90, i * 300)
    second = session(writer, T0 + 20, 4, 2, local=7).file(header_size=12)
    activities = read_fit(first + second)
    assert [(a.sport, a.records) for a in activities] == [("running", 10), ("cycling", 5)]
    assert activities[1].track.channels["distance_m"][0] == 60.0


def test_zero_padding_after_the_data_is_accepted_but_other_trailing_bytes_are_not():
    assert read_one(simple_activity() + bytes(40)).records == 10
    with pytest.raises(RejectedFile) as info:
        read_fit(simple_activity() + b"garbage")
    assert "onbekende bytes" in info.value.reason.nl


def test_records_out_of_time_order_are_sorted_so_the_track_never_goes_back():
    writer = file_id(FitWriter())
    writer.define(1, RECORD, RECORD_FIELDS)
    for i in (0, 1, 5, 2, 3):
        writer.message(1, T0 + i, 100 + i, 80, i)
    track = read_one(session(writer, T0, 5, 2).file()).track
    assert (np.diff(track.time) >= 0).all()
    assert track.channels["heart_rate"].tolist() == [100.0, 101.0, 102.0, 103.0, 105.0]


def test_records_without_a_session_still_make_an_activity_with_totals_from_the_records():
    writer = file_id(FitWriter())
    writer.define(4, SPORT, [(0, "enum"), (1, "enum")]).message(4, 11, 0)
    writer.define(1, RECORD, RECORD_FIELDS).message(1, T0, 100, 50, 0).message(1, T0 + 60, 101, 52, 10000)
    activity = read_one(writer.file())
    assert activity.sport == "walking" and activity.summary.distance_m == 100.0
    assert activity.duration_s == 60.0 and activity.distance_m == 100.0
    assert activity.summary.elapsed_s == activity.summary.moving_s == 60.0 and activity.partial is None


@pytest.mark.parametrize(
    ("file_type", "word"), [(2, "instellingen"), (5, "trainingsschema"), (9, "weegschaal"), (32, "hele dag")]
)
def test_a_valid_file_without_an_activity_is_skipped_with_a_reason(file_type, word):
    writer = file_id(FitWriter(), file_type=file_type)
    writer.define(1, 3, [(1, "uint8")]).message(1, 7)  # a user profile: nothing for the log
    with pytest.raises(SkippedFile) as info:
        read_fit(writer.file())
    assert word in info.value.reason.nl and info.value.reason.en


def test_records_without_any_time_are_skipped_rather_than_invented():
    writer = file_id(FitWriter())
    writer.define(1, RECORD, [(3, "uint8")]).message(1, 100).message(1, 101)
    with pytest.raises(SkippedFile) as info:
        read_fit(writer.file())
    assert "tijdstip" in info.value.reason.nl


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"", "leeg"),
        (b"<?xml version='1.0'?><gpx></gpx>", "geen FIT-bestand"),
        (simple_activity()[:20], "onvolledig"),
    ],
)
def test_empty_foreign_and_truncated_files_are_rejected_with_a_reason(data, word):
    with pytest.raises(RejectedFile) as info:
        read_fit(data)
    assert word in info.value.reason.nl and info.value.reason.en


def test_a_message_that_uses_an_undefined_local_type_is_rejected_even_with_a_good_checksum():
    writer = file_id(FitWriter())
    writer.body += bytes([0x05, 1, 2, 3])
    with pytest.raises(RejectedFile) as info:
        read_fit(writer.file())
    assert "beschrijving" in info.value.reason.nl


def test_a_file_with_thousands_of_different_definitions_is_rejected_before_it_costs_much():
    writer = file_id(FitWriter())
    for i in range(2100):
        writer.define(1, 1000 + i, [(0, "uint8")]).message(1, 7)
    with pytest.raises(RejectedFile) as info:
        read_fit(writer.file())
    assert "veel berichten" in info.value.reason.nl


def test_the_checksum_is_crc16_arc_compiled_and_in_python():
    assert crc16_arc(b"123456789") == crc16_arc_python(b"123456789") == 0xBB3D
    assert crc16_arc(b"") == 0


def test_every_file_in_the_invalid_folder_is_rejected_or_skipped_with_a_reason():
    folder = shared("fit-invalid")
    # Its developer_data_id lacks the optional application_id, which broke fitdecode once; the activity
    # itself is whole (header, checksum and structure are valid) and the runner should get it.
    readable = {"fitdecode__elemnt-bolt-no-application-id-inside-developer-data-id.fit": (132, None)}
    # Cut off or with a wrong checksum, the rest are read up to their last whole record, with a note on
    # what the runner lost (test_fit_recovery has the detail).
    readable |= {
        "fitdecode__activity-activity-filecrc.fit": (28, "controlesom"),
        "fitdecode__activity-filecrc.fit": (14, "controlesom"),
        "fitdecode__activity-settings-nodata.fit": (14, "houdt daar op"),
        "fitdecode__activity-unexpected-eof.fit": (14, "houdt daar op"),
    }
    files = sorted(folder.iterdir())
    assert files
    for path in files:
        if path.name in readable:
            activities = read_fit(path.read_bytes())
            records, note = readable[path.name]
            assert sum(a.records for a in activities) == records
            notes = [a.partial.nl for a in activities if a.partial is not None]
            assert (note is None and not notes) or (note is not None and notes and note in notes[-1])
            continue
        with pytest.raises(FileProblem) as info:
            read_fit(path.read_bytes())
        assert info.value.reason.nl and info.value.reason.en and info.value.reason.nl != info.value.reason.en


def test_truncating_a_real_file_at_every_64th_of_its_length_keeps_a_prefix_of_its_records_or_rejects_it():
    data = (shared("fit") / "fitdecode__activity-small-fenix2-run.fit").read_bytes()
    whole = read_one(data)
    for i in range(64):
        try:
            cut = read_fit(data[: len(data) * i // 64])
        except RejectedFile as problem:
            # Under 12 bytes there is no header to recognise; after it, too little to hold a sample.
            assert any(word in problem.reason.nl for word in ("leeg", "geen FIT", "onvolledig"))
            continue
        (activity,) = cut
        assert activity.partial is not None and "houdt daar op" in activity.partial.nl
        np.testing.assert_array_equal(activity.track.time, whole.track.time[: activity.records])


def assert_only_file_problems(data: bytes) -> None:
    try:
        activities = read_fit(data)
    except FileProblem as problem:
        assert problem.reason.nl and problem.reason.en
        return
    for activity in activities:
        time = activity.track.time
        assert time.dtype == np.float64 and not np.isnan(time).any() and (np.diff(time) >= 0).all()
        assert all(len(values) == len(time) for values in activity.track.channels.values())
        assert activity.start.tzinfo is not None


FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=600))
def test_random_bytes_never_raise_anything_but_a_file_problem(data):
    assert_only_file_problems(data)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_behind_a_valid_header_and_checksum_never_raise_anything_else(payload):
    content = struct.pack("<BBHI4s", 12, 0x20, 2132, len(payload), b".FIT") + payload
    assert_only_file_problems(content + struct.pack("<H", crc16_arc_python(content)))


@FUZZ
@given(st.lists(st.integers(min_value=0), min_size=1, max_size=6), st.booleans())
def test_bit_flips_in_a_file_never_raise_anything_else(positions, fix_checksum):
    original = running_dynamics_activity() + simple_activity(big_endian=True)
    data = bytearray(original)
    for position in positions:
        bit = position % (len(data) * 8)
        data[bit // 8] ^= 1 << (bit % 8)
    if fix_checksum:  # recompute the checksums so the damage reaches the message reader
        first = original[0] + int.from_bytes(original[4:8], "little") + 2
        data = bytearray(with_crc(bytes(data[:first])) + with_crc(bytes(data[first:])))
    assert_only_file_problems(bytes(data))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_bit_flips_in_a_real_file_never_raise_anything_else(data):
    original = (shared("fit") / "fitdecode__garmin-fenix-5-run.fit").read_bytes()
    flipped = bytearray(original)
    for position in data.draw(st.lists(st.integers(0, len(original) * 8 - 1), min_size=1, max_size=4)):
        flipped[position // 8] ^= 1 << (position % 8)
    assert_only_file_problems(bytes(flipped))
    assert_only_file_problems(with_crc(bytes(flipped)))
