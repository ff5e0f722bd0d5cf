"""The first free times, found a week at a time, are exactly the first of all free times in the window."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kniewijs.clinic.models import AvailabilityException, Booking
from kniewijs.clinic.slots import next_offers, offers

from ..conftest import make_clinic, make_physio
from .test_booking_helpers import MONDAY_8, at, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("monday_morning")]


@pytest.fixture
def practice():
    clinic = make_clinic()
    physios = [
        make_physio(f"fysio{n}@example.nl", clinic, weekdays=days) for n, days in enumerate([(0, 2), (4,)])
    ]
    return clinic, physios


def test_with_a_free_first_week_the_first_offers_are_the_windows_first(practice):
    clinic, _ = practice
    kind = knee_check(clinic)
    assert next_offers(clinic, kind, now=MONDAY_8, count=6) == offers(clinic, kind, now=MONDAY_8)[:6]


def test_when_the_first_weeks_are_taken_the_search_goes_on_to_later_weeks(practice):
    clinic, physios = practice
    kind = knee_check(clinic)
    for physio in physios:  # away for the first two and a half weeks
        AvailabilityException.objects.create(
            therapist=physio.therapist, starts_at=at(2, 0), ends_at=at(19, 12), reason="vakantie"
        )
    expected = offers(clinic, kind, now=MONDAY_8)[:6]
    assert expected and expected[0].start >= at(19, 12)
    assert next_offers(clinic, kind, now=MONDAY_8, count=6) == expected
    assert len(next_offers(clinic, kind, now=MONDAY_8, count=500)) == len(offers(clinic, kind, now=MONDAY_8))


def test_a_booking_moved_is_left_out_of_the_busy_times(practice):
    clinic, physios = practice
    kind = knee_check(clinic)
    first = offers(clinic, kind, now=MONDAY_8)[0]
    booking = Booking.objects.create(
        clinic=clinic,
        therapist=physios[0].therapist,
        appointment_type=kind,
        starts_at=first.start,
        ends_at=first.end,
        name="Anna",
        email="anna@example.nl",
        phone="0612345678",
    )
    assert next_offers(clinic, kind, now=MONDAY_8, count=1)[0].start != first.start
    assert next_offers(clinic, kind, now=MONDAY_8, count=1, ignore=booking)[0] == first


def test_searching_later_weeks_asks_the_database_nothing_more(practice):
    clinic, physios = practice
    kind = knee_check(clinic)
    with CaptureQueriesContext(connection) as free_week:
        next_offers(clinic, kind, now=MONDAY_8)
    for physio in physios:
        AvailabilityException.objects.create(
            therapist=physio.therapist, starts_at=at(2, 0), ends_at=at(19, 12), reason="vakantie"
        )
    with CaptureQueriesContext(connection) as busy_weeks:
        assert next_offers(clinic, kind, now=MONDAY_8)
    assert len(busy_weeks) == len(free_week) <= 4
