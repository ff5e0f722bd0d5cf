"""How an import writes its originals (training.originals) and inserts its activity rows (training.bulk):
the quick paths give the same files and the same rows as Django's own `Storage.save` and `bulk_create`."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.storage import InMemoryStorage
from django.db import transaction

from kniewijs.training import bulk, originals
from kniewijs.training.importing import import_bytes
from kniewijs.training.models import Activity, ImportedFile

from .helpers import gpx_run

pytestmark = pytest.mark.django_db

START = datetime(2026, 5, 4, 7, tzinfo=UTC)


def _source(runner, sha: str = "a" * 64) -> ImportedFile:
    return ImportedFile(user=runner, sha256=sha, original_name="run.fit", size=3, stored_size=3)


def test_an_original_is_written_on_disk_under_a_new_name_with_its_bytes(runner, media_root):
    written: list[str] = []
    name = originals.write_new(_source(runner), "run.FIT", b"FIT-bytes", written)
    assert written == [name] and name.startswith(f"originals/{runner.pk}/") and name.endswith(".fit")
    assert (media_root / name).read_bytes() == b"FIT-bytes"


def test_a_name_already_taken_is_never_overwritten(runner, media_root, monkeypatch):
    taken = f"originals/{runner.pk}/taken.fit"
    (media_root / taken).parent.mkdir(parents=True)
    (media_root / taken).write_bytes(b"someone else's")
    names = iter([taken, f"originals/{runner.pk}/free.fit"])
    monkeypatch.setattr(originals, "original_file_path", lambda instance, filename: next(names))
    written: list[str] = []
    assert (
        originals.write_new(_source(runner), "run.fit", b"mine", written) == f"originals/{runner.pk}/free.fit"
    )
    assert (media_root / taken).read_bytes() == b"someone else's" and written == [
        f"originals/{runner.pk}/free.fit"
    ]


def test_the_configured_file_and_folder_modes_are_kept(runner, media_root, settings):
    settings.FILE_UPLOAD_PERMISSIONS = 0o640
    settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
    name = originals.write_new(_source(runner), "run.gpx", b"<gpx/>", [])
    assert os.stat(media_root / name).st_mode & 0o777 == 0o640
    assert os.stat((media_root / name).parent).st_mode & 0o777 == 0o750


def test_another_storage_is_written_through_django_storage_save(runner, monkeypatch):
    storage = InMemoryStorage()
    field = ImportedFile._meta.get_field("stored")
    monkeypatch.setattr(field, "storage", storage)
    written: list[str] = []
    name = originals.write_new(_source(runner), "run.tcx", b"<tcx/>", written)
    assert written == [name] and storage.open(name).read() == b"<tcx/>"


def test_inserted_rows_get_the_ids_of_their_own_rows_in_order(runner):
    with transaction.atomic():
        source = _source(runner)
        source.save()
        rows = [
            Activity(
                user=runner,
                source=source,
                start=START + timedelta(days=i),
                local_date=START.date(),
                distance_m=1000.0 * (i + 1),
                name=f"rit {i}",
            )
            for i in range(30)
        ]
        bulk.insert_activities(rows)
    stored = {a.pk: a for a in Activity.objects.filter(user=runner)}
    assert len(stored) == 30
    for row in rows:
        again = stored[row.pk]
        assert (again.name, again.distance_m, again.start, again.source_id) == (
            row.name,
            row.distance_m,
            row.start,
            source.pk,
        )
        assert again.created_at is not None and row._state.adding is False


def test_a_row_of_the_same_file_stored_before_keeps_its_id_and_is_not_taken_for_a_new_one(runner):
    source = _source(runner)
    source.save()
    earlier = Activity.objects.create(
        user=runner, source=source, start=START, local_date=START.date(), name="eerder"
    )
    later = Activity(
        user=runner, source=source, start=START + timedelta(hours=3), local_date=START.date(), name="nieuw"
    )
    bulk.insert_activities([later])
    assert later.pk != earlier.pk and Activity.objects.get(pk=later.pk).name == "nieuw"


def test_only_new_rows_of_a_stored_file_are_inserted(runner):
    unsaved_source = Activity(user=runner, source=_source(runner), start=START, local_date=START.date())
    with pytest.raises(ValueError):
        bulk.insert_activities([unsaved_source])
    assert not Activity.objects.exists()


def test_an_import_stores_the_same_rows_as_bulk_create_would(runner, second_runner, media_root, monkeypatch):
    files = [(f"run{day}.gpx", gpx_run(START + timedelta(days=day), km=4 + day)) for day in range(5)]
    for name, data in files:
        assert [r.status for r in import_bytes(runner, name, data)] == ["imported"]

    def with_bulk_create(rows):
        Activity.objects.bulk_create(rows)

    monkeypatch.setattr(bulk, "insert_activities", with_bulk_create)
    for name, data in files:
        assert [r.status for r in import_bytes(second_runner, name, data)] == ["imported"]
    skip = {"id", "user", "source", "created_at"}
    fields = [f.attname for f in Activity._meta.concrete_fields if f.name not in skip]
    mine = list(Activity.objects.filter(user=runner).order_by("start").values_list(*fields))
    theirs = list(Activity.objects.filter(user=second_runner).order_by("start").values_list(*fields))
    assert mine == theirs and len(mine) == 5
