"""What the training tests share: a GPX run to import, and a live run's lock held from elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import locks
from django.db import connection

from kniewijs.training.models import ImportJob


def gpx_run(start: datetime, km: float = 5.0, minutes: int = 30) -> bytes:
    """A straight run heading north at an even pace: enough for the GPX reader to make an activity of it."""
    points = []
    steps = minutes * 6  # a point every 10 seconds
    degrees = km / 111.2  # about 111.2 km per degree of latitude
    for i in range(steps + 1):
        when = (start + timedelta(seconds=10 * i)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        points.append(
            f'<trkpt lat="{52.0 + degrees * i / steps:.7f}" lon="5.1000000"><time>{when}</time></trkpt>'
        )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><type>running</type><trkseg>{''.join(points)}</trkseg></trk></gpx>"
    ).encode()


def run_on(day: int, hour: int = 7) -> bytes:
    return gpx_run(datetime(2026, 3, day, hour, tzinfo=UTC))


@contextmanager
def running_elsewhere(job: ImportJob) -> Iterator[None]:
    """The job RUNNING with its lock held the way a live run in another process holds it (on PostgreSQL
    from another database session: this session's own advisory locks would not count as another's)."""
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
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
    path = folder / f"import-{job.pk}.lock"
    with path.open("ab") as handle:
        assert locks.lock(handle, locks.LOCK_EX)
        try:
            yield
        finally:
            path.unlink(missing_ok=True)
            locks.unlock(handle)
