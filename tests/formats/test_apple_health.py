"""The Apple Health export reader: workouts, units, sleep nights, resting heart rate, hostile and cut-off
files, and memory that stays bounded on a large export. Every export is made here, by hand."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from datetime import UTC, date, datetime

import pytest

from kniewijs.formats.apple_health import HealthSummary, HealthWorkout, is_health_export, read_health_export
from kniewijs.formats.errors import RejectedFile

# Apple writes a DTD of ELEMENT and ATTLIST declarations at the top of every export.
DTD = """<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED value CDATA #IMPLIED>
]>
"""


def xml(*body: str, dtd: str = DTD) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + dtd
        + '<HealthData locale="nl_NL">\n <ExportDate value="2026-03-20 10:00:00 +0100"/>\n'
        + "\n".join(body)
        + "\n</HealthData>\n"
    ).encode()


def record(kind: str, start: str, end: str, value: str, unit: str = "") -> str:
    unit_attr = f' unit="{unit}"' if unit else ""
    return (
        f' <Record type="{kind}" sourceName="Telefoon"{unit_attr} creationDate="{end}" '
        f'startDate="{start}" endDate="{end}" value="{value}"/>'
    )


def workout(
    kind: str = "Running", start: str = "2026-03-02 07:00:00 +0100", inner: str = "", **attrs: str
) -> str:
    extra = "".join(f' {key}="{value}"' for key, value in attrs.items())
    return (
        f' <Workout workoutActivityType="HKWorkoutActivityType{kind}" duration="30" durationUnit="min" '
        f'sourceName="Horloge" startDate="{start}" endDate="2026-03-02 07:32:00 +0100"{extra}>{inner}</Workout>'
    )


def sleep(start: str, end: str, stage: str = "AsleepCore", source: str = "Horloge") -> str:
    return (
        f' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="{source}" '
        f'startDate="{start}" endDate="{end}" value="HKCategoryValueSleepAnalysis{stage}"/>'
    )


def route_gpx(points: int = 60) -> bytes:
    rows = "".join(
        f'<trkpt lat="{52 + i * 0.0001:.6f}" lon="5.1"><time>2026-03-02T06:{i // 60:02d}:{i % 60:02d}Z</time></trkpt>'
        for i in range(points)
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="Apple Health Export" '
        f'xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>{rows}</trkseg></trk></gpx>'
    ).encode()


def export_zip(body: bytes, routes: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/export.xml", body)
        for name, data in (routes or {}).items():
            archive.writestr(f"apple_health_export/workout-routes/{name}", data)
    return out.getvalue()


def read(data: bytes) -> tuple[list[HealthWorkout], HealthSummary]:
    items = list(read_health_export("export.zip", data))
    summary = items[-1]
    assert isinstance(summary, HealthSummary)
    return [item for item in items if isinstance(item, HealthWorkout)], summary


def test_an_export_zip_and_a_bare_export_xml_are_recognised_and_other_files_are_not():
    assert is_health_export(export_zip(xml()))
    assert is_health_export(xml())
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("run.gpx", route_gpx())
    assert not is_health_export(other.getvalue())
    assert not is_health_export(route_gpx())


def test_a_run_walk_ride_and_swim_become_their_sports_with_other_for_the_rest():
    body = xml(workout("Running"), workout("Walking"), workout("Cycling"), workout("Swimming"))
    workouts, _ = read(export_zip(body))
    assert [w.activity.sport for w in workouts] == ["running", "walking", "cycling", "other"]
    assert workouts[3].activity.sub_sport == "Swimming"
    run = workouts[0].activity
    assert run.start == datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    assert run.summary.duration_s == 1800
    assert run.summary.elapsed_s == 32 * 60
    assert run.source_format == "apple_health"


@pytest.mark.parametrize(
    ("value", "unit", "metres"), [("5.2", "km", 5200.0), ("3.1", "mi", 3.1 * 1609.344), ("800", "m", 800.0)]
)
def test_a_distance_in_km_miles_or_metres_is_read_as_metres(value, unit, metres):
    workouts, _ = read(export_zip(xml(workout(totalDistance=value, totalDistanceUnit=unit))))
    assert workouts[0].activity.distance_m == pytest.approx(metres)


def test_statistics_of_newer_exports_give_distance_energy_and_heart_rate():
    inner = (
        '<WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" sum="6.4" unit="km"/>'
        '<WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" sum="1674" unit="kJ"/>'
        '<WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" average="148.5" maximum="171" unit="count/min"/>'
    )
    run = read(export_zip(xml(workout(inner=inner))))[0][0].activity
    assert run.distance_m == pytest.approx(6400)
    assert run.summary.calories == pytest.approx(400, abs=0.1)
    assert run.summary.avg_heart_rate == 148.5
    assert run.summary.max_heart_rate == 171


def test_older_attributes_give_energy_in_kcal_and_a_workout_without_heart_rate_has_none():
    run = read(export_zip(xml(workout(totalEnergyBurned="312", totalEnergyBurnedUnit="kcal"))))[0][0].activity
    assert run.summary.calories == 312
    assert run.summary.avg_heart_rate is None


def test_a_workout_route_in_the_zip_becomes_its_track_and_a_missing_one_is_named():
    inner = '<WorkoutRoute><FileReference path="/workout-routes/route_2026-03-02_7.00am.gpx"/></WorkoutRoute>'
    missing = '<WorkoutRoute><FileReference path="/workout-routes/gone.gpx"/></WorkoutRoute>'
    body = xml(workout(inner=inner), workout(start="2026-03-03 07:00:00 +0100", inner=missing))
    workouts, _ = read(export_zip(body, {"route_2026-03-02_7.00am.gpx": route_gpx()}))
    with_route, without = workouts
    assert len(with_route.activity.track) == 60
    assert with_route.name.endswith("!apple_health_export/workout-routes/route_2026-03-02_7.00am.gpx")
    assert with_route.data == route_gpx()
    assert with_route.activity.distance_m == pytest.approx(59 * 11.1, rel=0.02)  # from the route: none given
    assert len(without.activity.track) == 0 and without.note is not None


def test_resting_heart_rate_is_the_mean_of_the_days_samples_on_the_phones_local_date():
    body = xml(
        record(
            "HKQuantityTypeIdentifierRestingHeartRate",
            "2026-03-02 00:10:00 +0100",
            "2026-03-02 23:50:00 +0100",
            "50",
            "count/min",
        ),
        record(
            "HKQuantityTypeIdentifierRestingHeartRate",
            "2026-03-02 08:00:00 +0100",
            "2026-03-02 09:00:00 +0100",
            "54",
            "count/min",
        ),
        record(
            "HKQuantityTypeIdentifierHeartRate",
            "2026-03-02 08:00:00 +0100",
            "2026-03-02 08:00:00 +0100",
            "120",
            "count/min",
        ),
    )
    _, summary = read(export_zip(body))
    assert [(d.date, d.resting_heart_rate) for d in summary.days] == [(date(2026, 3, 2), 52.0)]


def test_a_night_across_midnight_counts_for_the_morning_it_ends_in():
    body = xml(
        sleep("2026-03-01 23:00:00 +0100", "2026-03-02 01:00:00 +0100"),
        sleep("2026-03-02 01:00:00 +0100", "2026-03-02 06:30:00 +0100", "AsleepDeep"),
    )
    _, summary = read(export_zip(body))
    assert [(d.date, d.sleep_hours) for d in summary.days] == [(date(2026, 3, 2), 7.5)]


def test_in_bed_and_awake_are_not_sleep():
    body = xml(
        sleep("2026-03-01 22:30:00 +0100", "2026-03-02 07:00:00 +0100", "InBed"),
        sleep("2026-03-02 03:00:00 +0100", "2026-03-02 03:30:00 +0100", "Awake"),
        sleep("2026-03-01 23:00:00 +0100", "2026-03-02 06:00:00 +0100", "AsleepUnspecified"),
    )
    _, summary = read(export_zip(body))
    assert summary.days[0].sleep_hours == 7.0


def test_a_phone_and_a_watch_recording_the_same_night_are_not_counted_twice():
    body = xml(
        sleep("2026-03-01 23:00:00 +0100", "2026-03-02 06:00:00 +0100", "Asleep", "Telefoon"),
        sleep("2026-03-01 23:30:00 +0100", "2026-03-02 03:00:00 +0100", "AsleepCore"),
        sleep("2026-03-02 03:00:00 +0100", "2026-03-02 06:30:00 +0100", "AsleepREM"),
    )
    _, summary = read(export_zip(body))
    assert summary.days[0].sleep_hours == 7.5


def test_an_afternoon_nap_belongs_to_the_next_night_and_two_nights_stay_apart():
    body = xml(
        sleep("2026-03-02 23:00:00 +0100", "2026-03-03 06:00:00 +0100"),
        sleep("2026-03-03 14:00:00 +0100", "2026-03-03 14:30:00 +0100"),
        sleep("2026-03-03 23:00:00 +0100", "2026-03-04 05:00:00 +0100"),
    )
    _, summary = read(export_zip(body))
    assert [(d.date, d.sleep_hours) for d in summary.days] == [
        (date(2026, 3, 3), 7.0),
        (date(2026, 3, 4), 6.5),
    ]


def test_heart_rate_variability_is_read_past_because_the_daily_log_has_no_place_for_it():
    body = xml(
        record(
            "HKQuantityTypeIdentifierHeartRateVariabilitySDNN",
            "2026-03-02 07:00:00 +0100",
            "2026-03-02 07:01:00 +0100",
            "48",
            "ms",
        )
    )
    _, summary = read(export_zip(body))
    assert summary.days == []


BILLION_LAUGHS = """<!DOCTYPE HealthData [
<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
"""
EXTERNAL = """<!DOCTYPE HealthData [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
"""


@pytest.mark.parametrize("dtd", [BILLION_LAUGHS, EXTERNAL], ids=["billion laughs", "external entity"])
def test_entities_and_external_references_are_refused_in_dutch(dtd):
    body = xml('<Record type="x" value="&c;"/>' if "ENTITY a" in dtd else "", dtd=dtd)
    with pytest.raises(RejectedFile) as refused:
        read(export_zip(body))
    assert "entiteiten" in refused.value.reason.nl


def test_an_xml_that_is_no_health_export_or_is_damaged_from_the_start_is_refused():
    with pytest.raises(RejectedFile) as other:
        read(export_zip(b'<?xml version="1.0"?><gpx></gpx>'))
    assert "Apple Gezondheid" in other.value.reason.nl
    with pytest.raises(RejectedFile) as broken:
        read(export_zip(b"\x00\x01 not xml at all"))
    assert "beschadigd" in broken.value.reason.nl


def test_a_cut_off_export_keeps_what_was_whole_and_says_it_is_partial():
    whole = xml(
        workout(),
        sleep("2026-03-01 23:00:00 +0100", "2026-03-02 06:00:00 +0100"),
        workout(start="2026-03-04 07:00:00 +0100"),
    )
    cut = whole[: whole.rindex(b"<Workout") + 40]  # in the middle of the second workout
    for data in (export_zip(cut), cut):
        workouts, summary = read(data)
        assert len(workouts) == 1
        assert summary.days[0].sleep_hours == 7.0
        assert summary.partial is not None and "houdt midden in de gegevens op" in summary.partial.nl


def test_a_zip_without_export_xml_is_no_health_export():
    with pytest.raises(RejectedFile):
        read(export_zip_without_xml())


def export_zip_without_xml() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", b"hello")
    return out.getvalue()


def large_export(records: int) -> bytes:
    """An export of `records` heart-rate samples, each its own time and value as a watch writes them, and a
    workout every thousand, written in a stream."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("apple_health_export/export.xml", "w", force_zip64=True) as member,
    ):
        member.write(xml()[: -len(b"</HealthData>\n")])
        for block in range(records // 1000):
            lines = []
            for i in range(1000):
                n = block * 1000 + i
                when = f"2026-03-{1 + n // 86400 % 28:02d} {n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d} +0100"
                lines.append(
                    record(
                        "HKQuantityTypeIdentifierHeartRate",
                        when,
                        when,
                        str(60 + n * 7919 % 97),
                        "count/min",
                    )
                )
            lines.append(workout())
            member.write(("\n".join(lines) + "\n").encode())
        member.write(b"</HealthData>\n")
    return out.getvalue()


def test_memory_stays_far_below_the_size_of_a_large_export():
    data = large_export(160_000)  # about 40 MB of export.xml
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = archive.getinfo("apple_health_export/export.xml").file_size
    assert unpacked > 30 * 1024**2
    tracemalloc.start()
    try:
        count = sum(1 for item in read_health_export("export.zip", data) if isinstance(item, HealthWorkout))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 160
    assert peak < unpacked / 4, f"peak {peak / 1024**2:.1f} MB for {unpacked / 1024**2:.1f} MB"
