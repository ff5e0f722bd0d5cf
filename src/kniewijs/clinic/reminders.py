"""Reminder e-mails the day before an appointment, sent once per booking.

`send_due_reminders` is meant to run every few minutes (cron, a systemd timer, or a Celery beat task).
Each booking is claimed with a conditional UPDATE of `reminder_sent_at` before its mail goes out, so two
runs at the same time never both send it; when sending fails the claim is released for the next run.
Moving a booking clears `reminder_sent_at`, so the new time gets its own reminder.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction

from . import emails
from .models import Booking

REMIND_BEFORE = timedelta(hours=24)

logger = logging.getLogger(__name__)


def due_bookings(now: datetime) -> list[Booking]:
    return list(
        Booking.objects.filter(
            status=Booking.Status.ACTIVE,
            reminder_sent_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + REMIND_BEFORE,
        )
        .exclude(email="")  # a phone booking without an address: the clinic reminds them itself
        .select_related("clinic", "therapist", "appointment_type")
    )


def _claim(booking: Booking, now: datetime) -> bool:
    with transaction.atomic():
        claimed = Booking.objects.filter(
            pk=booking.pk, status=Booking.Status.ACTIVE, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=now)
    return claimed == 1


def _release(booking: Booking, now: datetime) -> None:
    with transaction.atomic():
        Booking.objects.filter(pk=booking.pk, reminder_sent_at=now).update(reminder_sent_at=None)


def send_due_reminders(now: datetime, *, base_url: str | None = None) -> int:
    """Remind every active booking that starts within 24 hours and has not been reminded; the count sent."""
    sent = 0
    for booking in due_bookings(now):
        if not _claim(booking, now):
            continue  # another run got there first
        booking.reminder_sent_at = now
        try:
            emails.send_reminder(booking, base_url=base_url)
        except Exception:
            _release(booking, now)
            logger.exception("Reminder for booking %s could not be sent; it will be tried again", booking.pk)
            continue
        sent += 1
    return sent
