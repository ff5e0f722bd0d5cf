"""The runner's data export as background work: asked for on the export page, built by `kniewijs.tasks.data_export`
(on a Celery worker when REDIS_URL is set, else in a thread of this process), downloaded from the same page.

Building is idempotent: a second run of the same export (a redelivered message, a retry) writes the same
archive name again and ends in the same state. Archives are kept for `KEEP` and then removed, with their row,
the next time anyone asks for an export or the clean-up task runs.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.core.files import File
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from .export import export_filename, write_export
from .models import DataExport

log = logging.getLogger(__name__)

KEEP = timedelta(days=7)


def export_of(user: Any, export_id: uuid.UUID) -> DataExport:
    """The one access helper: an export belongs to exactly one runner; anyone else gets a 404."""
    try:
        return DataExport.objects.get(pk=export_id, user=user)
    except DataExport.DoesNotExist:
        raise Http404 from None


def latest_export(user: Any) -> DataExport | None:
    return DataExport.objects.filter(user=user, created_at__gte=timezone.now() - KEEP).first()


def request_export(user: Any) -> tuple[DataExport, bool]:
    """A new export for `user`, handed to the background; or the one already under way (a double click or a
    second tab must not build two). Returns the export and whether it is new."""
    from kniewijs import tasks

    with transaction.atomic():
        busy = DataExport.objects.select_for_update().filter(
            user=user, status__in=[DataExport.Status.WAITING, DataExport.Status.RUNNING]
        )
        current = busy.first()
        if current is not None and current.created_at >= timezone.now() - timedelta(hours=1):
            return current, False
        older = list(DataExport.objects.filter(user=user))
        export = DataExport.objects.create(user=user)
        _forget(older)
        tasks.dispatch(tasks.data_export, str(export.pk))
    return export, True


def run_export(export_id: uuid.UUID) -> None:
    """Write the zip into storage and mark the export ready. A failure marks it failed and is raised again, so
    that Celery retries it; a later success turns it ready after all."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.status == DataExport.Status.READY:
        return  # erased, replaced by a newer one, or done by an earlier delivery of the same message
    DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.RUNNING)
    try:
        with tempfile.TemporaryFile(suffix=".zip") as target:
            write_export(export.user, target)
            size = target.tell()
            target.seek(0)
            field = export.archive.field
            name = field.generate_filename(export, "export.zip")
            field.storage.delete(name)  # a second run replaces the first one's archive, never beside it
            stored = field.storage.save(name, File(target), max_length=field.max_length)
    except Exception:
        log.exception("data export failed")
        DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.FAILED)
        raise
    updated = DataExport.objects.filter(pk=export.pk).update(
        status=DataExport.Status.READY,
        archive=stored,
        size=size,
        filename=export_filename(),
        finished_at=timezone.now(),
    )
    if not updated:  # the runner erased the account or asked again while this one was written
        field.storage.delete(stored)


def purge_expired(now: datetime | None = None) -> int:
    """Remove exports older than KEEP, their archives after the rows."""
    cutoff = (now or timezone.now()) - KEEP
    with transaction.atomic():
        expired = list(DataExport.objects.filter(created_at__lt=cutoff))
        _forget(expired)
    return len(expired)


def _forget(exports: list[DataExport]) -> None:
    """Delete the rows now and their archives once that has committed."""
    if not exports:
        return
    names = [e.archive.name for e in exports if e.archive]
    DataExport.objects.filter(pk__in=[e.pk for e in exports]).delete()
    storage = DataExport._meta.get_field("archive").storage

    def remove() -> None:
        for name in names:
            try:
                storage.delete(name)
            except OSError:
                log.exception("could not remove an old export archive")

    transaction.on_commit(remove)
