"""An export's files are stored in batches, one transaction each; every file still counts as if it came
alone: a file or a run met earlier in the same batch is a duplicate, a cut-off recording and the whole one
are stored once, and one file whose storing fails costs only that file."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta

import pytest

from kniewijs.training import importing
from kniewijs.training.importing import import_bytes
from kniewijs.training.models import Activity, ImportedFile

from .helpers import gpx_run

pytestmark = pytest.mark.django_db

START = datetime(2026, 4, 1, 7, tzinfo=UTC)


def export(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def statuses(runner, data: bytes) -> dict[str, str]:
    return {result.file.rsplit("!", 1)[-1]: result.status for result in import_bytes(runner, "e.zip", data)}


def batch_sizes(runner, monkeypatch, days: int) -> list[int]:
    """Import an export of one run a day for `days` days; the sizes of the batches it was stored in."""
    batches: list[int] = []
    real = importing.store_batch
    monkeypatch.setattr(
        importing, "store_batch", lambda user, batch: batches.append(len(batch)) or real(user, batch)
    )
    runs = [(f"run{day}.gpx", gpx_run(START + timedelta(days=day))) for day in range(days)]
    assert set(statuses(runner, export(*runs)).values()) == {"imported"}
    return batches


def test_the_files_of_one_export_are_stored_in_one_transaction_each_batch(runner, media_root, monkeypatch):
    batches = batch_sizes(runner, monkeypatch, days=12)
    assert batches == [12]
    assert Activity.objects.filter(user=runner).count() == 12
    assert ImportedFile.objects.filter(user=runner).count() == 12


def test_a_batch_is_cut_at_its_file_limit(runner, media_root, monkeypatch):
    monkeypatch.setattr(importing._Waiting, "FILES", 5)
    batches = batch_sizes(runner, monkeypatch, days=12)
    assert batches == [5, 5, 2]
    assert Activity.objects.filter(user=runner).count() == 12


def test_the_same_file_twice_in_one_export_is_stored_once(runner, media_root):
    run = gpx_run(START)
    found = statuses(
        runner,
        export(("a/run.gpx", run), ("b/run.gpx", run), ("other.gpx", gpx_run(START + timedelta(days=3)))),
    )
    assert found == {"a/run.gpx": "imported", "b/run.gpx": "duplicate", "other.gpx": "imported"}
    assert Activity.objects.filter(user=runner).count() == 2


def test_one_run_in_two_files_of_one_export_is_stored_once(runner, media_root):
    first = gpx_run(START, km=10.0, minutes=60)
    same_run = gpx_run(START + timedelta(seconds=20), km=10.05, minutes=60)  # another device, same run
    found = statuses(runner, export(("watch.gpx", first), ("phone.gpx", same_run)))
    assert found == {"watch.gpx": "imported", "phone.gpx": "duplicate"}
    assert Activity.objects.filter(user=runner).count() == 1


def test_a_cut_off_recording_and_the_whole_one_in_one_export_are_one_run(runner, media_root):
    whole = gpx_run(START, km=10.0, minutes=60)
    cut = whole[: int(len(whole) * 0.65)]  # the watch died: the file stops mid-way
    found = statuses(runner, export(("cut.gpx", cut), ("whole.gpx", whole)))
    assert found == {"cut.gpx": "imported", "whole.gpx": "imported"}
    [activity] = Activity.objects.filter(user=runner)
    assert not activity.is_partial
    assert activity.distance_m == pytest.approx(10_000, rel=0.01)


def test_a_whole_recording_then_its_cut_off_copy_in_one_export_is_one_run(runner, media_root):
    whole = gpx_run(START, km=10.0, minutes=60)
    found = statuses(runner, export(("whole.gpx", whole), ("cut.gpx", whole[: int(len(whole) * 0.65)])))
    assert found == {"whole.gpx": "imported", "cut.gpx": "duplicate"}
    assert Activity.objects.filter(user=runner).count() == 1


def test_a_file_that_fails_to_store_costs_only_that_file(runner, media_root, monkeypatch):
    broken_day = START + timedelta(days=2)
    real = importing._to_model

    def to_model(user, data, *args, **kwargs):
        if data.start == broken_day:
            raise RuntimeError("this file cannot be stored")
        return real(user, data, *args, **kwargs)

    monkeypatch.setattr(importing, "_to_model", to_model)
    runs = [(f"run{day}.gpx", gpx_run(START + timedelta(days=day))) for day in range(5)]
    found = statuses(runner, export(*runs))
    assert found == {
        "run0.gpx": "imported",
        "run1.gpx": "imported",
        "run2.gpx": "rejected",
        "run3.gpx": "imported",
        "run4.gpx": "imported",
    }
    assert Activity.objects.filter(user=runner).count() == 4
    assert ImportedFile.objects.filter(user=runner).count() == 4
    stored = {f.stored.name for f in ImportedFile.objects.filter(user=runner)}
    on_disk = {str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file()}
    assert on_disk == stored  # the failed batch's originals were removed, the retried files' kept


def test_a_failed_batch_reports_the_internal_error_in_dutch(runner, media_root, monkeypatch):
    monkeypatch.setattr(importing, "_to_model", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("x")))
    results = list(
        import_bytes(
            runner, "e.zip", export(("a.gpx", gpx_run(START)), ("b.gpx", gpx_run(START + timedelta(days=1))))
        )
    )
    assert [r.status for r in results] == ["rejected", "rejected"]
    assert all(r.reason == importing.INTERNAL for r in results)
    assert not Activity.objects.filter(user=runner).exists()
