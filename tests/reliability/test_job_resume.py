"""The embedded default runs imports in a thread of the web process; when that process stops halfway, the
job is started again the next time the runner looks at it, unless a run still holds the job's lock."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.files import locks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kniewijs.training.jobs import ABANDONED_AFTER, create_job
from kniewijs.training.models import Activity, ImportJob

from .common import ONE_RUN, sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def abandoned(runner, media_root):
    """A job whose run died: marked running, its upload still waiting, no lock held."""
    path = sample(ONE_RUN)
    job = create_job(runner, [SimpleUploadedFile(path.name, path.read_bytes())])
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    job.refresh_from_db()
    return job


@contextmanager
def lock_held_by_another_run(job: ImportJob):
    """The job's lock, taken the way a live run in another process (or thread) holds it."""
    if connection.vendor == "postgresql":
        import psycopg

        db = connection.settings_dict
        with psycopg.connect(
            dbname=db["NAME"], user=db["USER"], host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432
        ) as other:
            other.execute("SELECT pg_advisory_lock(%s)", [job.pk.int & 0x7FFF_FFFF_FFFF_FFFF])
            yield
        return
    folder = Path(settings.MEDIA_ROOT) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"import-{job.pk}.lock").open("ab") as handle:
        assert locks.lock(handle, locks.LOCK_EX)
        yield
        locks.unlock(handle)


def test_a_job_left_running_by_a_stopped_process_is_finished_when_the_runner_looks(
    runner_client, runner, abandoned
):
    response = runner_client.get(reverse("training:job", args=[abandoned.pk]))
    assert response.status_code == 200
    abandoned.refresh_from_db()
    assert abandoned.status == ImportJob.Status.DONE
    assert [r["status"] for r in abandoned.results] == ["imported"]
    assert Activity.objects.filter(user=runner).count() == 1


def test_a_job_whose_run_is_still_going_is_left_alone(runner_client, abandoned):
    with lock_held_by_another_run(abandoned):
        runner_client.get(reverse("training:job", args=[abandoned.pk]))
    abandoned.refresh_from_db()
    assert abandoned.status == ImportJob.Status.RUNNING and abandoned.done == 0


def test_a_job_that_has_just_been_made_gets_time_for_its_thread_to_start(runner_client, abandoned):
    ImportJob.objects.filter(pk=abandoned.pk).update(status=ImportJob.Status.WAITING)
    runner_client.get(reverse("training:job", args=[abandoned.pk]))
    abandoned.refresh_from_db()
    assert abandoned.status == ImportJob.Status.WAITING
    with time_machine.travel(timezone.now() + ABANDONED_AFTER + timedelta(seconds=1)):
        runner_client.get(reverse("training:job", args=[abandoned.pk]))
    abandoned.refresh_from_db()
    assert abandoned.status == ImportJob.Status.DONE


def test_with_a_broker_the_broker_redelivers_and_the_page_starts_nothing(
    runner_client, abandoned, settings, monkeypatch
):
    from kniewijs import tasks

    settings.REDIS_URL = "redis://127.0.0.1:6379/12"
    settings.KNIEWIJS_JOBS_INLINE = False
    monkeypatch.setattr(tasks, "dispatch", lambda *a: pytest.fail("nothing may be dispatched"))
    runner_client.get(reverse("training:job", args=[abandoned.pk]))
    abandoned.refresh_from_db()
    assert abandoned.status == ImportJob.Status.RUNNING
