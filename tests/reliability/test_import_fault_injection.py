"""An import that breaks at any of eleven points leaves nothing half stored, and trying again completes it.

A job of two files (a FIT with five sessions, then a GPX run) is run with one fault put in at a real point
of the import: the first time the code passes that point, it raises. Afterwards the database and
MEDIA_ROOT must hold only whole files (every ImportedFile with all its activities and its original on
disk, byte for byte; no activity without its file; no original without its row). Then the retry the
product offers runs without the fault - Celery's retry of the same job when the error escaped the job,
else the runner uploading the same files again - and the runner's data must be complete and stored once.

Each rollback is the database's own: of a real transaction for the refused commit, else of the file's
savepoint inside the test's transaction.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from kniewijs.training import bulk, importing, originals, tracks
from kniewijs.training.jobs import create_job, incoming_dir, run_job
from kniewijs.training.models import Activity, ImportedFile, ImportJob, Shoe

from ..conftest import make_runner
from .common import (
    MULTISPORT,
    ONE_RUN,
    assert_complete,
    assert_nothing_orphaned,
    expected_runs,
    sample,
)


class Injected(Exception):
    """The fault this test puts in."""


def _fail_on(owner: Any, name: str, *, call: int = 1, after: bool = False, error: Exception | None = None):
    """Replace `owner.name` so that its `call`-th call raises (after doing its work when `after`)."""
    original = getattr(owner, name)
    fired: list[int] = []

    def replacement(*args: Any, **kwargs: Any) -> Any:
        fired.append(1)
        if len(fired) != call:
            return original(*args, **kwargs)
        if after:
            original(*args, **kwargs)
        raise error or Injected(f"{name} failed")

    return patch.object(owner, name, replacement), fired


def _first_row_then_fail():
    """The first activity row is written, then the connection breaks."""
    original = bulk.insert_activities
    fired: list[int] = []

    def replacement(rows: list[Activity]) -> None:
        fired.append(1)
        if len(fired) > 1:
            return original(rows)
        original(rows[:1])
        raise OperationalError("server closed the connection unexpectedly")

    return patch.object(bulk, "insert_activities", replacement), fired


def _disk_full_halfway():
    """The original is half written when the disk fills up."""
    fired: list[int] = []

    def write_all(out: Any, data: bytes) -> None:
        fired.append(1)
        if len(fired) > 1:
            out.write(data)
            return
        out.write(data[:4096])
        out.flush()  # the half that reached the disk before it filled up
        raise OSError(errno.ENOSPC, "No space left on device")

    return patch.object(originals, "write_all", write_all), fired


def _job_save_fails(field: str):
    """The job's own row cannot be saved the first time `field` is among the saved fields."""
    original = ImportJob.save
    fired: list[int] = []

    def save(self: ImportJob, *args: Any, **kwargs: Any) -> None:
        if field in (kwargs.get("update_fields") or ()) and not fired:
            fired.append(1)
            raise OperationalError("could not write the job")
        original(self, *args, **kwargs)

    return patch.object(ImportJob, "save", save), fired


def _commit_refused():
    return _fail_on(
        connection, "commit", error=OperationalError("could not serialize access due to concurrent update")
    )


# What the job shows after the fault, and so what the retry is:
# - the failing file is refused with "nothing of this file was kept"; the runner uploads again;
# - the job stops after the first file (FAILED); the runner uploads again;
# - the error escapes run_job with the job still running; Celery's autoretry runs the same job again.
FILE_REFUSED = (ImportJob.Status.DONE, ["rejected", "imported"])
JOB_FAILED = (ImportJob.Status.FAILED, ["imported", "pending"])
JOB_LEFT_RUNNING = (ImportJob.Status.RUNNING, ["imported", "imported"])
POINTS: dict[str, tuple[Callable[[], Any], tuple[str, list[str]]]] = {
    "dedupe lookup": (lambda: _fail_on(importing, "_is_known_run"), FILE_REFUSED),
    "shoe assignment": (lambda: _fail_on(importing, "_shoe_for"), FILE_REFUSED),
    "track compression of the third session": (lambda: _fail_on(tracks, "pack", call=3), FILE_REFUSED),
    "after the ImportedFile row": (
        lambda: _fail_on(ImportedFile.objects, "bulk_create", after=True),
        FILE_REFUSED,
    ),
    "after the first Activity row": (_first_row_then_fail, FILE_REFUSED),
    "all rows written, just before the commit": (
        lambda: _fail_on(bulk, "insert_activities", after=True),
        FILE_REFUSED,
    ),
    "original half written (disk full)": (_disk_full_halfway, FILE_REFUSED),
    "after the original is written, before the rows": (
        lambda: _fail_on(originals, "write_new", after=True),
        FILE_REFUSED,
    ),
    "the database refuses the commit": (_commit_refused, FILE_REFUSED),
    "job progress save after the first file": (lambda: _job_save_fails("done"), JOB_FAILED),
    "job result save after both files committed": (lambda: _job_save_fails("finished_at"), JOB_LEFT_RUNNING),
}


@contextmanager
def _armed(point: str):
    arm, _after = POINTS[point]
    patcher, fired = arm()
    with patcher:
        yield fired


def _upload(runner: Any, paths: list[Path]) -> ImportJob:
    return create_job(runner, [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths])


def _state(job: ImportJob) -> tuple[str, list[str]]:
    job.refresh_from_db()
    return job.status, [entry.get("status", "pending") for entry in job.results]


COMMIT = "the database refuses the commit"


@pytest.mark.parametrize(
    "point",
    # Only a refused commit needs a real outermost transaction; elsewhere the rollback of the file's
    # savepoint inside the test's transaction undoes the same writes, and is much quicker to set up.
    [pytest.param(p, marks=pytest.mark.django_db(transaction=p == COMMIT), id=p) for p in POINTS],
)
def test_a_fault_leaves_no_orphans_and_the_retry_completes_the_import(point, media_root):
    paths = [sample(MULTISPORT), sample(ONE_RUN)]
    expected = expected_runs(paths)
    runner = make_runner("fout@example.nl")
    Shoe.objects.create(user=runner, name="Pegasus", is_default=True)
    job = _upload(runner, paths)

    escaped = None
    with _armed(point) as fired:
        try:
            run_job(job.pk)
        except (Injected, OperationalError) as exc:
            escaped = exc
    assert fired, f"the fault at {point!r} was never reached"
    assert_nothing_orphaned(runner, expected)
    _arm, (status, statuses) = POINTS[point]
    assert _state(job) == (status, statuses)

    if status == ImportJob.Status.RUNNING:
        assert escaped is not None  # so Celery's autoretry runs the job again
        assert incoming_dir(job).exists()  # the uploads stay until the job has really finished
        run_job(job.pk)
        assert _state(job) == (ImportJob.Status.DONE, ["imported", "imported"])
    else:
        assert escaped is None  # handled inside the job: the runner sees a result
        assert not incoming_dir(job).exists()
        run_job(job.pk)  # a redelivered message for a finished job changes nothing
        assert_nothing_orphaned(runner, expected)
        again = _upload(runner, paths)
        run_job(again.pk)
        assert _state(again) == (
            ImportJob.Status.DONE,
            ["duplicate" if s == "imported" else "imported" for s in statuses],
        )
    assert not incoming_dir(job).exists()
    assert_complete(runner, expected)
    assert all(a.shoe is not None for a in Activity.objects.filter(user=runner, sport="running"))


@pytest.mark.django_db
def test_the_refused_file_says_nothing_of_it_was_kept_and_to_try_again(media_root):
    runner = make_runner("fout@example.nl")
    job = _upload(runner, [sample(MULTISPORT), sample(ONE_RUN)])
    with _armed("after the original is written, before the rows"):
        run_job(job.pk)
    job.refresh_from_db()
    assert job.results[0]["reason"] == importing.INTERNAL.get("nl")
    assert "niets van dit bestand bewaard" in job.results[0]["reason"]


@pytest.mark.django_db(transaction=True)
def test_a_broker_outage_at_upload_shows_the_job_page_instead_of_a_server_error(
    media_root, unreachable_broker
):
    runner = make_runner("storing@example.nl")
    client = Client(raise_request_exception=False)
    client.force_login(runner)
    path = sample(ONE_RUN)
    response = client.post(
        reverse("training:upload"), {"files": [SimpleUploadedFile(path.name, path.read_bytes())]}
    )
    (job,) = ImportJob.objects.filter(user=runner)
    assert response.status_code == 302
    # The work falls back to this process: the job ends done instead of waiting for a worker that never hears.
    deadline = time.monotonic() + 60
    while job.status != ImportJob.Status.DONE and time.monotonic() < deadline:
        time.sleep(0.1)
        job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert [entry["status"] for entry in job.results] == ["imported"]
