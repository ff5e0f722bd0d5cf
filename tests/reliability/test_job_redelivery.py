"""One import job handed out twice at once runs once, and ends DONE with every file reported once; a job
resumed after its run was killed cleans up after that run.

A broker can give the same message to a second worker while the first still works on it: Redis does so
when a task runs longer than the visibility timeout. Here two threads (each with its own database
connection) run `run_job` for the same job; the second starts once the first has finished a file. The
data would be safe anyway (one transaction per file under the runner's lock, duplicates refused), but
the job itself must not end FAILED, keep files "pending", or call a file it imported a "duplicate".
"""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from kniewijs.training.importing import import_bytes
from kniewijs.training.jobs import create_job, incoming_dir, run_job
from kniewijs.training.models import ImportJob

from ..conftest import make_runner
from .common import DISTINCT_RUNS, assert_complete, expected_runs, sample

ROUNDS = 3
FILES = DISTINCT_RUNS[:12]


def _run_in_thread(job: ImportJob, errors: list[Exception]) -> threading.Thread:
    def run() -> None:
        try:
            run_job(job.pk)
        except Exception as exc:  # shown by the test
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.django_db(transaction=True)
def test_a_job_run_twice_at_the_same_time_imports_each_file_once_and_ends_done(media_root):
    paths = [sample(parts) for parts in FILES]
    expected = expected_runs(paths)
    for number in range(ROUNDS):
        runner = make_runner(f"tweelingen{number}@example.nl")
        job = create_job(runner, [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths])
        errors: list[Exception] = []
        first = _run_in_thread(job, errors)
        deadline = time.monotonic() + 60  # a bound against a hang, not a speed claim
        while ImportJob.objects.get(pk=job.pk).done < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        second = _run_in_thread(job, errors)
        first.join(timeout=120)
        second.join(timeout=120)

        assert errors == []
        job.refresh_from_db()
        statuses = [entry.get("status", "pending") for entry in job.results]
        assert (job.status, job.done) == (ImportJob.Status.DONE, len(paths)), (number, statuses)
        assert statuses == ["imported"] * len(paths), (number, statuses)
        assert not incoming_dir(job).exists()
        assert_complete(runner, expected)


@pytest.mark.django_db(transaction=True)
def test_a_resumed_job_removes_the_original_a_killed_run_wrote_but_never_committed(media_root, caplog):
    first, second, earlier = (sample(parts) for parts in FILES[:3])
    runner = make_runner("hervat@example.nl")
    assert [r.status for r in import_bytes(runner, earlier.name, earlier.read_bytes())] == ["imported"]
    job = create_job(runner, [SimpleUploadedFile(p.name, p.read_bytes()) for p in (first, second)])
    # What a worker killed between writing the first original and committing its rows leaves behind:
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])
    stray = default_storage.save(
        f"originals/{runner.pk}/{uuid.uuid4().hex}.fit", ContentFile(first.read_bytes())
    )

    run_job(job.pk)  # the redelivered message

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert not default_storage.exists(stray)
    assert "removed 1 original(s)" in caplog.text
    assert_complete(runner, expected_runs([first, second, earlier]))  # the earlier file's original stays
