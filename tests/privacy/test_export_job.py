"""The export as background work: asked for once, built once, downloaded by its owner only, kept a week."""

from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path
from unittest.mock import patch

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from kniewijs.privacy import exports
from kniewijs.privacy.models import DataExport

pytestmark = pytest.mark.django_db

EXPORT = reverse("privacy:export")


def archives(media_root: Path) -> list[Path]:
    return sorted(p for p in (media_root / "exports").rglob("*") if p.is_file())


@pytest.fixture
def in_background(settings, media_root):
    """Background work handed to a thread after the commit: inside a test's transaction it never starts, so
    the export stays waiting as it would while a worker is busy."""
    settings.KNIEWIJS_JOBS_INLINE = False
    settings.REDIS_URL = ""


def test_asking_builds_the_zip_and_the_page_then_offers_it(runner_client, runner, media_root):
    response = runner_client.post(EXPORT)
    assert response.status_code == 302 and response["Location"] == EXPORT
    (export,) = DataExport.objects.filter(user=runner)
    assert export.status == DataExport.Status.READY and export.size > 0
    page = runner_client.get(EXPORT).content.decode()
    assert reverse("privacy:export_download", args=[export.pk]) in page
    assert "zeven dagen" in page
    download = runner_client.get(reverse("privacy:export_download", args=[export.pk]))
    assert download.status_code == 200 and download["Cache-Control"] == "no-store"
    with zipfile.ZipFile(Path(media_root) / export.archive.name) as archive:
        assert "README.txt" in archive.namelist()


def test_while_it_is_being_made_the_page_refreshes_and_offers_no_second_button(
    runner_client, runner, in_background
):
    runner_client.post(EXPORT)
    (export,) = DataExport.objects.filter(user=runner)
    assert export.status == DataExport.Status.WAITING
    page = runner_client.get(EXPORT).content.decode()
    assert 'http-equiv="refresh"' in page and "wordt gemaakt" in page
    assert f'action="{EXPORT}"' not in page
    assert runner_client.get(reverse("privacy:export_download", args=[export.pk])).status_code == 404


def test_a_second_request_while_one_is_under_way_builds_nothing_new(runner_client, runner, in_background):
    runner_client.post(EXPORT)
    response = runner_client.post(EXPORT, follow=True)
    assert DataExport.objects.filter(user=runner).count() == 1
    assert "werd al gemaakt" in response.content.decode()


def test_a_request_stuck_for_over_an_hour_is_replaced(runner_client, runner, in_background):
    runner_client.post(EXPORT)
    later = timezone.now() + timedelta(minutes=90)  # within the session's idle limit
    with time_machine.travel(later):
        assert runner_client.post(EXPORT)["Location"] == EXPORT
    assert DataExport.objects.filter(user=runner).count() == 1
    assert DataExport.objects.get(user=runner).created_at >= later


def test_someone_elses_export_is_not_found(runner_client, second_runner, media_root):
    theirs = DataExport.objects.create(user=second_runner)
    exports.run_export(theirs.pk)
    assert runner_client.get(reverse("privacy:export_download", args=[theirs.pk])).status_code == 404


def test_running_the_same_export_twice_leaves_one_archive(runner, media_root):
    export = DataExport.objects.create(user=runner)
    exports.run_export(export.pk)
    DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.RUNNING)  # as if redelivered
    exports.run_export(export.pk)
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY
    assert [p.name for p in archives(media_root)] == [f"{export.pk}.zip"]


def test_a_failure_is_shown_and_the_retry_makes_it_ready(runner_client, runner, media_root):
    export = DataExport.objects.create(user=runner)
    with patch.object(exports, "write_export", side_effect=OSError("disk full")), pytest.raises(OSError):
        exports.run_export(export.pk)
    export.refresh_from_db()
    assert export.status == DataExport.Status.FAILED
    assert "ging iets mis" in runner_client.get(EXPORT).content.decode()
    exports.run_export(export.pk)  # Celery's retry of the same message
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY


def test_a_new_export_replaces_the_old_one_and_its_archive(
    runner_client, runner, media_root, django_capture_on_commit_callbacks
):
    runner_client.post(EXPORT)
    first = DataExport.objects.get(user=runner)
    with (
        time_machine.travel(timezone.now() + timedelta(minutes=5)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        runner_client.post(EXPORT)
    (second,) = DataExport.objects.filter(user=runner)
    assert second.pk != first.pk
    assert [p.name for p in archives(media_root)] == [f"{second.pk}.zip"]


def test_exports_older_than_a_week_are_removed_with_their_archive(
    runner, second_runner, media_root, django_capture_on_commit_callbacks
):
    old = DataExport.objects.create(user=runner)
    exports.run_export(old.pk)
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        recent = DataExport.objects.create(user=second_runner)
        exports.run_export(recent.pk)
    with (
        time_machine.travel(timezone.now() + timedelta(days=7, hours=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert exports.purge_expired() == 1
    assert list(DataExport.objects.all()) == [recent]
    assert [p.name for p in archives(media_root)] == [f"{recent.pk}.zip"]


def test_an_export_of_a_runner_erased_before_the_worker_starts_does_nothing(runner, media_root):
    export = DataExport.objects.create(user=runner)
    runner.delete()
    exports.run_export(export.pk)
    assert archives(media_root) == []


def test_an_export_whose_runner_is_erased_while_it_is_written_leaves_no_archive(runner, media_root):
    export = DataExport.objects.create(user=runner)
    write = exports.write_export

    def write_then_erase(user, target):
        written = write(user, target)
        DataExport.objects.filter(pk=export.pk).delete()  # what the erasure does meanwhile
        return written

    with patch.object(exports, "write_export", write_then_erase):
        exports.run_export(export.pk)
    assert archives(media_root) == []
