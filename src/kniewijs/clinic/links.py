"""Signed links to look at, move or cancel a booking without an account.

The link carries the booking's public id and its link_version, signed with the site's secret key. It
stops working when it is tampered with, when the booking has changed since (every reschedule and cancel
raises link_version, so an old e-mail's link is dead), and for changes, once the clinic's deadline
(`cancel_hours_before` the start) has passed. Looking at the booking and its calendar file stays possible
until the appointment is over.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from .models import Booking

SALT = "kniewijs.clinic.booking-link"


class LinkError(Exception):
    """Why a link does not work; `status` is the HTTP status of the page that says so."""

    status = 404

    def __init__(self, booking: Booking | None = None) -> None:
        super().__init__(type(self).__name__)
        self.booking = booking


class LinkInvalid(LinkError):
    """Tampered with, cut short, or for a booking that does not exist."""


class LinkReplaced(LinkError):
    """The booking was moved or cancelled after this link was sent."""

    status = 410


class LinkExpired(LinkError):
    """Too late: past the clinic's online deadline, or the appointment is over."""

    status = 410


def make_token(booking: Booking) -> str:
    return signing.dumps({"b": str(booking.public_id), "v": booking.link_version}, salt=SALT)


def _payload(token: str) -> tuple[str, int]:
    try:
        data: Any = signing.loads(token, salt=SALT)
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    if not isinstance(data, dict) or not isinstance(data.get("b"), str) or not isinstance(data.get("v"), int):
        raise LinkInvalid
    return data["b"], data["v"]


def open_booking(token: str, *, for_change: bool, now: datetime | None = None) -> Booking:
    """The booking behind a link, or a LinkError. `for_change` also applies the clinic's deadline."""
    public_id, version = _payload(token)
    booking = (
        Booking.objects.select_related("clinic", "therapist", "appointment_type")
        .filter(public_id=public_id)
        .first()
    )
    if booking is None:
        raise LinkInvalid
    if booking.link_version != version or not booking.is_active:
        raise LinkReplaced(booking)
    now = now or timezone.now()
    if now >= booking.ends_at or (for_change and not booking.can_change(now)):
        raise LinkExpired(booking)
    return booking


def link_version(token: str) -> int:
    """The version a (valid) token was made for; the service checks it again under its lock."""
    return _payload(token)[1]


def _path(name: str, booking: Booking) -> str:
    with translation.override(booking.language):
        return reverse(name, args=[make_token(booking)])


def manage_path(booking: Booking) -> str:
    return _path("booking:manage", booking)


def done_path(booking: Booking) -> str:
    return _path("booking:done", booking)


def ics_path(booking: Booking) -> str:
    return _path("booking:ics", booking)
