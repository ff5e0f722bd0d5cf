"""Signed links to look at, move or cancel a booking without an account.

The link carries the booking's public id and its link_version, signed with the site's secret key. It
stops working when it is tampered with, when the booking has changed since (every reschedule and cancel
raises link_version, so an old e-mail's link is dead), and for changes, once the clinic's deadline
(`cancel_hours_before` the start) has passed. Looking at the booking and its calendar file stays possible
until the appointment is over.

The signed part never travels in an address a server sees. The mailed link is `/afspraak/beheer/#<token>`:
a browser does not send what follows the `#`, so no access log (gunicorn's, a proxy's, a load balancer's) and no
Referer header can hold it. A tiny script on that page (`clinic/js/link.js`) posts it, CSRF-protected; the
server checks it and remembers, in this browser's session only, that it may show and change this booking at
this version (`grant`). Every page after that is addressed by the booking's public id, which is no key by
itself: without the grant in the session (or the runner's own account) it is a "link does not work" page.
"""

from __future__ import annotations

import re
import time
import uuid
from datetime import datetime
from typing import Any
from urllib.parse import quote, unquote

from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from .models import Booking

SALT = "kniewijs.clinic.booking-link"
GRANTS = "kniewijs_booking_links"
# How long opening the mailed link lets this browser show and change the booking; after that, the link again.
GRANT_SECONDS = 2 * 3600
MAX_GRANTS = 10


class LinkError(Exception):
    """Why a link does not work; `status` is the HTTP status of the page that says so."""

    status = 404

    def __init__(self, booking: Booking | None = None, version: int | None = None) -> None:
        super().__init__(type(self).__name__)
        self.booking = booking
        # The link version the visitor came with, when known: says whether theirs was the newest link.
        self.version = version


class LinkInvalid(LinkError):
    """Tampered with, cut short, or for a booking that does not exist (or was never opened here)."""


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


def _booking(public_id: str | uuid.UUID) -> Booking:
    try:
        key = uuid.UUID(str(public_id))
    except ValueError as exc:
        raise LinkInvalid from exc
    booking = (
        Booking.objects.select_related("clinic", "therapist", "appointment_type")
        .filter(public_id=key)
        .first()
    )
    if booking is None:
        raise LinkInvalid
    return booking


def _check(booking: Booking, version: int, *, for_change: bool, now: datetime | None) -> Booking:
    if booking.link_version != version or not booking.is_active:
        raise LinkReplaced(booking, version)
    now = now or timezone.now()
    if now >= booking.ends_at or (for_change and not booking.can_change(now)):
        raise LinkExpired(booking)
    return booking


def open_booking(token: str, *, for_change: bool, now: datetime | None = None) -> Booking:
    """The booking behind a link, or a LinkError. `for_change` also applies the clinic's deadline."""
    public_id, version = _payload(token)
    return _check(_booking(public_id), version, for_change=for_change, now=now)


def token_from(text: str) -> str:
    """The key in what was posted: the key itself, or a whole pasted link (new or old style)."""
    text = unquote(text.strip())
    if "#" in text:
        return text.rsplit("#", 1)[1]
    old_style = re.search(r"/beheer/([^/?#]+:[^/?#]+)/?", text)
    return old_style.group(1) if old_style else text


def link_version(token: str) -> int:
    """The version a (valid) token was made for; the service checks it again under its lock."""
    return _payload(token)[1]


# --- the grant: this browser opened the mailed link ----------------------------------------------------------
def grant(session: SessionBase, booking: Booking) -> None:
    """Remember in this session that it may show and change `booking` at its current link version."""
    grants = {k: v for k, v in dict(session.get(GRANTS, {})).items() if k != str(booking.public_id)}
    grants[str(booking.public_id)] = {"v": booking.link_version, "t": int(time.time())}
    newest = sorted(grants.items(), key=lambda item: item[1]["t"])[-MAX_GRANTS:]
    session[GRANTS] = dict(newest)


def granted_version(session: SessionBase, public_id: str | uuid.UUID) -> int | None:
    found = dict(session.get(GRANTS, {})).get(str(public_id))
    if not isinstance(found, dict) or time.time() - float(found.get("t", 0)) > GRANT_SECONDS:
        return None
    version = found.get("v")
    return version if isinstance(version, int) else None


def open_granted(
    session: SessionBase,
    public_id: str | uuid.UUID,
    *,
    for_change: bool,
    owner: Any = None,
    now: datetime | None = None,
) -> tuple[Booking, int]:
    """The booking this session opened through its link (or that `owner`'s account made), with the version
    to act on; a LinkError otherwise."""
    booking = _booking(public_id)
    if owner is not None and booking.runner_id is not None and booking.runner_id == owner.pk:
        version = booking.link_version
    else:
        granted = granted_version(session, booking.public_id)
        if granted is None:
            raise LinkInvalid
        version = granted
    return _check(booking, version, for_change=for_change, now=now), version


# --- addresses ---------------------------------------------------------------------------------------------
def _reverse(name: str, booking: Booking, *args: Any) -> str:
    with translation.override(booking.language):
        return reverse(name, args=args)


def manage_link(booking: Booking) -> str:
    """The path of the mailed link: the page that reads the key after the `#`."""
    return _reverse("booking:link", booking) + "#" + quote(make_token(booking), safe=":-_")


def manage_path(booking: Booking) -> str:
    """The booking's own page, for a browser that holds its grant."""
    return _reverse("booking:manage", booking, booking.public_id)


def done_path(booking: Booking) -> str:
    return _reverse("booking:done", booking, booking.public_id)


def ics_path(booking: Booking) -> str:
    return _reverse("booking:ics", booking, booking.public_id)
