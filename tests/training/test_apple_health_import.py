"""An Apple Health export through the import page and `kniewijs import`: workouts as activities with their
source, daily values that never overwrite what the runner typed, and a second import that adds nothing."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from kniewijs.training.importing import import_bytes
from kniewijs.training.models import Activity, DailyEntry, ImportJob

from ..formats.test_apple_health import export_zip, record, route_gpx, sleep, workout, xml

pytestmark = pytest.mark.django_db

ROUTE = '<WorkoutRoute><FileReference path="/workout-routes/route_2026-03-02_7.00am.gpx"/></WorkoutRoute>'


def an_export() -> bytes:
    body = xml(
        workout(inner=ROUTE, totalDistance="5.0", totalDistanceUnit="km"),
        workout("Cycling", start="2026-03-03 17:00:00 +0100", totalDistance="20", totalDistanceUnit="km"),
        workout("Yoga", start="2026-03-04 19:00:00 +0100"),
        record(
            "HKQuantityTypeIdentifierRestingHeartRate",
            "2026-03-02 00:00:00 +0100",
            "2026-03-02 23:59:00 +0100",
            "51",
            "count/min",
        ),
        record(
            "HKQuantityTypeIdentifierRestingHeartRate",
            "2026-03-03 00:00:00 +0100",
            "2026-03-03 23:59:00 +0100",
            "53",
            "count/min",
        ),
        sleep("2026-03-01 23:00:00 +0100", "2026-03-02 06:00:00 +0100"),
        sleep("2026-03-02 23:30:00 +0100", "2026-03-03 07:00:00 +0100"),
    )
    return export_zip(body, {"route_2026-03-02_7.00am.gpx": route_gpx()})


def imported(user, data: bytes, name: str = "export.zip"):
    return list(import_bytes(user, name, data))


def test_the_workouts_of_an_export_become_activities_marked_as_from_apple_health(runner, media_root):
    results = imported(runner, an_export())
    assert [r.status for r in results] == ["imported", "imported", "imported", "imported"]
    activities = list(Activity.objects.filter(user=runner).order_by("start"))
    assert [a.sport for a in activities] == ["running", "cycling", "other"]
    assert {a.origin for a in activities} == {"apple_health"}
    run = activities[0]
    assert run.distance_m == 5000 and run.duration_s == 1800 and run.records == 60
    assert results[0].file.endswith("workout-routes/route_2026-03-02_7.00am.gpx")


def test_the_resting_heart_rate_and_sleep_fill_the_daily_entries(runner, media_root):
    results = imported(runner, an_export())
    entries = {e.date: e for e in DailyEntry.objects.filter(user=runner)}
    assert entries[date(2026, 3, 2)].resting_heart_rate == 51
    assert entries[date(2026, 3, 2)].sleep_hours == 7.0
    assert entries[date(2026, 3, 3)].sleep_hours == 7.5
    assert "2 dag(en) aangevuld" in results[-1].reason.nl


def test_what_the_runner_typed_is_kept_and_only_the_empty_values_are_filled(runner, media_root):
    DailyEntry.objects.create(user=runner, date=date(2026, 3, 2), resting_heart_rate=58, pain_after=3)
    DailyEntry.objects.create(user=runner, date=date(2026, 3, 3), sleep_hours=6.0)
    imported(runner, an_export())
    typed = DailyEntry.objects.get(user=runner, date=date(2026, 3, 2))
    assert typed.resting_heart_rate == 58 and typed.pain_after == 3
    assert typed.sleep_hours == 7.0  # left empty by the runner
    other = DailyEntry.objects.get(user=runner, date=date(2026, 3, 3))
    assert other.sleep_hours == 6.0 and other.resting_heart_rate == 53


def test_importing_the_same_export_twice_adds_nothing_the_second_time(runner, media_root):
    imported(runner, an_export())
    again = imported(runner, an_export())
    assert [r.status for r in again] == ["duplicate"] * 4
    assert Activity.objects.filter(user=runner).count() == 3
    assert DailyEntry.objects.filter(user=runner).count() == 2


def test_a_later_export_with_the_same_run_does_not_store_it_twice(runner, media_root):
    imported(runner, an_export())
    later = xml(
        workout(
            inner=ROUTE, totalDistance="5.0", totalDistanceUnit="km", creationDate="2026-03-02 07:40:00 +0100"
        ),
        workout(start="2026-03-10 07:00:00 +0100"),
    )
    results = imported(runner, export_zip(later, {"route_2026-03-02_7.00am.gpx": route_gpx()}))
    assert [r.status for r in results][:2] == ["duplicate", "imported"]
    assert Activity.objects.filter(user=runner).count() == 4


def test_a_hostile_export_is_refused_in_dutch_and_stores_nothing(runner, media_root):
    laughs = '<!DOCTYPE HealthData [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>\n'
    results = imported(runner, export_zip(xml('<Record type="x" value="&b;"/>', dtd=laughs)))
    assert [r.status for r in results] == ["rejected"]
    assert "entiteiten" in results[0].reason.nl
    assert not Activity.objects.filter(user=runner).exists()


def test_a_cut_off_export_keeps_the_whole_workouts_and_says_it_is_partial(runner, media_root):
    whole = xml(workout(), workout(start="2026-03-04 07:00:00 +0100"))
    cut = whole[: whole.rindex(b"<Workout") + 30]
    results = imported(runner, export_zip(cut))
    assert Activity.objects.filter(user=runner).count() == 1
    assert results[-1].status == "skipped"
    assert "houdt midden in de gegevens op" in results[-1].reason.nl


def test_the_import_page_takes_an_export_zip(runner_client, runner, media_root):
    upload = SimpleUploadedFile("export.zip", an_export(), content_type="application/zip")
    runner_client.post(reverse("training:upload"), {"files": [upload]})
    job = ImportJob.objects.get(user=runner)
    assert job.status == "done"
    assert Activity.objects.filter(user=runner, origin="apple_health").count() == 3


def test_kniewijs_import_reads_the_export_and_the_report_names_the_source(runner, media_root, tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(an_export())
    out = io.StringIO()
    call_command("import", "--runner", runner.username, str(path), "--json", stdout=out)
    assert [r["status"] for r in json.loads(out.getvalue())] == ["imported"] * 4
    report = io.StringIO()
    call_command("report", "--runner", runner.username, "--json", stdout=report)
    activities = json.loads(report.getvalue())["activities"]
    assert [a["source"] for a in activities] == ["apple_health"] * 3
    assert activities[-1]["sport"] == "running"


def test_activities_from_a_file_keep_file_as_their_source(runner, media_root):
    imported(runner, route_gpx(), name="run.gpx")
    report = io.StringIO()
    call_command("report", "--runner", runner.username, "--json", stdout=report)
    assert [a["source"] for a in json.loads(report.getvalue())["activities"]] == ["file"]


def test_a_workout_whose_route_is_missing_is_imported_without_it_and_says_so(runner, media_root):
    body = xml(workout(inner=ROUTE, totalDistance="5.0", totalDistanceUnit="km"))
    results = imported(runner, export_zip(body))  # the zip lacks the route file
    assert results[0].status == "imported"
    assert "route van deze training ontbreekt" in results[0].reason.nl
    assert Activity.objects.get(user=runner).records == 0
