"""The import service: each file once, each run once, nothing half stored, bad files named and passed by."""

import io
import zipfile
from datetime import UTC, datetime

import numpy as np
import pytest

from kniewijs.core.activity import ActivityData, Summary, Track
from kniewijs.training import bulk, importing
from kniewijs.training.importing import import_bytes, import_paths
from kniewijs.training.models import Activity, ImportedFile

from ..conftest import shared_file

pytestmark = pytest.mark.django_db

RUN_FIT = ("fit", "fitdecode__garmin-fenix-5-run.fit")


def results(user, name, data):
    return list(import_bytes(user, name, data))


def gpx_of(activity: Activity) -> bytes:
    """The same run written as a GPX, the way a second app would export it."""
    from kniewijs.training.tracks import unpack

    track = unpack(activity.track)
    points = []
    lat, lon = track.get("lat"), track.get("lon")
    for i, t in enumerate(track.time):
        when = datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if lat is not None and np.isfinite(lat[i]):
            points.append(f'<trkpt lat="{lat[i]:.7f}" lon="{lon[i]:.7f}"><time>{when}</time></trkpt>')
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><type>running</type><trkseg>{''.join(points)}</trkseg></trk></gpx>"
    ).encode()


def test_a_fit_run_is_imported_with_its_totals_and_original_file(runner, media_root):
    data = shared_file(*RUN_FIT).read_bytes()
    [result] = results(runner, "run.fit", data)
    assert result.status == "imported" and result.reason is None
    [activity] = result.activities
    assert (
        activity.sport == "running" and activity.records == 21 and activity.distance_m > 100
    )  # fitdecode counts 21
    stored = ImportedFile.objects.get(user=runner)
    assert stored.stored.name.startswith(f"originals/{runner.pk}/") and "run" not in stored.stored.name
    assert (media_root / stored.stored.name).read_bytes() == data
    assert len(stored.sha256) == 64


def test_importing_the_same_file_again_is_a_duplicate_and_changes_nothing(runner, media_root):
    data = shared_file(*RUN_FIT).read_bytes()
    results(runner, "run.fit", data)
    [again] = results(runner, "copy.fit", data)
    assert again.status == "duplicate" and again.reason.nl
    assert Activity.objects.count() == 1 and ImportedFile.objects.count() == 1


def test_the_same_run_from_a_second_source_is_stored_once(runner, media_root):
    [first] = results(runner, "run.fit", shared_file(*RUN_FIT).read_bytes())
    [second] = results(runner, "run.gpx", gpx_of(first.activities[0]))
    assert second.status == "duplicate"
    assert Activity.objects.filter(user=runner).count() == 1


def test_another_runner_importing_the_same_file_gets_their_own_copy(runner, second_runner, media_root):
    data = shared_file(*RUN_FIT).read_bytes()
    results(runner, "run.fit", data)
    assert results(second_runner, "run.fit", data)[0].status == "imported"


def test_a_broken_file_is_rejected_in_dutch_and_the_rest_of_the_import_goes_on(runner, media_root, tmp_path):
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "a-broken.fit").write_bytes(shared_file(*RUN_FIT).read_bytes()[:500])
    (folder / "b-good.fit").write_bytes(shared_file(*RUN_FIT).read_bytes())
    (folder / "c-empty.gpx").write_bytes(b"")
    out = list(import_paths(runner, [folder]))
    statuses = {r.file.rsplit("/", 1)[-1]: r.status for r in out}
    assert statuses == {"a-broken.fit": "rejected", "b-good.fit": "imported", "c-empty.gpx": "rejected"}
    assert all(r.reason.nl and r.reason.en for r in out if r.status == "rejected")


def test_a_zip_is_read_member_by_member_and_a_traversal_member_is_refused(runner, media_root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("activities/run.fit", shared_file(*RUN_FIT).read_bytes())
        archive.writestr("../../etc/evil.fit", b"x")
    out = results(runner, "export.zip", buffer.getvalue())
    by_name = {r.file: r.status for r in out}
    assert by_name["export.zip!activities/run.fit"] == "imported"
    assert "rejected" in {s for n, s in by_name.items() if "evil" in n}


def test_an_error_in_the_middle_of_storing_leaves_nothing_and_the_retry_succeeds(
    runner, media_root, monkeypatch
):
    data = shared_file(*RUN_FIT).read_bytes()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bulk, "insert_activities", explode)
    [failed] = results(runner, "run.fit", data)
    assert failed.status == "rejected" and "niets" in failed.reason.nl
    assert not Activity.objects.exists() and not ImportedFile.objects.exists()
    assert not any((media_root / "originals").rglob("*.*")) if (media_root / "originals").exists() else True
    monkeypatch.undo()
    assert results(runner, "run.fit", data)[0].status == "imported"


def test_non_running_sports_are_kept_as_cross_training(runner, media_root):
    ride = ActivityData(
        sport="cycling",
        start=datetime(2027, 5, 1, 8, tzinfo=UTC),
        summary=Summary(distance_m=30000, duration_s=3600),
        track=Track(time=np.array([0.0])),
        source_format="gpx",
    )
    result = importing.store_file(runner, "ride.gpx", b"ride", [ride])
    assert result.status == "imported" and result.activities[0].sport == "cycling"
    assert result.activities[0].shoe is None


@pytest.mark.parametrize(
    ("utc", "local_day"),
    [
        ("2027-03-27T23:30:00", "2027-03-28"),
        ("2027-03-28T22:30:00", "2027-03-29"),
        ("2027-10-30T22:30:00", "2027-10-31"),
        ("2027-10-31T23:30:00", "2027-11-01"),
    ],
)
def test_the_local_day_follows_the_runners_time_zone_across_dst(runner, media_root, utc, local_day):
    start = datetime.fromisoformat(utc).replace(tzinfo=UTC)
    run = ActivityData(
        sport="running",
        start=start,
        summary=Summary(distance_m=5000, duration_s=1800),
        track=Track(time=np.array([start.timestamp()])),
        source_format="csv",
    )
    activity = importing.store_file(runner, utc, utc.encode(), [run]).activities[0]
    assert activity.local_date.isoformat() == local_day


def test_an_unknown_runner_is_created_without_a_usable_password(db):
    user = importing.runner_for_email("Nieuw@Example.NL")
    assert user.username == "nieuw@example.nl" and not user.has_usable_password()
    assert importing.runner_for_email("nieuw@example.nl").pk == user.pk


def test_a_strava_export_gives_each_file_its_sport_and_name_from_activities_csv(runner, media_root):
    import gzip

    gpx = (
        b'<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
        b'<trkpt lat="52.0" lon="5.0"><time>2024-03-15T07:00:00Z</time></trkpt>'
        b'<trkpt lat="52.1" lon="5.0"><time>2024-03-15T07:40:00Z</time></trkpt></trkseg></trk></gpx>'
    )
    index = (
        b"Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Filename\n"
        b'2,"Mar 15, 2024, 7:00:00 AM",Rondje Utrecht,Ride,2400,activities/2.gpx.gz\n'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("activities.csv", index)
        archive.writestr("activities/", b"")
        archive.writestr("activities/2.gpx.gz", gzip.compress(gpx))
    out = results(runner, "strava.zip", buffer.getvalue())
    assert not any(r.file.endswith("/") for r in out)  # a folder is not a file met
    [ride] = [r for r in out if r.status == "imported"]
    assert ride.activities[0].sport == "cycling" and ride.activities[0].name == "Rondje Utrecht"


def test_a_csv_log_keeps_the_effort_and_the_named_shoe(runner, media_root):
    from kniewijs.training.models import Shoe

    pegasus = Shoe.objects.create(user=runner, name="Pegasus 40")
    csv = b"date;sport;distance_km;duration;rpe;shoe;notes\n2024-03-15 07:30;hardlopen;10,5;0:55:30;6;pegasus 40;rustig\n"
    [result] = results(runner, "log.csv", csv)
    [run] = result.activities
    assert run.rpe == 6 and run.shoe == pegasus and run.name == "rustig" and run.distance_m == 10500


def every_sample_file():
    from ..conftest import SHARED_DATA

    if not SHARED_DATA.exists():
        return []
    return sorted(
        p for p in SHARED_DATA.rglob("*") if p.is_file() and p.suffix.lower() in (".fit", ".gpx", ".tcx")
    )


@pytest.mark.parametrize("path", every_sample_file(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_file_goes_through_the_import_as_its_reader_says(runner, media_root, path):
    """The import stores exactly what the reader gives: the same activities and record counts, or the
    reader's own reason for skipping or rejecting the file."""
    from kniewijs.formats.detect import read_activity_file
    from kniewijs.formats.errors import FileProblem

    data = path.read_bytes()
    try:
        expected = read_activity_file(path.name, data)
    except FileProblem as problem:
        [result] = results(runner, path.name, data)
        assert result.status == problem.status and result.reason == problem.reason
        assert not Activity.objects.exists()
        return
    [result] = results(runner, path.name, data)
    assert result.status == "imported"
    stored = sorted(a.records for a in Activity.objects.filter(user=runner))
    assert stored == sorted(a.records for a in expected)
    assert all(a.local_date for a in Activity.objects.filter(user=runner))


def test_tracks_are_compressed_before_the_write_transaction_opens(runner, media_root, monkeypatch):
    """On SQLite the transaction holds the only write lock; compressing a long track inside it made sign-ins,
    bookings and the access log wait behind every large import (docs/benchmarks.md, load test)."""
    from django.db import connection

    from kniewijs.training import tracks

    depths = []
    pack = tracks.pack

    def recording_pack(track):
        depths.append(len(connection.savepoint_ids) + connection.in_atomic_block)
        return pack(track)

    monkeypatch.setattr(tracks, "pack", recording_pack)
    path = shared_file("gpx", "goldencheetah__Move_2014_01_16_19_48_44.gpx")
    outside = len(connection.savepoint_ids) + connection.in_atomic_block  # the test's own transaction
    [result] = results(runner, path.name, path.read_bytes())
    assert result.status == "imported"
    assert depths == [outside]
