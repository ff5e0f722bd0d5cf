"""Every piece of background work, end to end, on both paths: in a thread of the web process (the embedded
default, REDIS_URL unset) and on a real Celery worker on the local Redis (a clinic deployment).

The same test body runs twice. On the Celery path a `kniewijs worker --no-beat` process is started once for
the module against the test database, the same MEDIA_ROOT and a file mail backend, so that what it writes
and sends can be read back here. Nothing in the test calls a task function itself: the work goes through
`kniewijs.tasks.dispatch` (from the views where a view starts it) or the beat schedule's task names.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kniewijs import tasks
from kniewijs.privacy.models import DataExport
from kniewijs.recovery.models import Programme
from kniewijs.training.models import Activity, ImportJob

from ..conftest import make_booking, make_clinic, make_physio, make_runner
from .common import ONE_RUN, database_url, forget_broker_connections, redis_or_skip, sample, stop_worker

REDIS = "redis://127.0.0.1:6379/13"
KNIEWIJS = Path(sys.executable).with_name("kniewijs")
PATHS = ["in-process", "celery"]


class Place:
    """Where this module's files and mails go; shared by the test process and the worker."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.media = root / "media"
        self.mail = root / "mail"
        self.worker: subprocess.Popen[bytes] | None = None

    @property
    def log(self) -> Path:
        return self.root / "worker.log"

    def mails(self) -> list[Any]:
        if not self.mail.exists():
            return []
        return [
            message_from_bytes(line_block, policy=policy.default)
            for path in sorted(self.mail.glob("*.log"))
            for line_block in _messages_in(path.read_bytes())
        ]


def _messages_in(data: bytes) -> list[bytes]:
    """The file backend writes each message followed by a line of 79 dashes."""
    separator = b"\n" + b"-" * 79 + b"\n"
    return [block.strip(b"\n") for block in data.split(separator) if block.strip()]


@pytest.fixture(scope="module")
def place(tmp_path_factory, django_db_setup, django_db_blocker) -> Iterator[Place]:
    where = Place(tmp_path_factory.mktemp("background"))
    yield where
    if where.worker is not None:
        stop_worker(where.worker)


def _start_worker(where: Place) -> None:
    redis_or_skip(REDIS)
    env = os.environ | {
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "REDIS_URL": REDIS,
        "MEDIA_ROOT": str(where.media),
        "KNIEWIJS_DATA_DIR": str(where.root),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(where.mail),
    }
    with where.log.open("ab") as log:
        where.worker = subprocess.Popen(
            [str(KNIEWIJS), "worker", "--pool", "solo", "--concurrency", "1", "--no-beat"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


@pytest.fixture(params=PATHS)
def path(request, place, settings) -> str:
    settings.MEDIA_ROOT = place.media
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = place.mail
    settings.KNIEWIJS_JOBS_INLINE = False
    if request.param == "celery":
        if place.worker is None:
            _start_worker(place)
        settings.REDIS_URL = settings.CELERY_BROKER_URL = REDIS
    else:
        settings.REDIS_URL = ""
    forget_broker_connections()
    for old in place.mail.glob("*.log") if place.mail.exists() else []:
        old.unlink()
    yield request.param
    forget_broker_connections()


def wait_for(what: str, done: Callable[[], bool], place: Place, path: str, task: str) -> None:
    """A bound against a hang, not a speed claim: a worker on a busy machine needs a while to start. On the
    Celery path the worker's own log must show the task succeeding there (not in this process, which the
    dispatcher falls back to when Redis is gone)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if done():
            if path == "celery":
                assert f"Task kniewijs.tasks.{task}[" in place.log.read_text(), (
                    f"{task} did not run on the worker"
                )
            return
        if place.worker is not None:
            assert place.worker.poll() is None, f"the worker stopped:\n{place.log.read_text()[-3000:]}"
        time.sleep(0.2)
    log = place.log.read_text()[-3000:] if place.log.exists() else "(no worker)"
    pytest.fail(f"{what} did not happen\n{log}")


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_an_upload_is_imported_in_the_background(path, place):
    runner = make_runner(f"upload-{path}@example.nl")
    file = sample(ONE_RUN)
    response = signed_in(runner).post(
        reverse("training:upload"), {"files": [SimpleUploadedFile(file.name, file.read_bytes())]}
    )
    assert response.status_code == 302
    job = ImportJob.objects.get(user=runner)

    def finished() -> bool:
        job.refresh_from_db()
        return job.status == ImportJob.Status.DONE

    wait_for("the import", finished, place, path, "import_job")
    assert [entry["status"] for entry in job.results] == ["imported"]
    assert Activity.objects.filter(user=runner).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_booking_confirmation_is_mailed_in_the_background(path, place):
    clinic = make_clinic(f"praktijk-{path}", "Praktijk")
    physio = make_physio(f"fysio-{path}@example.nl", clinic)
    booking = make_booking(clinic, physio, email=f"gast-{path}@example.nl", hours=48)
    with transaction.atomic():
        tasks.dispatch(tasks.booking_mail, "confirmation", booking.pk, "https://kniewijs.example")
    wait_for("the confirmation", lambda: bool(place.mails()), place, path, "booking_mail")
    (message,) = place.mails()
    assert message["To"] == booking.email
    assert any(part.get_content_type() == "text/calendar" for part in message.walk())


@pytest.mark.django_db(transaction=True)
def test_the_booking_reminders_go_out_once_in_the_background(path, place):
    clinic = make_clinic(f"herinnering-{path}", "Praktijk")
    physio = make_physio(f"fysio-h-{path}@example.nl", clinic)
    booking = make_booking(clinic, physio, email=f"morgen-{path}@example.nl", hours=23)
    for _ in range(2):  # the beat schedule fires every quarter; the second run finds nothing left to send
        with transaction.atomic():
            tasks.dispatch(tasks.booking_reminders)

    def reminded() -> bool:
        booking.refresh_from_db()
        return booking.reminder_sent_at is not None and bool(place.mails())

    wait_for("the reminder", reminded, place, path, "booking_reminders")
    time.sleep(1)  # room for a wrong second mail to arrive
    assert [m["To"] for m in place.mails()] == [booking.email]


@pytest.mark.django_db(transaction=True)
def test_the_programme_reminder_goes_out_in_the_background(path, place):
    runner = make_runner(f"programma-{path}@example.nl")
    Programme.objects.create(
        user=runner,
        started_on=timezone.localdate() - timedelta(days=14),
        severity="light",
        exercises=["single_leg_squat"],
    )
    with transaction.atomic():
        tasks.dispatch(tasks.programme_reminders)
    wait_for("the programme reminder", lambda: bool(place.mails()), place, path, "programme_reminders")
    assert [m["To"] for m in place.mails()] == [runner.email]


@pytest.mark.django_db(transaction=True)
def test_the_data_export_is_built_in_the_background_and_downloads(path, place):
    runner = make_runner(f"export-{path}@example.nl")
    client = signed_in(runner)
    assert client.post(reverse("privacy:export"))["Location"] == reverse("privacy:export")
    export = DataExport.objects.get(user=runner)

    def ready() -> bool:
        export.refresh_from_db()
        return export.status == DataExport.Status.READY

    wait_for("the export", ready, place, path, "data_export")
    response = client.get(reverse("privacy:export_download", args=[export.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"


@pytest.mark.django_db(transaction=True)
def test_old_exports_are_purged_in_the_background(path, place):
    runner = make_runner(f"oud-{path}@example.nl")
    old = DataExport.objects.create(user=runner)
    DataExport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    with transaction.atomic():
        tasks.dispatch(tasks.purge_exports)
    wait_for(
        "the purge", lambda: not DataExport.objects.filter(pk=old.pk).exists(), place, path, "purge_exports"
    )


@pytest.mark.django_db(transaction=True)
def test_a_password_reset_mail_is_sent_in_the_background(path, place):
    runner = make_runner(f"vergeten-{path}@example.nl")
    response = Client().post(reverse("accounts:password_reset"), {"email": runner.email})
    assert response.status_code == 302
    wait_for("the reset mail", lambda: bool(place.mails()), place, path, "send_email")
    (message,) = place.mails()
    assert message["To"] == runner.email
    assert "/wachtwoord-vergeten/" in message.get_content()  # the link to set a new password
