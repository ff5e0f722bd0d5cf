"""Moving and cancelling through the signed link in the e-mail, and links that no longer work.

The mailed link is /afspraak/beheer/#<key>: the page's script posts the key (`open_link` here does what it
does), and the pages after it are addressed by the booking's public id, for this browser only."""

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


def url(name: str, booking) -> str:
    return reverse(name, args=[booking.public_id])


def open_link(client, booking, key: str | None = None):
    """What the link page's script does: post the key from after the `#`."""
    return client.post(reverse("booking:link"), {"token": key if key is not None else token(booking)})


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


def test_the_mailed_link_opens_the_booking_in_this_browser_only(client, booking):
    page = client.get(reverse("booking:link"))
    assert page.status_code == 200 and 'id="link-form"' in page.content.decode()
    assert "clinic/js/link.js" in page.content.decode()
    response = open_link(client, booking)
    assert response.status_code == 302 and response["Location"] == url("booking:manage", booking)
    assert client.get(url("booking:manage", booking)).status_code == 200
    stranger = client.__class__()
    refused = stranger.get(url("booking:manage", booking))  # the public id alone is no key
    assert refused.status_code == 404 and nl("This link does not work") in refused.content.decode()


def test_a_whole_pasted_link_works_too(client, booking):
    whole = "https://kniewijs.example" + links.manage_link(Booking.objects.get(pk=booking.pk))
    assert "#" in whole and open_link(client, booking, whole)["Location"] == url("booking:manage", booking)
    old_style = f"https://kniewijs.example/afspraak/beheer/{token(booking)}/"
    assert open_link(client.__class__(), booking, old_style).status_code == 302


def test_an_old_link_with_the_key_in_the_address_moves_it_behind_the_hash(client, booking):
    key = token(booking)
    response = client.get(reverse("booking:legacy_link", args=[key]))
    assert response.status_code == 302 and response["Location"] == reverse("booking:link") + "#" + key
    assert Booking.objects.get(pk=booking.pk).is_active


def test_the_grant_lasts_two_hours_then_the_link_is_needed_again(client, booking, monday_morning):  # noqa: F811
    open_link(client, booking)
    monday_morning.shift(links.GRANT_SECONDS - 60)
    assert client.get(url("booking:manage", booking)).status_code == 200
    monday_morning.shift(120)
    assert client.get(url("booking:manage", booking)).status_code == 404
    open_link(client, booking)
    assert client.get(url("booking:manage", booking)).status_code == 200


def test_the_manage_page_shows_the_booking_and_both_choices(client, booking):
    open_link(client, booking)
    response = client.get(url("booking:manage", booking))
    page = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert "woensdag 4 juni 2025, 10:00" in page and "dinsdag 3 juni om 10:00" in page  # the deadline
    assert url("booking:reschedule", booking) in page and url("booking:cancel", booking) in page
    assert token(booking) not in page


def test_a_get_never_changes_a_booking(client, booking):
    """Every page of the booking, asked with GET (even with a time in the address), leaves it as it was."""
    open_link(client, booking)
    before = Booking.objects.filter(pk=booking.pk).values().get()
    for name in ("booking:manage", "booking:done", "booking:ics", "booking:reschedule", "booking:cancel"):
        response = client.get(url(name, booking), {"slot": at(5, 11).isoformat(), "confirm": "1"})
        assert response.status_code == 200, name
    assert client.get(reverse("booking:legacy_link", args=[token(booking)])).status_code == 302
    assert client.get(reverse("booking:link"), {"token": token(booking)}).status_code == 200
    assert Booking.objects.filter(pk=booking.pk).values().get() == before and mail.outbox == []


def test_moving_and_cancelling_need_the_csrf_token_of_the_page(booking):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("booking:link"))
    key = page.cookies["csrftoken"].value
    assert client.post(reverse("booking:link"), {"token": token(booking)}).status_code == 403
    client.post(reverse("booking:link"), {"token": token(booking), "csrfmiddlewaretoken": key})
    assert client.post(url("booking:cancel", booking)).status_code == 403
    slot = {"slot": at(5, 11).isoformat()}
    assert client.post(url("booking:reschedule", booking), slot).status_code == 403
    assert (
        Booking.objects.get(pk=booking.pk).is_active and Booking.objects.get(pk=booking.pk).link_version == 1
    )
    assert client.post(url("booking:cancel", booking), {"csrfmiddlewaretoken": key}).status_code == 200
    assert not Booking.objects.get(pk=booking.pk).is_active


def test_rescheduling_moves_the_booking_frees_the_old_time_and_mails_an_update(client, clinic, booking):
    open_link(client, booking)
    page = client.get(url("booking:reschedule", booking))
    assert page.status_code == 200 and page.context["moving"] == booking
    offered = [offer.start for day in page.context["week"].days for offer in day.offers]
    assert at(4, 10) in offered  # its own time does not block it
    response = client.post(url("booking:reschedule", booking), {"slot": at(5, 11).isoformat()})
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
    assert "/afspraak/beheer/#" + links.make_token(moved) in message.body
    assert links.make_token(moved) in str(event["DESCRIPTION"])
    assert (
        nl("Your appointment has been moved. We have sent you an e-mail.")
        in client.get(response["Location"]).content.decode()
    )
    assert client.get(url("booking:manage", booking)).status_code == 200  # the one who moved it goes on


def test_the_link_from_before_the_move_no_longer_works(client, booking):
    old = token(booking)
    open_link(client, booking)
    client.post(url("booking:reschedule", booking), {"slot": at(5, 11).isoformat()})
    other = client.__class__()
    response = open_link(other, booking, old)
    assert response.status_code == 410 and nl("This link no longer works") in response.content.decode()
    for name in ("booking:manage", "booking:reschedule", "booking:cancel", "booking:done", "booking:ics"):
        assert other.get(url(name, booking)).status_code == 404
    assert other.post(url("booking:cancel", booking)).status_code == 404
    assert Booking.objects.get(pk=booking.pk).is_active


def test_a_browser_whose_grant_is_older_than_a_change_elsewhere_gets_the_replaced_page(client, booking):
    open_link(client, booking)
    service.reschedule(Booking.objects.get(pk=booking.pk), starts_at=at(5, 9))  # by the clinic, say
    for name in ("booking:manage", "booking:reschedule", "booking:cancel", "booking:done", "booking:ics"):
        response = client.get(url(name, booking))
        assert response.status_code == 410 and nl("This link no longer works") in response.content.decode()
    assert client.post(url("booking:cancel", booking)).status_code == 410
    assert Booking.objects.get(pk=booking.pk).is_active


def test_two_moves_through_one_link_at_once_only_the_first_counts(client, booking, monkeypatch):
    open_link(client, booking)
    # Both requests opened the booking before either moved it; the second meets the new version.
    service.reschedule(booking, starts_at=at(5, 9))
    monkeypatch.setattr(links, "_check", lambda booking, *args, **kwargs: booking)
    response = client.post(url("booking:reschedule", booking), {"slot": at(5, 11).isoformat()})
    assert response.status_code == 410
    assert Booking.objects.get(pk=booking.pk).starts_at == at(5, 9)


def test_moving_to_a_time_taken_meanwhile_says_so_and_keeps_the_booking(client, clinic, booking):
    book_again(clinic, at(5, 11))
    open_link(client, booking)
    response = client.post(url("booking:reschedule", booking), {"slot": at(5, 11).isoformat()})
    assert response.status_code == 409
    assert nl("Sorry, this time was just taken by someone else. Please choose another time.") in (
        response.content.decode()
    )
    assert Booking.objects.get(pk=booking.pk).starts_at == at(4, 10) and mail.outbox == []


def test_moving_without_a_time_asks_for_one(client, booking):
    open_link(client, booking)
    response = client.post(url("booking:reschedule", booking), {"slot": "morgen"})
    assert response.status_code == 400 and response.context["message"] == nl("Please choose a time first.")


def test_cancelling_asks_first_then_frees_the_time_and_mails_a_cancellation(client, clinic, booking):
    open_link(client, booking)
    ask = client.get(url("booking:cancel", booking))
    assert ask.status_code == 200 and Booking.objects.get(pk=booking.pk).is_active
    assert f'action="{url("booking:cancel", booking)}"' in ask.content.decode()
    response = client.post(url("booking:cancel", booking))
    cancelled = Booking.objects.get(pk=booking.pk)
    assert response.status_code == 200 and cancelled.status == Booking.Status.CANCELLED
    assert cancelled.link_version == 2
    assert book_again(clinic, at(4, 10)).is_active

    (message,) = mail.outbox
    calendar, event = calendar_in(message)
    assert str(calendar["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == f"booking-{booking.public_id}@kniewijs" and int(event["SEQUENCE"]) == 2
    assert "/afspraak/beheer/" not in message.body
    again = client.post(url("booking:cancel", booking))
    assert again.status_code == 410 and len(mail.outbox) == 1


def test_the_runners_own_account_reaches_its_bookings_without_the_link(client, clinic, physio, runner):
    mine = service.book(
        clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker(runner=runner)
    )
    assert client.get(url("booking:manage", mine)).status_code == 404
    client.force_login(runner)
    assert client.get(url("booking:manage", mine)).status_code == 200
    assert client.post(url("booking:cancel", mine)).status_code == 200
    assert not Booking.objects.get(pk=mine.pk).is_active


def test_after_the_deadline_the_page_says_to_phone_the_clinic(client, booking):
    open_link(client, booking)
    with time_machine.travel(at(3, 10, 1), tick=False):
        open_link(client, booking)  # the grant is renewed by the link; the deadline still holds
        for name in ("booking:manage", "booking:reschedule", "booking:cancel"):
            response = client.get(url(name, booking))
            page = response.content.decode()
            assert response.status_code == 410
            assert nl("Too late to change online") in page and "030 123 45 67" in page
        assert client.post(url("booking:cancel", booking)).status_code == 410
        slot = {"slot": at(5, 11).isoformat()}
        assert client.post(url("booking:reschedule", booking), slot).status_code == 410
        summary = client.get(url("booking:done", booking))
        assert summary.status_code == 200 and summary.context["can_change"] is False
        assert client.get(url("booking:ics", booking)).status_code == 200
        assert open_link(client.__class__(), booking)["Location"] == url("booking:done", booking)
    assert Booking.objects.get(pk=booking.pk).is_active and mail.outbox == []


def test_once_the_appointment_is_over_every_link_says_so(client, booking):
    with time_machine.travel(at(4, 10, 20), tick=False):
        response = open_link(client, booking)
    assert response.status_code == 410 and nl("This appointment is over") in response.content.decode()


@pytest.mark.parametrize("damage", [lambda t: t[:-2], lambda t: t.replace(":", ":x", 1), lambda t: "kapot"])
def test_a_tampered_link_gives_a_clear_not_found_page(client, booking, damage):
    response = open_link(client, booking, damage(token(booking)))
    assert response.status_code == 404
    assert nl("This link does not work") in response.content.decode()
    for name in ("booking:manage", "booking:reschedule", "booking:cancel", "booking:done", "booking:ics"):
        assert client.get(url(name, booking)).status_code == 404
    assert client.post(url("booking:cancel", booking)).status_code == 404
    assert Booking.objects.get(pk=booking.pk).is_active


def test_english_links_give_english_pages(client, booking):
    Booking.objects.filter(pk=booking.pk).update(language="en")
    fresh = Booking.objects.get(pk=booking.pk)
    link = links.manage_link(fresh)
    assert link.startswith("/en/afspraak/beheer/#")
    response = client.post(link.split("#")[0], {"token": link.split("#")[1]}, follow=True)
    assert response.status_code == 200 and "Wednesday 4 June 2025, 10:00" in response.content.decode()
    gone = client.post("/en/afspraak/beheer/", {"token": "kapot"})
    assert gone.status_code == 404 and "This link does not work" in gone.content.decode()
