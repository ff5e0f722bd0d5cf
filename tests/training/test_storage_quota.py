"""What an import keeps: the file as it was uploaded, compressed where it came compressed, counted against
the account's storage quota; an upload that does not fit is refused with nothing kept."""

from __future__ import annotations

import gzip
import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse

from kniewijs.training.importing import import_bytes
from kniewijs.training.models import Activity, ImportedFile, ImportJob
from kniewijs.training.quota import storage_used

from .helpers import run_on

pytestmark = pytest.mark.django_db
MB = 1024**2


def files_in(folder) -> list:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_a_gpx_gz_is_kept_as_the_gz_that_was_uploaded(runner, media_root):
    packed = gzip.compress(run_on(2))
    [result] = import_bytes(runner, "ochtend.gpx.gz", packed)
    assert result.status == "imported" and result.file == "ochtend.gpx"
    kept = ImportedFile.objects.get(user=runner)
    assert (media_root / kept.stored.name).read_bytes() == packed
    assert kept.stored.name.endswith(".gz") and kept.original_name == "ochtend.gpx.gz"
    assert kept.stored_size == len(packed) < kept.size == len(run_on(2))
    assert kept.sha256 == hashlib.sha256(run_on(2)).hexdigest()  # duplicates are still found by content


def test_a_deflated_member_of_an_export_is_kept_compressed_and_unpacks_to_the_member(runner, media_root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities/1.gpx", run_on(2))
        archive.writestr("activities/2.gpx.gz", gzip.compress(run_on(3)))
    results = list(import_bytes(runner, "export.zip", buffer.getvalue()))
    assert [r.status for r in results] == ["imported", "imported"]
    kept = {f.original_name: f for f in ImportedFile.objects.filter(user=runner)}
    assert set(kept) == {"export.zip!activities/1.gpx.gz", "export.zip!activities/2.gpx.gz"}
    for name, day in (("export.zip!activities/1.gpx.gz", 2), ("export.zip!activities/2.gpx.gz", 3)):
        on_disk = (media_root / kept[name].stored.name).read_bytes()
        assert gzip.decompress(on_disk) == run_on(day) and kept[name].stored_size == len(on_disk)
    assert sum(f.stored_size for f in kept.values()) < len(run_on(2)) + len(run_on(3))


def test_the_data_export_still_holds_every_original_as_kept(runner, media_root, tmp_path):
    from kniewijs.privacy.export import write_export

    packed = gzip.compress(run_on(2))
    list(import_bytes(runner, "ochtend.gpx.gz", packed))
    list(import_bytes(runner, "middag.gpx", run_on(3, 12)))
    target = tmp_path / "export.zip"
    with target.open("wb") as out:
        write_export(runner, out)
    with zipfile.ZipFile(target) as export:
        originals = {
            n.split("-", 1)[1]: export.read(n) for n in export.namelist() if n.startswith("originals/")
        }
    assert originals == {"ochtend.gpx.gz": packed, "middag.gpx": run_on(3, 12)}


def test_storage_used_counts_the_originals_as_kept_and_the_uploads_still_waiting(
    runner, second_runner, media_root, settings, monkeypatch
):
    from kniewijs import tasks
    from kniewijs.training.jobs import create_job

    settings.KNIEWIJS_STORAGE_QUOTA_BYTES = 2048 * MB
    packed = gzip.compress(run_on(2))
    list(import_bytes(runner, "ochtend.gpx.gz", packed))
    list(import_bytes(second_runner, "zijne.gpx", run_on(4)))  # someone else's counts for them only
    monkeypatch.setattr(tasks, "dispatch", lambda *args: None)
    create_job(runner, [SimpleUploadedFile("wacht.gpx", run_on(3))])
    assert storage_used(runner) == (len(packed) + len(run_on(3)), 2048 * MB)


def test_the_storage_line_says_in_plain_dutch_how_much_is_used_of_how_much(runner, media_root, settings):
    settings.KNIEWIJS_STORAGE_QUOTA_BYTES = 2048 * MB
    ImportedFile.objects.create(
        user=runner, sha256="a" * 64, original_name="x.fit", stored="x.fit", size=1, stored_size=120 * MB
    )
    html = render_to_string("training/_storage_quota.html", {"user": runner})
    assert "U gebruikt 120 MB van de 2 GB opslag." in html and "bijna vol" not in html
    settings.KNIEWIJS_STORAGE_QUOTA_BYTES = 128 * MB
    html = render_to_string("training/_storage_quota.html", {"user": runner})
    assert "U gebruikt 120 MB van de 128 MB opslag." in html and "Uw opslag is bijna vol" in html


def test_the_upload_page_shows_the_storage_line(runner_client, media_root, settings):
    settings.KNIEWIJS_STORAGE_QUOTA_BYTES = 1536 * MB
    html = runner_client.get(reverse("training:upload")).content.decode()
    assert "U gebruikt 0 MB van de 1,5 GB opslag." in html


def test_the_account_page_shows_the_storage_line_too(runner_client, media_root, settings):
    settings.KNIEWIJS_STORAGE_QUOTA_BYTES = 2048 * MB
    html = runner_client.get(reverse("accounts:account")).content.decode()
    assert "Opslag voor uw bestanden" in html and "U gebruikt 0 MB van de 2 GB opslag." in html


def test_an_upload_that_does_not_fit_is_refused_in_dutch_with_nothing_kept(
    runner_client, runner, media_root, settings
):
    list(import_bytes(runner, "eerste.gpx", run_on(2)))
    settings.KNIEWIJS_STORAGE_QUOTA_BYTES = ImportedFile.objects.get().stored_size + len(run_on(3)) - 1
    before = sorted(files_in(media_root))
    response = runner_client.post(
        reverse("training:upload"), {"files": [SimpleUploadedFile("tweede.gpx", run_on(3))]}
    )
    assert response.status_code == 200
    assert (
        "Deze upload (" in response.content.decode() and "past niet in uw opslag" in response.content.decode()
    )
    assert not ImportJob.objects.exists() and sorted(files_in(media_root)) == before


def test_a_file_that_no_longer_fits_during_an_import_is_refused_whole_and_the_rest_is_kept(
    runner, media_root, settings
):
    settings.KNIEWIJS_STORAGE_QUOTA_BYTES = len(run_on(2)) + len(run_on(3)) // 2
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("1.gpx", run_on(2))
        archive.writestr("2.gpx", run_on(3))
    first, second = import_bytes(runner, "export.zip", buffer.getvalue())
    assert first.status == "imported"
    assert second.status == "rejected" and second.reason.nl.startswith("Uw opslag is vol")
    assert "Er is niets van bewaard" in second.reason.nl and "storage is full" in second.reason.en
    assert Activity.objects.filter(user=runner).count() == 1
    assert len(files_in(media_root / "originals")) == 1


def test_deleting_an_activity_deletes_its_original_and_frees_its_room(
    runner_client, runner, media_root, django_capture_on_commit_callbacks
):
    [result] = import_bytes(runner, "ochtend.gpx", run_on(2))
    [activity] = result.activities
    page = runner_client.get(reverse("training:activity_delete", args=[activity.pk])).content.decode()
    assert "Het originele bestand wordt ook verwijderd" in page
    assert storage_used(runner)[0] > 0
    with django_capture_on_commit_callbacks(execute=True):
        response = runner_client.post(reverse("training:activity_delete", args=[activity.pk]))
    assert response.status_code == 302
    assert not ImportedFile.objects.exists() and storage_used(runner)[0] == 0
    assert files_in(media_root / "originals") == []
    assert [r.status for r in import_bytes(runner, "ochtend.gpx", run_on(2))] == ["imported"]


def test_an_original_that_other_activities_came_from_stays(runner_client, runner, media_root):
    tracks = [run_on(day).decode().split("<trk>", 1)[1].split("</trk>", 1)[0] for day in (2, 3)]
    multisport = (
        '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        + "".join(f"<trk>{track}</trk>" for track in tracks)
        + "</gpx>"
    ).encode()
    [result] = import_bytes(runner, "twee.gpx", multisport)
    assert len(result.activities) == 2
    runner_client.post(reverse("training:activity_delete", args=[result.activities[0].pk]))
    kept = ImportedFile.objects.get(user=runner)
    assert (media_root / kept.stored.name).exists()
