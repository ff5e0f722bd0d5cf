"""Signed booking links: they work until the deadline, and never when tampered with or reused."""

from __future__ import annotations

import pytest
from django.core import signing

from kniewijs.clinic import booking as service
from kniewijs.clinic import links

from .test_booking_helpers import at, booker, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")


@pytest.fixture
def booking(clinic, physio):
    """Wednesday 4 June 10:00; the clinic's deadline is 24 hours before."""
    return service.book(
        clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker()
    )


def test_a_fresh_link_opens_its_booking(booking):
    token = links.make_token(booking)
    assert links.open_booking(token, for_change=True) == booking
    assert links.link_version(token) == 1


def test_the_link_names_only_the_public_id_and_version(booking):
    payload = signing.loads(links.make_token(booking), salt=links.SALT)
    assert payload == {"b": str(booking.public_id), "v": 1}


@pytest.mark.parametrize(
    "damage", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: t[:10], lambda t: "x" + t]
)
def test_a_tampered_link_is_invalid(booking, damage):
    with pytest.raises(links.LinkInvalid) as caught:
        links.open_booking(damage(links.make_token(booking)), for_change=False)
    assert caught.value.status == 404 and caught.value.booking is None


def test_a_link_signed_for_something_else_or_a_missing_booking_is_invalid(booking):
    other_salt = signing.dumps({"b": str(booking.public_id), "v": 1}, salt="something.else")
    wrong_shape = signing.dumps(["b", 1], salt=links.SALT)
    unknown = signing.dumps({"b": "00000000-0000-0000-0000-000000000000", "v": 1}, salt=links.SALT)
    for token in (other_salt, wrong_shape, unknown):
        with pytest.raises(links.LinkInvalid):
            links.open_booking(token, for_change=False)


def test_a_link_from_before_a_reschedule_or_cancel_is_replaced(booking):
    old = links.make_token(booking)
    moved = service.reschedule(booking, starts_at=at(5, 10))
    with pytest.raises(links.LinkReplaced) as caught:
        links.open_booking(old, for_change=False)
    assert caught.value.status == 410 and caught.value.booking == booking
    newer = links.make_token(moved)
    assert links.open_booking(newer, for_change=True) == moved
    service.cancel(moved)
    with pytest.raises(links.LinkReplaced):
        links.open_booking(newer, for_change=False)


def test_after_the_deadline_the_link_shows_the_booking_but_no_longer_changes_it(booking):
    token = links.make_token(booking)
    assert links.open_booking(token, for_change=True, now=at(3, 9, 59))
    with pytest.raises(links.LinkExpired) as caught:
        links.open_booking(token, for_change=True, now=at(3, 10))
    assert caught.value.status == 410 and caught.value.booking == booking
    assert links.open_booking(token, for_change=False, now=at(4, 10, 10)) == booking
    with pytest.raises(links.LinkExpired):
        links.open_booking(token, for_change=False, now=at(4, 10, 20))


def test_a_clinic_with_a_shorter_deadline_allows_changes_later(booking, clinic):
    clinic.cancel_hours_before = 2
    clinic.save()
    booking.refresh_from_db()
    assert links.open_booking(links.make_token(booking), for_change=True, now=at(4, 7, 59))
    with pytest.raises(links.LinkExpired):
        links.open_booking(links.make_token(booking), for_change=True, now=at(4, 8))


def test_paths_follow_the_bookers_language(booking):
    assert links.manage_path(booking).startswith("/afspraak/beheer/")
    booking.language = "en"
    assert links.manage_path(booking).startswith("/en/afspraak/beheer/")
    assert links.done_path(booking).startswith("/en/afspraak/bevestigd/")
    assert links.ics_path(booking).endswith("/agenda.ics")
