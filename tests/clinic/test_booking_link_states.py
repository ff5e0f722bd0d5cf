# ruff: noqa: F811 - pytest fixtures imported from test_booking_manage are taken as parameters
"""What the manage page and the mailed link say follows the booking's real state: active, moved, cancelled, and
whether the link the runner holds is the newest one. And within the clinic's deadline, the mails give the
clinic's number instead of a change link."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation

from kniewijs.clinic import booking as service
from kniewijs.clinic import emails
from kniewijs.clinic.models import Booking

from ..conftest import make_booking
from .test_booking_helpers import at, monday_morning  # noqa: F401 - a fixture
from .test_booking_manage import booking, open_link, token, url  # noqa: F401, F811 - fixtures

pytestmark = pytest.mark.usefixtures("monday_morning")

REPLACED = (
    "The appointment has been moved or cancelled since this link was sent. "
    "Use the link in your most recent e-mail about it."
)
MOVED_NOTE = "This appointment has been moved; this is its new time."
CANCELLED = "This appointment is cancelled"
NEWEST = "This was its most recent link; there is no newer one."
CHANGED_THEN_CANCELLED = (
    "The appointment was changed after this link was sent, and has since been cancelled. "
    "No link works for it any more."
)
MOVED_SINCE = (
    "The appointment has been moved to another time since this link was sent. "
    "The e-mail about that move holds the link that works now."
)


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def has(page: str, msgid: str) -> bool:
    """The Dutch of one of our own texts is on the page (Django escapes the apostrophes it may hold)."""
    return nl(msgid) in page or nl(msgid).replace("'", "&#x27;") in page


def test_an_active_booking_that_was_never_moved_says_nothing_about_other_links(client, booking):
    open_link(client, booking)
    page = client.get(url("booking:manage", booking)).content.decode()
    assert not has(page, MOVED_NOTE)
    assert nl("After that, please phone the clinic: %(phone)s.") % {"phone": "030 123 45 67"} in page


def test_after_a_move_the_manage_page_says_this_is_the_new_time_and_this_link_the_newest(client, booking):
    open_link(client, booking)
    client.post(url("booking:reschedule", booking), {"slot": at(5, 11).isoformat()})
    page = client.get(url("booking:manage", booking)).content.decode()
    assert has(page, MOVED_NOTE) and "donderdag 5 juni 2025, 11:00" in page


def test_the_link_from_before_a_move_says_it_was_moved_not_cancelled(client, booking):
    old = token(booking)
    service.reschedule(Booking.objects.get(pk=booking.pk), starts_at=at(5, 9))
    response = open_link(client, booking, old)
    page = response.content.decode()
    assert response.status_code == 410
    assert has(page, MOVED_SINCE) and not has(page, CANCELLED) and not has(page, REPLACED)
    assert "030 123 45 67" in page  # it still stands, so the clinic's number is there to change it


def test_after_cancelling_the_newest_link_says_cancelled_and_that_no_newer_link_exists(client, booking):
    newest = token(booking)
    open_link(client, booking)
    client.post(url("booking:cancel", booking))
    for response in (
        client.get(url("booking:manage", booking)),
        open_link(client.__class__(), booking, newest),
    ):
        page = response.content.decode()
        assert response.status_code == 410
        assert has(page, CANCELLED)
        assert (
            nl("It was cancelled on %(day)s. This was its most recent link; there is no newer one.")
            % {"day": "2 juni 2025"}
            in page
        )
        assert not has(page, REPLACED) and not has(page, MOVED_SINCE)


def test_a_link_from_before_a_move_of_a_booking_cancelled_later_says_both(client, booking):
    first = token(booking)
    moved = service.reschedule(Booking.objects.get(pk=booking.pk), starts_at=at(5, 9))
    service.cancel(moved)
    page = open_link(client, booking, first).content.decode()
    assert has(page, CANCELLED) and has(page, CHANGED_THEN_CANCELLED)
    assert not has(page, "It was cancelled on %(day)s. This was its most recent link; there is no newer one.")
    assert not has(page, REPLACED)


def test_a_booking_cancelled_in_the_admin_keeps_its_link_version_and_that_link_counts_as_the_newest(
    client, booking
):
    key = token(booking)
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.CANCELLED)  # no cancelled_at either
    page = open_link(client, booking, key).content.decode()
    assert has(page, CANCELLED) and has(page, NEWEST)


# --- within the deadline: no link, the clinic's number --------------------------------------------------
def test_a_confirmation_within_the_deadline_has_no_link_and_gives_the_clinics_number(clinic, physio):
    soon = make_booking(clinic, physio, hours=3)
    emails.send(emails.CONFIRMATION, soon)
    (message,) = mail.outbox
    assert "/afspraak/beheer/" not in message.body
    assert nl("Later than that, please phone the clinic: %(phone)s.").split("%")[0] not in message.body
    assert (
        nl("Need another time, or can you not come? Please phone the clinic: %(phone)s.")
        % {"phone": "030 123 45 67"}
        in message.body
    )
    assert "minder dan 24 uur" in message.body


def test_without_a_phone_number_the_mail_gives_the_clinics_address(clinic, physio):
    clinic.phone = ""
    clinic.email = "balie@fysio-centrum.example"
    clinic.save()
    emails.send(emails.REMINDER, make_booking(clinic, physio, hours=3))
    (message,) = mail.outbox
    assert "balie@fysio-centrum.example" in message.body and "/afspraak/beheer/" not in message.body


def test_a_confirmation_in_good_time_keeps_the_link_and_the_number_for_later(clinic, physio):
    emails.send(emails.CONFIRMATION, make_booking(clinic, physio, hours=72))
    (message,) = mail.outbox
    assert "/afspraak/beheer/#" in message.body
    assert (
        nl("Later than that, please phone the clinic: %(phone)s.") % {"phone": "030 123 45 67"}
        in message.body
    )
