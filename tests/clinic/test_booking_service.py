"""The booking service: book, reschedule and cancel, with the checks it makes under its lock."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from kniewijs.clinic import booking as service
from kniewijs.clinic import slots
from kniewijs.clinic.models import Booking
from tests.conftest import make_physio

from .test_booking_helpers import ANSWERS, at, booker, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")


def book(clinic, start, **overrides):
    return service.book(
        clinic=clinic, appointment_type=knee_check(clinic), starts_at=start, booker=booker(**overrides)
    )


def test_booking_a_free_time_stores_the_appointment_for_its_duration(clinic, physio):
    booking = book(clinic, at(2, 9), language="en")
    booking.refresh_from_db()
    assert booking.therapist == physio.therapist and booking.is_active
    assert booking.ends_at - booking.starts_at == timedelta(minutes=20)
    assert (booking.name, booking.email, booking.language, booking.link_version) == (
        "Anna Jansen",
        "anna@example.nl",
        "en",
        1,
    )


def test_the_self_check_is_stored_only_with_consent(clinic, physio):
    without = book(clinic, at(2, 9))
    assert without.selfcheck_answers is None and without.report_consent_at is None and not without.has_report
    with_report = book(clinic, at(2, 9, 20), selfcheck_answers=ANSWERS)
    with_report.refresh_from_db()
    assert with_report.selfcheck_answers == ANSWERS and with_report.report_consent_at == timezone.now()


def test_a_taken_time_raises_slot_taken_and_stores_nothing_more(clinic, physio):
    book(clinic, at(2, 9))
    with pytest.raises(service.SlotTaken):
        book(clinic, at(2, 9), email="bram@example.nl")
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    "start",
    [
        at(2, 8, 40),  # before opening
        at(2, 9, 5),  # not on the grid
        at(2, 8),  # now
        at(7, 10),  # Saturday
        at(2, 9, month=8),  # beyond the bookable days
        at(30, 9, month=5),  # in the past
    ],
)
def test_a_time_that_is_not_offered_cannot_be_booked(clinic, physio, start):
    with pytest.raises(service.SlotTaken):
        book(clinic, start)
    assert not Booking.objects.exists()


def test_nothing_starts_within_the_hour_of_notice(clinic, physio):
    with time_machine.travel(at(2, 8, 1), tick=False):
        with pytest.raises(service.SlotTaken):
            book(clinic, at(2, 9))
        assert book(clinic, at(2, 9, 20)).starts_at == at(2, 9, 20)


def test_an_inactive_type_or_another_clinics_type_cannot_be_booked(clinic, other_clinic, physio):
    with pytest.raises(service.SlotTaken):
        service.book(
            clinic=clinic, appointment_type=knee_check(other_clinic), starts_at=at(2, 9), booker=booker()
        )
    kind = knee_check(clinic)
    kind.active = False
    kind.save()
    with pytest.raises(service.SlotTaken):
        book(clinic, at(2, 9))


def test_without_a_named_therapist_each_free_therapist_gets_one_booking(clinic, physio):
    second = make_physio("joris@fysio.nl", clinic, name="Joris")
    first = book(clinic, at(2, 9))
    other = book(clinic, at(2, 9), email="bram@example.nl")
    assert {first.therapist, other.therapist} == {physio.therapist, second.therapist}
    with pytest.raises(service.SlotTaken):
        book(clinic, at(2, 9), email="carla@example.nl")


def test_a_named_therapist_is_booked_or_the_slot_is_taken(clinic, physio):
    second = make_physio("joris@fysio.nl", clinic, name="Joris")
    booking = service.book(
        clinic=clinic,
        appointment_type=knee_check(clinic),
        starts_at=at(2, 9),
        booker=booker(),
        therapist=second.therapist,
    )
    assert booking.therapist == second.therapist
    with pytest.raises(service.SlotTaken):
        service.book(
            clinic=clinic,
            appointment_type=knee_check(clinic),
            starts_at=at(2, 9),
            booker=booker(),
            therapist=second.therapist,
        )


def test_the_database_constraint_still_turns_a_double_booking_into_slot_taken(clinic, physio, monkeypatch):
    book(clinic, at(2, 9))
    # Pretend the check under the lock missed the first booking: the unique constraint must catch it.
    monkeypatch.setattr(slots, "free_therapists", lambda *args, **kwargs: [physio.therapist])
    with pytest.raises(service.SlotTaken):
        book(clinic, at(2, 9), email="bram@example.nl")
    assert Booking.objects.filter(status=Booking.Status.ACTIVE).count() == 1


def test_rescheduling_frees_the_old_time_at_once_and_raises_the_link_version(clinic, physio):
    booking = book(clinic, at(4, 9))
    Booking.objects.filter(pk=booking.pk).update(reminder_sent_at=timezone.now())
    moved = service.reschedule(booking, starts_at=at(5, 11), expected_version=1)
    moved.refresh_from_db()
    assert (moved.starts_at, moved.ends_at) == (at(5, 11), at(5, 11, 20))
    assert moved.link_version == 2 and moved.reminder_sent_at is None
    assert book(clinic, at(4, 9), email="bram@example.nl").starts_at == at(4, 9)


def test_rescheduling_to_an_overlapping_time_of_its_own_is_fine(clinic, physio):
    kind = knee_check(clinic)
    kind.duration_minutes = 40
    kind.save()
    booking = book(clinic, at(4, 9))
    moved = service.reschedule(booking, starts_at=at(4, 9, 40))
    assert moved.starts_at == at(4, 9, 40)


def test_rescheduling_to_a_taken_time_keeps_the_old_one(clinic, physio):
    booking = book(clinic, at(4, 9))
    book(clinic, at(4, 10), email="bram@example.nl")
    with pytest.raises(service.SlotTaken):
        service.reschedule(booking, starts_at=at(4, 10))
    booking.refresh_from_db()
    assert booking.starts_at == at(4, 9) and booking.link_version == 1


def test_an_old_link_version_cannot_change_the_booking(clinic, physio):
    booking = book(clinic, at(3, 9))
    service.reschedule(booking, starts_at=at(3, 10), expected_version=1)
    with pytest.raises(service.StaleLink):
        service.reschedule(booking, starts_at=at(3, 11), expected_version=1)
    with pytest.raises(service.StaleLink):
        service.cancel(booking, expected_version=1)


def test_after_the_deadline_nothing_changes_online(clinic, physio):
    booking = book(clinic, at(3, 9))  # tomorrow 09:00; the deadline is today 09:00
    late = at(2, 9, 1)
    with pytest.raises(service.NotChangeable):
        service.reschedule(booking, starts_at=at(4, 9), now=late)
    with pytest.raises(service.NotChangeable):
        service.cancel(booking, now=late)
    assert service.cancel(booking, now=at(2, 8, 59)).status == Booking.Status.CANCELLED


def test_cancelling_frees_the_time_and_cannot_happen_twice(clinic, physio):
    booking = book(clinic, at(3, 9))
    cancelled = service.cancel(booking, expected_version=1)
    cancelled.refresh_from_db()
    assert cancelled.status == Booking.Status.CANCELLED and cancelled.link_version == 2
    assert cancelled.cancelled_at == timezone.now()
    assert book(clinic, at(3, 9), email="bram@example.nl").is_active
    with pytest.raises(service.NotChangeable):
        service.cancel(booking)
