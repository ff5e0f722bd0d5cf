"""Background work, one function each, run by a Celery worker when REDIS_URL is set and in-process otherwise.

`dispatch` is the only door: views and commands never call Celery themselves, so the embedded default and a
clinic deployment run the very same code.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import close_old_connections, transaction

log = logging.getLogger(__name__)

RETRY = {"autoretry_for": (Exception,), "retry_backoff": True, "max_retries": 5}


def uses_celery() -> bool:
    return bool(getattr(settings, "REDIS_URL", "")) and not getattr(settings, "KNIEWIJS_JOBS_INLINE", False)


def dispatch(task: Any, *args: Any) -> None:
    """Run `task` after the current transaction commits: on a worker, in a thread, or inline in tests."""
    if uses_celery():
        import kniewijs.celery  # noqa: F401 - binds the shared tasks to our app and its Redis broker

        transaction.on_commit(lambda: _to_worker(task, *args))
    elif getattr(settings, "KNIEWIJS_JOBS_INLINE", False):
        task(*args)
    else:
        transaction.on_commit(lambda: _in_thread(task, *args))


def _to_worker(task: Any, *args: Any) -> None:
    """Hand the task to the broker; when Redis cannot be reached, do the work here instead. The request that
    asked for it has committed already (a booking kept, an upload saved), so a server error would only hide
    that from the user, and a task left unqueued would never run. Every task is idempotent, so a message
    that reached Redis after all and runs twice does no harm."""
    from kombu.exceptions import OperationalError

    try:
        task.delay(*args)
    except OperationalError:
        log.warning("broker unreachable; running %s in this process instead", task.name)
        _in_thread(task, *args)


def _in_thread(task: Callable[..., Any], *args: Any) -> None:
    def work() -> None:
        try:
            task(*args)
        finally:
            close_old_connections()

    threading.Thread(target=work, name=f"kniewijs-{task.__name__}", daemon=True).start()


@shared_task(name="kniewijs.tasks.import_job", **RETRY)
def import_job(job_id: str) -> None:
    from kniewijs.training.jobs import run_job

    run_job(uuid.UUID(str(job_id)))


@shared_task(name="kniewijs.tasks.booking_mail", **RETRY)
def booking_mail(kind: str, booking_id: int, base_url: str) -> None:
    from kniewijs.clinic import emails
    from kniewijs.clinic.models import Booking

    emails.send(
        kind,
        Booking.objects.select_related("clinic", "appointment_type").get(pk=booking_id),
        base_url=base_url,
    )


@shared_task(name="kniewijs.tasks.booking_reminders")
def booking_reminders() -> int:
    from django.utils import timezone

    from kniewijs.clinic.emails import default_base_url
    from kniewijs.clinic.reminders import send_due_reminders

    return send_due_reminders(timezone.now(), base_url=default_base_url())


@shared_task(name="kniewijs.tasks.programme_reminders")
def programme_reminders() -> None:
    from django.core.management import call_command

    call_command("send_reminders")


@shared_task(name="kniewijs.tasks.data_export", **RETRY)
def data_export(export_id: str) -> None:
    from kniewijs.privacy.exports import run_export

    run_export(uuid.UUID(str(export_id)))


@shared_task(name="kniewijs.tasks.purge_exports")
def purge_exports() -> int:
    """Daily: remove exports older than a week, then start again any whose run died (no heartbeat)."""
    from kniewijs.privacy.exports import purge_expired, restart_stale

    removed = purge_expired()
    restart_stale()
    return removed


@shared_task(name="kniewijs.tasks.send_email", **RETRY)
def send_email(subject: str, body: str, from_email: str | None, to: list[str]) -> None:
    """A plain mail rendered by the caller (the password reset). Retried when the mail server fails; a retry
    after a send that did go through may deliver it twice, which a reset link survives."""
    from django.core.mail import EmailMessage

    EmailMessage(subject, body, from_email, to).send()
