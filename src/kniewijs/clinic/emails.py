"""The e-mails around a booking: confirmation, moved, cancelled and the reminder the day before; and the one
to the clinic when a runner's erased account cancels their booking.

Plain text, in the language the runner booked in, with the clinic's address and phone. The confirmation and
the moved mail carry an .ics invitation (METHOD:REQUEST), the cancellation one with METHOD:CANCEL, so a
calendar updates the one entry it already has.
"""

from __future__ import annotations

import logging
from email.mime.text import MIMEText
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import ics, links
from .models import Booking
from .slots import clinic_tz

logger = logging.getLogger(__name__)

CONFIRMATION = "confirmation"
RESCHEDULED = "rescheduled"
CANCELLED = "cancelled"
REMINDER = "reminder"

ICS_METHOD = {CONFIRMATION: ics.REQUEST, RESCHEDULED: ics.REQUEST, CANCELLED: ics.CANCEL, REMINDER: None}


def default_base_url() -> str:
    """Where the site lives, for links in mails sent outside a request (the reminders)."""
    return str(getattr(settings, "KNIEWIJS_BASE_URL", "") or "http://127.0.0.1:8000").rstrip("/")


def _ics_part(booking: Booking, method: str, manage_url: str) -> MIMEText:
    part = MIMEText(ics.booking_ics(booking, method, manage_url).decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)  # lets mail programs offer "add to calendar" for the invitation
    part.add_header("Content-Disposition", "attachment", filename=ics.filename(booking))
    return part


def _context(booking: Booking, base_url: str) -> dict[str, Any]:
    # The key sits after the "#" (links.py): mail programs, calendars and browsers open it like any link,
    # and no server between them and Kniewijs sees it.
    manage_url = base_url + links.manage_link(booking) if booking.can_change() else ""
    return {
        "booking": booking,
        "clinic": booking.clinic,
        "appointment": booking.appointment_type.name(booking.language),
        "manage_url": manage_url,
    }


def message(kind: str, booking: Booking, *, base_url: str | None = None) -> EmailMessage:
    """One of the four mails to the booker, rendered now and ready to send."""
    base = (base_url or default_base_url()).rstrip("/")
    with translation.override(booking.language), timezone.override(clinic_tz()):
        context = _context(booking, base)
        subject = " ".join(render_to_string(f"clinic/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"clinic/email/{kind}.txt", context)
        mail = EmailMessage(
            subject,
            body,
            to=[booking.email],
            reply_to=[booking.clinic.email] if booking.clinic.email else None,
        )
        method = ICS_METHOD[kind]
        if method is not None:
            mail.attach(_ics_part(booking, method, context["manage_url"]))
    return mail


def send(kind: str, booking: Booking, *, base_url: str | None = None) -> None:
    """Send one of the four mails to the booker. Errors from the mail server reach the caller."""
    message(kind, booking, base_url=base_url).send()


def deliver(kind: str, booking: Booking, *, base_url: str) -> bool:
    """Send a booking mail the way every booking does, online or at the front desk: by a worker when the
    deployment has one (it retries), else now. False when the mail server refused it now; the booking stands
    either way, so the caller says so rather than failing."""
    from kniewijs.tasks import booking_mail, dispatch, uses_celery

    if not booking.email:
        return True  # a phone booking without an address: nothing to send, nothing failed
    if uses_celery():
        dispatch(booking_mail, kind, booking.pk, base_url)
        return True
    try:
        send(kind, booking, base_url=base_url)
    except Exception:
        logger.exception("Booking mail %s for booking %s failed", kind, booking.pk)
        return False
    return True


def clinic_address(booking: Booking) -> str:
    """Where the clinic reads its mail: its own address, else that of the therapist of the booking."""
    return booking.clinic.email or booking.therapist.user.email


def clinic_erasure_message(booking: Booking) -> EmailMessage | None:
    """Tells the clinic that a booking is cancelled because the runner erased their account. In Dutch, the
    clinic's language; the booker's name only, so the clinic can find the time in its own agenda."""
    address = clinic_address(booking)
    if not address:
        return None
    context = {
        "booking": booking,
        "clinic": booking.clinic,
        "appointment": booking.appointment_type.name("nl"),
    }
    with translation.override("nl"), timezone.override(clinic_tz()):
        subject = " ".join(render_to_string("clinic/email/clinic_cancelled_subject.txt", context).split())
        body = render_to_string("clinic/email/clinic_cancelled.txt", context)
    return EmailMessage(subject, body, to=[address])


def send_confirmation(booking: Booking, *, base_url: str | None = None) -> None:
    send(CONFIRMATION, booking, base_url=base_url)


def send_rescheduled(booking: Booking, *, base_url: str | None = None) -> None:
    send(RESCHEDULED, booking, base_url=base_url)


def send_cancelled(booking: Booking, *, base_url: str | None = None) -> None:
    send(CANCELLED, booking, base_url=base_url)


def send_reminder(booking: Booking, *, base_url: str | None = None) -> None:
    send(REMINDER, booking, base_url=base_url)
