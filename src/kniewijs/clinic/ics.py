"""The booking as an iCalendar invitation (RFC 5545 / iTIP, RFC 5546).

The UID stays the same for the life of the booking and SEQUENCE follows link_version, so a calendar
replaces the old entry when the booking is moved (METHOD:REQUEST) and removes it when it is cancelled
(METHOD:CANCEL), instead of adding a second one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Booking

REQUEST = "REQUEST"
CANCEL = "CANCEL"


def uid(booking: Booking) -> str:
    return f"booking-{booking.public_id}@kniewijs"


def _one_line(text: str) -> str:
    return ", ".join(part.strip() for part in text.splitlines() if part.strip())


def _organizer(booking: Booking) -> vCalAddress:
    address = booking.clinic.email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "kniewijs@localhost"
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = vText(booking.clinic.name)
    return organizer


def booking_ics(booking: Booking, method: str = REQUEST, manage_url: str = "") -> bytes:
    """The .ics file for this booking, texts in the booker's language."""
    if method not in (REQUEST, CANCEL):
        raise ValueError(f"unknown iTIP method {method!r}")
    with translation.override(booking.language):
        summary = _("%(appointment)s at %(clinic)s") % {
            "appointment": booking.appointment_type.name(booking.language),
            "clinic": booking.clinic.name,
        }
        lines = [
            _("With %(therapist)s.") % {"therapist": booking.therapist.name},
            _("Phone of the clinic: %(phone)s") % {"phone": booking.clinic.phone or "-"},
        ]
        if method == CANCEL:
            lines.insert(0, _("This appointment has been cancelled."))
        elif manage_url:
            lines.append(_("Reschedule or cancel: %(url)s") % {"url": manage_url})
    calendar = Calendar()
    calendar.add("prodid", "-//Kniewijs//afspraak//NL")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", uid(booking))
    event.add("sequence", booking.link_version)
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", booking.starts_at.astimezone(UTC))
    event.add("dtend", booking.ends_at.astimezone(UTC))
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    event.add("location", _one_line(booking.clinic.address) or booking.clinic.name)
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    event.add("organizer", _organizer(booking))
    attendee = vCalAddress(f"mailto:{booking.email}")
    attendee.params["cn"] = vText(booking.name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical()


def filename(booking: Booking) -> str:
    return "afspraak.ics" if booking.language != "en" else "appointment.ics"
