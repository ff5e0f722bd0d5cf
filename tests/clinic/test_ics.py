"""The booking's .ics invitation, read back with icalendar."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from kniewijs.clinic import booking as service
from kniewijs.clinic import ics

from .test_booking_helpers import at, booker, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")


def parse(data: bytes):
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


@pytest.fixture
def booking(clinic, physio):
    return service.book(
        clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker()
    )


def test_a_new_booking_is_an_invitation_in_utc_with_the_clinics_address(booking):
    calendar, event = parse(
        ics.booking_ics(booking, ics.REQUEST, "https://kniewijs.example/afspraak/beheer/x/")
    )
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == f"booking-{booking.public_id}@kniewijs"
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == datetime(2025, 6, 4, 8, tzinfo=UTC)  # 10:00 summer time
    assert event.decoded("DTEND") == datetime(2025, 6, 4, 8, 20, tzinfo=UTC)
    assert b"DTSTART:20250604T080000Z" in ics.booking_ics(booking)
    assert str(event["LOCATION"]) == "Loopbaan 1, 3500 AA Utrecht"
    summary = str(event["SUMMARY"])  # Dutch: the type's Dutch name, then "bij" once the catalogue has it
    assert summary.startswith("Gratis kniecheck ") and summary.endswith(" Fysio Centrum")
    assert "https://kniewijs.example/afspraak/beheer/x/" in str(event["DESCRIPTION"])
    assert "030 123 45 67" in str(event["DESCRIPTION"])
    assert str(event["ATTENDEE"]) == "mailto:anna@example.nl"
    assert str(event["STATUS"]) == "CONFIRMED"


def test_texts_follow_the_bookers_language(booking):
    booking.language = "en"
    _calendar, event = parse(ics.booking_ics(booking))
    assert str(event["SUMMARY"]) == "Free knee check at Fysio Centrum"
    assert "Phone of the clinic" in str(event["DESCRIPTION"])
    assert ics.filename(booking) == "appointment.ics"


def test_a_moved_booking_keeps_its_uid_with_a_higher_sequence(booking):
    _calendar, before = parse(ics.booking_ics(booking))
    moved = service.reschedule(booking, starts_at=at(5, 11))
    _calendar, after = parse(ics.booking_ics(moved))
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTSTART") == datetime(2025, 6, 5, 9, tzinfo=UTC)


def test_a_cancellation_uses_method_cancel_with_the_same_uid(booking):
    cancelled = service.cancel(booking)
    calendar, event = parse(ics.booking_ics(cancelled, ics.CANCEL))
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == ics.uid(booking) and int(event["SEQUENCE"]) == 2


def test_an_unknown_method_is_refused(booking):
    with pytest.raises(ValueError):
        ics.booking_ics(booking, "PUBLISH")
