"""Moving and cancelling through the signed link in the e-mail, and links that no longer work."""

from __future__ import annotations

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from kniewijs.clinic import booking as service
from kniewijs.clinic import links
from kniewijs.clinic.models import Booking

from .test_booking_helpers import at, booker, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


@pytest.fixture
def booking(clinic, physio):
    """Wednesday 4 June 10:00; online changes until Tuesday 10:00."""
    return service.book(
        clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker()
    )


def token(booking) -> str:
    return links.make_token(Booking.objects.get(pk=booking.pk))


def calendar_in(message):
    for part in message.message().walk():
        if part.get_content_type() == "text/calendar":
            calendar = Calendar.from_ical(part.get_payload(decode=True))
            return calendar, next(iter(calendar.walk("VEVENT")))
    raise AssertionError("no calendar attached")


def book_again(clinic, start):
    return service.book(
        clinic=clinic,
        appointment_type=knee_check(clinic),
        starts_at=start,
        booker=booker(email="b@example.nl"),
    )


def test_the_manage_page_shows_the_booking_and_both_choices(client, booking):
    link = token(booking)
    response = client.get(reverse("booking:manage", args=[link]))
    page = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert "woensdag 4 juni 2025, 10:00" in page and "dinsdag 3 juni, 10:00" in page  # the deadline
    assert (
        reverse("booking:reschedule", args=[link]) in page and reverse("booking:cancel", args=[link]) in page
    )


def test_rescheduling_moves_the_booking_frees_the_old_time_and_mails_an_update(client, clinic, booking):
    link = token(booking)
    page = client.get(reverse("booking:reschedule", args=[link]))
    assert page.status_code == 200 and page.context["moving"] == booking
    offered = [offer.start for day in page.context["week"].days for offer in day.offers]
    assert at(4, 10) in offered  # its own time does not block it
    response = client.post(reverse("booking:reschedule", args=[link]), {"slot": at(5, 11).isoformat()})
    moved = Booking.objects.get(pk=booking.pk)
    assert response.status_code == 302 and response["Location"] == links.done_path(moved)
    assert moved.starts_at == at(5, 11) and moved.link_version == 2
    assert book_again(clinic, at(4, 10)).is_active  # the old time is free at once

    (message,) = mail.outbox
    calendar, event = calendar_in(message)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == f"booking-{booking.public_id}@kniewijs" and int(event["SEQUENCE"]) == 2
    assert event.decoded("DTSTART") == at(5, 11)
    assert "donderdag 5 juni 2025, 11:00" in message.body
    assert links.make_token(moved) in message.body
    assert (
        nl("Your appointment has been moved. We have sent you an e-mail.")
        in client.get(response["Location"]).content.decode()
    )


def test_the_link_from_before_the_move_no_longer_works(client, booking):
    old = token(booking)
    client.post(reverse("booking:reschedule", args=[old]), {"slot": at(5, 11).isoformat()})
    for name in ("booking:manage", "booking:reschedule", "booking:cancel", "booking:done", "booking:ics"):
        response = client.get(reverse(name, args=[old]))
        assert response.status_code == 410
        assert nl("This link no longer works") in response.content.decode()
    response = client.post(reverse("booking:cancel", args=[old]))
    assert response.status_code == 410 and Booking.objects.get(pk=booking.pk).is_active


def test_two_moves_through_one_link_at_once_only_the_first_counts(client, booking, monkeypatch):
    link = token(booking)
    # Both requests opened the link before either moved the booking; the second meets the new version.
    service.reschedule(booking, starts_at=at(5, 9))
    monkeypatch.setattr(links, "open_booking", lambda *args, **kwargs: booking)
    response = client.post(reverse("booking:reschedule", args=[link]), {"slot": at(5, 11).isoformat()})
    assert response.status_code == 410
    assert Booking.objects.get(pk=booking.pk).starts_at == at(5, 9)


def test_moving_to_a_time_taken_meanwhile_says_so_and_keeps_the_booking(client, clinic, booking):
    book_again(clinic, at(5, 11))
    response = client.post(
        reverse("booking:reschedule", args=[token(booking)]), {"slot": at(5, 11).isoformat()}
    )
    assert response.status_code == 409
    assert nl("Sorry, this time was just taken by someone else. Please choose another time.") in (
        response.content.decode()
    )
    assert Booking.objects.get(pk=booking.pk).starts_at == at(4, 10) and mail.outbox == []


def test_moving_without_a_time_asks_for_one(client, booking):
    response = client.post(reverse("booking:reschedule", args=[token(booking)]), {"slot": "morgen"})
    assert response.status_code == 400 and response.context["message"] == nl("Please choose a time first.")


def test_cancelling_asks_first_then_frees_the_time_and_mails_a_cancellation(client, clinic, booking):
    link = token(booking)
    ask = client.get(reverse("booking:cancel", args=[link]))
    assert ask.status_code == 200 and Booking.objects.get(pk=booking.pk).is_active
    response = client.post(reverse("booking:cancel", args=[link]))
    cancelled = Booking.objects.get(pk=booking.pk)
    assert response.status_code == 200 and cancelled.status == Booking.Status.CANCELLED
    assert cancelled.link_version == 2
    assert book_again(clinic, at(4, 10)).is_active

    (message,) = mail.outbox
    calendar, event = calendar_in(message)
    assert str(calendar["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == f"booking-{booking.public_id}@kniewijs" and int(event["SEQUENCE"]) == 2
    assert "/afspraak/beheer/" not in message.body
    again = client.post(reverse("booking:cancel", args=[link]))
    assert again.status_code == 410 and len(mail.outbox) == 1


def test_after_the_deadline_the_page_says_to_phone_the_clinic(client, booking):
    link = token(booking)
    with time_machine.travel(at(3, 10, 1), tick=False):
        for name in ("booking:manage", "booking:reschedule", "booking:cancel"):
            response = client.get(reverse(name, args=[link]))
            page = response.content.decode()
            assert response.status_code == 410
            assert nl("Too late to change online") in page and "030 123 45 67" in page
        assert client.post(reverse("booking:cancel", args=[link])).status_code == 410
        assert (
            client.post(
                reverse("booking:reschedule", args=[link]), {"slot": at(5, 11).isoformat()}
            ).status_code
            == 410
        )
        summary = client.get(reverse("booking:done", args=[link]))
        assert summary.status_code == 200 and summary.context["can_change"] is False
        assert client.get(reverse("booking:ics", args=[link])).status_code == 200
    assert Booking.objects.get(pk=booking.pk).is_active and mail.outbox == []


def test_once_the_appointment_is_over_every_link_says_so(client, booking):
    with time_machine.travel(at(4, 10, 20), tick=False):
        response = client.get(reverse("booking:done", args=[token(booking)]))
    assert response.status_code == 410 and nl("This appointment is over") in response.content.decode()


@pytest.mark.parametrize("damage", [lambda t: t[:-2], lambda t: t.replace(":", ":x", 1), lambda t: "kapot"])
def test_a_tampered_link_gives_a_clear_not_found_page(client, booking, damage):
    bad = damage(token(booking))
    for name in ("booking:manage", "booking:reschedule", "booking:cancel", "booking:done", "booking:ics"):
        response = client.get(reverse(name, args=[bad]))
        assert response.status_code == 404
        assert nl("This link does not work") in response.content.decode()
    assert client.post(reverse("booking:cancel", args=[bad])).status_code == 404
    assert Booking.objects.get(pk=booking.pk).is_active


def test_english_links_give_english_pages(client, booking):
    Booking.objects.filter(pk=booking.pk).update(language="en")
    fresh = Booking.objects.get(pk=booking.pk)
    response = client.get(links.manage_path(fresh))
    assert response.status_code == 200 and "Wednesday 4 June 2025, 10:00" in response.content.decode()
    gone = client.get("/en/afspraak/beheer/kapot/")
    assert gone.status_code == 404 and "This link does not work" in gone.content.decode()
