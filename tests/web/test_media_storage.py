"""The media store is any Django storage backend: with one that has no local files at all (Django's in-memory
storage, standing in for an object store such as S3), an upload is staged, imported and kept, the export is
built and downloaded, and erasure empties the store; nothing is written under MEDIA_ROOT but the lock folder.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import InMemoryStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kniewijs.privacy.models import DataExport
from kniewijs.training.models import Activity, ImportedFile, ImportJob

from ..conftest import shared_file
from .test_settings import load_settings

pytestmark = pytest.mark.django_db

RUN = ("gpx", "goldencheetah__Move_2014_01_16_19_48_44.gpx")


@pytest.fixture
def object_store(settings, tmp_path):
    settings.STORAGES = settings.STORAGES | {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage", "OPTIONS": {}}
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KNIEWIJS_JOBS_INLINE = True
    return settings.MEDIA_ROOT


def everything_in(folder: str = "") -> list[str]:
    subfolders, files = default_storage.listdir(folder)
    found = [f"{folder}/{f}".lstrip("/") for f in files]
    for sub in subfolders:
        found += everything_in(f"{folder}/{sub}".lstrip("/"))
    return found


def files_on_disk(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_the_configured_backend_is_the_one_the_file_fields_use(object_store):
    assert isinstance(default_storage, InMemoryStorage)
    assert isinstance(ImportedFile._meta.get_field("stored").storage, InMemoryStorage)
    assert isinstance(DataExport._meta.get_field("archive").storage, InMemoryStorage)


def test_an_upload_is_imported_and_kept_in_the_store_without_touching_the_disk(
    object_store, runner_client, runner, monkeypatch
):
    from kniewijs.training import jobs

    staged: list[list[str]] = []
    import_bytes = jobs.import_bytes

    def seeing_the_store(*args, **kwargs):
        staged.append(everything_in("incoming"))  # what a worker on another machine would find
        return import_bytes(*args, **kwargs)

    monkeypatch.setattr(jobs, "import_bytes", seeing_the_store)
    path = shared_file(*RUN)
    response = runner_client.post(
        reverse("training:upload"), {"files": [SimpleUploadedFile(path.name, path.read_bytes())]}
    )
    assert response.status_code == 302
    job = ImportJob.objects.get(user=runner)
    assert len(staged) == 1 and len(staged[0]) == 1 and staged[0][0].startswith(f"incoming/{job.pk}/")
    assert job.status == ImportJob.Status.DONE, job.results
    assert Activity.objects.filter(user=runner).count() == 1
    (original,) = ImportedFile.objects.filter(user=runner)
    assert everything_in() == [original.stored.name]  # the staged upload is gone again
    with default_storage.open(original.stored.name, "rb") as kept:
        assert kept.read() == path.read_bytes()
    assert files_on_disk(object_store) == []


def test_the_export_is_built_into_the_store_and_downloads_from_it(object_store, runner_client, runner):
    path = shared_file(*RUN)
    runner_client.post(
        reverse("training:upload"), {"files": [SimpleUploadedFile(path.name, path.read_bytes())]}
    )
    runner_client.post(reverse("privacy:export"))
    export = DataExport.objects.get(user=runner)
    assert export.status == DataExport.Status.READY
    assert export.archive.name in everything_in()
    response = runner_client.get(reverse("privacy:export_download", args=[export.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    originals = [n for n in archive.namelist() if n.startswith("originals/")]
    assert len(originals) == 1 and archive.read(originals[0]) == path.read_bytes()
    assert files_on_disk(object_store) == []


def test_erasure_empties_the_store_of_the_runners_files(
    object_store, runner_client, runner, second_runner, django_capture_on_commit_callbacks
):
    from kniewijs.privacy.erasure import erase_account
    from kniewijs.training.importing import import_bytes

    path = shared_file(*RUN)
    runner_client.post(
        reverse("training:upload"), {"files": [SimpleUploadedFile(path.name, path.read_bytes())]}
    )
    runner_client.post(reverse("privacy:export"))
    default_storage.save(f"originals/{runner.pk}/verdwaald.gpx", io.BytesIO(b"no row names me"))
    [kept] = list(import_bytes(second_runner, path.name, path.read_bytes()))
    assert kept.status == "imported"
    theirs = ImportedFile.objects.get(user=second_runner).stored.name
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(runner)
    assert everything_in() == [theirs]


def test_the_storage_backend_and_its_options_come_from_the_environment(tmp_path):
    assert (
        load_settings(
            KNIEWIJS_DATA_DIR=str(tmp_path),
            KNIEWIJS_MEDIA_STORAGE="django.core.files.storage.InMemoryStorage",
            KNIEWIJS_MEDIA_STORAGE_OPTIONS='{"base_url": "/media/"}',
        )[0]
        == 0
    )
    code, err = load_settings(KNIEWIJS_DATA_DIR=str(tmp_path), KNIEWIJS_MEDIA_STORAGE_OPTIONS="[1, 2]")
    assert code != 0 and "JSON object" in err
    code, err = load_settings(KNIEWIJS_DATA_DIR=str(tmp_path), KNIEWIJS_MEDIA_STORAGE_OPTIONS="{bucket")
    assert code != 0 and "not valid JSON" in err
