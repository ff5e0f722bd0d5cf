"""The export as background work: asked for once, built once, downloaded by its owner only, kept a week; a run
that died (no heartbeat) is started again by the page and by the daily task, a run taken over stops."""

from __future__ import annotations

import uuid
import zipfile
from datetime import timedelta
from pathlib import Path
from unittest.mock import patch

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from kniewijs import tasks
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


def test_while_it_is_being_made_the_page_follows_it_without_reloading_and_offers_no_second_button(
    runner_client, runner, in_background
):
    runner_client.post(EXPORT)
    (export,) = DataExport.objects.filter(user=runner)
    assert export.status == DataExport.Status.WAITING
    page = runner_client.get(EXPORT).content.decode()
    assert "http-equiv" not in page and "wordt gemaakt" in page
    status_url = reverse("privacy:export_status", args=[export.pk])
    assert f'data-status-url="{status_url}"' in page and 'aria-live="polite"' in page
    assert "kniewijs/js/export-status.js" in page
    assert f'<a href="{EXPORT}">Vernieuwen</a>' in page  # without JavaScript, one reload by hand
    assert f'action="{EXPORT}"' not in page
    assert runner_client.get(reverse("privacy:export_download", args=[export.pk])).status_code == 404


def test_a_second_request_while_one_is_under_way_builds_nothing_new(runner_client, runner, in_background):
    runner_client.post(EXPORT)
    response = runner_client.post(EXPORT, follow=True)
    assert DataExport.objects.filter(user=runner).count() == 1
    assert "werd al gemaakt" in response.content.decode()


def test_a_request_stuck_without_a_heartbeat_is_replaced(runner_client, runner, in_background):
    runner_client.post(EXPORT)
    later = timezone.now() + exports.STALE + timedelta(minutes=1)  # no longer an hour
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
    assert export.status == DataExport.Status.READY and export.attempts == 2
    assert [p.name for p in archives(media_root)] == [Path(export.archive.name).name]
    assert export.archive.name.startswith(f"exports/{runner.pk}/{export.pk}-")


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
    assert [p.name for p in archives(media_root)] == [Path(second.archive.name).name]


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
    recent.refresh_from_db()
    assert [p.name for p in archives(media_root)] == [Path(recent.archive.name).name]


def test_an_export_of_a_runner_erased_before_the_worker_starts_does_nothing(runner, media_root):
    export = DataExport.objects.create(user=runner)
    runner.delete()
    exports.run_export(export.pk)
    assert archives(media_root) == []


def test_an_export_whose_runner_is_erased_while_it_is_written_leaves_no_archive(runner, media_root):
    export = DataExport.objects.create(user=runner)
    write = exports.write_export

    def write_then_erase(user, target, progress=None):
        written = write(user, target, progress)
        DataExport.objects.filter(pk=export.pk).delete()  # what the erasure does meanwhile
        return written

    with patch.object(exports, "write_export", write_then_erase):
        exports.run_export(export.pk)
    assert archives(media_root) == []


# --- a run that died, and a run taken over ----------------------------------------------------------------------
def died_mid_way(export: DataExport) -> None:
    """A run that stops without a word, as a killed worker or a web process's thread gone with a restart does:
    nothing after the interruption runs, not even the except clause that would mark the export failed."""
    with (
        patch.object(exports, "write_export", side_effect=KeyboardInterrupt),
        pytest.raises(KeyboardInterrupt),
    ):
        exports.run_export(export.pk)
    export.refresh_from_db()
    assert export.status == DataExport.Status.RUNNING and export.attempts == 1


def test_an_export_whose_run_died_is_made_when_the_runner_opens_the_page(runner_client, runner, media_root):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        export = DataExport.objects.create(user=runner)
        died_mid_way(export)
    with time_machine.travel(start + exports.STALE - timedelta(minutes=1), tick=False):
        page = runner_client.get(EXPORT).content.decode()
    assert "wordt gemaakt" in page  # a slow run is given its time
    export.refresh_from_db()
    assert export.status == DataExport.Status.RUNNING and export.attempts == 1
    with time_machine.travel(start + exports.STALE + timedelta(minutes=1), tick=False):
        page = runner_client.get(EXPORT).content.decode()
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY and export.attempts == 2
    assert reverse("privacy:export_download", args=[export.pk]) in page
    assert [p.name for p in archives(media_root)] == [Path(export.archive.name).name]


def test_an_export_that_beats_is_left_alone_however_old(runner_client, runner, in_background):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        export = DataExport.objects.create(user=runner)
    token = uuid.uuid4()
    with time_machine.travel(start + timedelta(minutes=40), tick=False):
        DataExport.objects.filter(pk=export.pk).update(
            status=DataExport.Status.RUNNING, run_token=token, heartbeat_at=timezone.now(), attempts=1
        )
    with (
        time_machine.travel(start + timedelta(minutes=45), tick=False),
        patch.object(tasks, "dispatch") as dispatch,
    ):
        assert "wordt gemaakt" in runner_client.get(EXPORT).content.decode()
        assert exports.restart_stale() == 0
    dispatch.assert_not_called()
    export.refresh_from_db()
    assert (export.status, export.run_token, export.attempts) == (DataExport.Status.RUNNING, token, 1)


def test_two_looks_at_once_start_a_dead_export_once(runner, in_background):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        export = DataExport.objects.create(user=runner)
    seen_by_both = DataExport.objects.get(pk=export.pk)
    with (
        time_machine.travel(start + exports.STALE + timedelta(seconds=1), tick=False),
        patch.object(tasks, "dispatch") as dispatch,
    ):
        assert exports.restart_if_stale(seen_by_both) is True
        assert exports.restart_if_stale(seen_by_both) is False  # the UPDATE's condition no longer holds
    dispatch.assert_called_once_with(tasks.data_export, str(export.pk))
    export.refresh_from_db()
    assert (
        export.status == DataExport.Status.WAITING
        and export.heartbeat_at == start + exports.STALE + timedelta(seconds=1)
    )


def test_an_export_that_keeps_dying_is_shown_as_failed_with_a_new_try(runner_client, runner, media_root):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        export = DataExport.objects.create(user=runner)
        died_mid_way(export)
    DataExport.objects.filter(pk=export.pk).update(attempts=exports.MAX_ATTEMPTS)  # and so did its restarts
    with time_machine.travel(start + exports.STALE + timedelta(minutes=1), tick=False):
        page = runner_client.get(EXPORT).content.decode()
    export.refresh_from_db()
    assert export.status == DataExport.Status.FAILED and not archives(media_root)
    assert "ging iets mis" in page and f'action="{EXPORT}"' in page


def test_the_daily_task_removes_old_exports_and_starts_dead_ones(runner, second_runner, media_root):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        dead = DataExport.objects.create(user=runner)
        died_mid_way(dead)
    with time_machine.travel(start + exports.STALE + timedelta(minutes=5), tick=False):
        waiting = DataExport.objects.create(user=second_runner)  # a moment ago: its worker is still to come
        tasks.purge_exports()
    dead.refresh_from_db()
    waiting.refresh_from_db()
    assert dead.status == DataExport.Status.READY and dead.attempts == 2
    assert waiting.status == DataExport.Status.WAITING and waiting.attempts == 0


def test_a_run_writes_its_heartbeat_and_stops_once_taken_over(runner, media_root):
    export = DataExport.objects.create(user=runner)
    seen: list[object] = []

    def slow_write(user, target, progress=None):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            clock.shift(exports.BEAT + timedelta(seconds=1))
            progress()
            seen.append(DataExport.objects.get(pk=export.pk).heartbeat_at)
            seen.append(timezone.now())
            DataExport.objects.filter(pk=export.pk).update(run_token=uuid.uuid4())  # another run's claim
            clock.shift(exports.BEAT + timedelta(seconds=1))
            progress()  # raises: this run stops here
        raise AssertionError("a run taken over went on writing")

    with patch.object(exports, "write_export", slow_write):
        exports.run_export(export.pk)  # returns quietly: nothing for Celery to retry
    assert seen[0] == seen[1]
    export.refresh_from_db()
    assert export.status == DataExport.Status.RUNNING and not export.archive  # the other run's to finish
    assert archives(media_root) == []


def test_an_archive_left_by_a_run_that_died_after_saving_it_goes(runner, media_root):
    export = DataExport.objects.create(user=runner)
    leftover = Path(media_root) / "exports" / str(runner.pk) / f"{export.pk}-0123456789ab.zip"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"PK half")
    exports.run_export(export.pk)
    export.refresh_from_db()
    assert [p.name for p in archives(media_root)] == [Path(export.archive.name).name]
