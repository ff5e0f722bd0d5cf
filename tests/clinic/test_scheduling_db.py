"""Free times read from the database: weekly hours, absences, bookings, therapists and the week grid."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from kniewijs.clinic import slots
from kniewijs.clinic.models import AvailabilityException, Booking, WeeklyAvailability
from tests.conftest import make_physio

from .test_booking_helpers import AMS, at, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")


def add_booking(clinic, therapist, start, minutes=20, status=Booking.Status.ACTIVE):
    return Booking.objects.create(
        clinic=clinic,
        therapist=therapist,
        appointment_type=knee_check(clinic),
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
        status=status,
        name="Bram",
        email="bram@example.nl",
        phone="0612345678",
    )


def starts(offers):
    return [offer.start for offer in offers]


def test_the_first_free_times_start_at_nine_on_a_weekday(clinic, physio):
    first = slots.next_offers(clinic, knee_check(clinic), now=timezone.now())
    assert starts(first) == [at(2, 9), at(2, 9, 20), at(2, 9, 40), at(2, 10), at(2, 10, 20), at(2, 10, 40)]
    assert first[0].therapist_ids == (physio.therapist.pk,)
    assert first[0].end - first[0].start == timedelta(minutes=20)


def test_a_booked_time_is_not_offered_and_a_cancelled_one_is_again(clinic, physio):
    booking = add_booking(clinic, physio.therapist, at(2, 9))
    assert at(2, 9) not in starts(slots.next_offers(clinic, knee_check(clinic), now=timezone.now()))
    booking.status = Booking.Status.CANCELLED
    booking.save()
    assert at(2, 9) in starts(slots.next_offers(clinic, knee_check(clinic), now=timezone.now()))


def test_a_longer_treatment_blocks_the_knee_checks_it_overlaps(clinic, physio):
    add_booking(clinic, physio.therapist, at(2, 9, 10), minutes=30)
    offered = starts(slots.next_offers(clinic, knee_check(clinic), now=timezone.now()))
    assert offered[:2] == [at(2, 9, 40), at(2, 10)]


def test_an_absence_takes_its_days_away(clinic, physio):
    AvailabilityException.objects.create(therapist=physio.therapist, starts_at=at(2, 0), ends_at=at(4, 0))
    offered = slots.offers(clinic, knee_check(clinic), now=timezone.now())
    assert offered[0].start == at(4, 9)


def test_a_therapist_booked_at_another_clinic_is_busy_here_too(clinic, other_clinic):
    shared = make_physio("sam@fysio.nl", clinic, other_clinic, name="Sam")
    add_booking(other_clinic, shared.therapist, at(2, 9))
    assert at(2, 9) not in starts(slots.next_offers(clinic, knee_check(clinic), now=timezone.now()))


def test_an_inactive_therapist_and_other_clinics_hours_offer_nothing(clinic, other_clinic):
    away = make_physio("inactief@fysio.nl", clinic)
    away.therapist.active = False
    away.therapist.save()
    elsewhere = make_physio("elders@fysio.nl", other_clinic)
    elsewhere.therapist.clinics.add(clinic)  # works here too, but has hours only at the other clinic
    assert slots.offers(clinic, knee_check(clinic), now=timezone.now()) == []


def test_two_therapists_free_at_once_make_one_offer_until_one_is_booked(clinic, physio):
    second = make_physio("joris@fysio.nl", clinic, name="Joris")
    first = slots.next_offers(clinic, knee_check(clinic), now=timezone.now())[0]
    assert first.therapist_ids == tuple(sorted([physio.therapist.pk, second.therapist.pk]))
    add_booking(clinic, physio.therapist, at(2, 9))
    first = slots.next_offers(clinic, knee_check(clinic), now=timezone.now())[0]
    assert first.start == at(2, 9) and first.therapist_ids == (second.therapist.pk,)


def test_nothing_is_offered_beyond_the_clinics_bookable_days(clinic, physio):
    clinic.booking_days_ahead = 3
    clinic.save()
    offered = slots.offers(clinic, knee_check(clinic), now=timezone.now())
    assert {offer.start.astimezone(AMS).date() for offer in offered} == {
        date(2025, 6, d) for d in (2, 3, 4, 5)
    }


def test_the_week_grid_runs_monday_to_sunday_and_stays_inside_the_window(clinic, physio):
    now = timezone.now()
    week = slots.week_grid(clinic, knee_check(clinic), now=now)
    assert [day.date for day in week.days] == [date(2025, 6, 2) + timedelta(days=n) for n in range(7)]
    assert len(week.days[0].offers) == 24 and week.days[5].offers == [] and week.days[6].offers == []
    assert week.previous is None and week.next == date(2025, 6, 9)
    later = slots.week_grid(clinic, knee_check(clinic), now=now, monday=date(2025, 6, 12))
    assert later.monday == date(2025, 6, 9) and later.previous == date(2025, 6, 2)
    far = slots.week_grid(clinic, knee_check(clinic), now=now, monday=date(2026, 1, 5))
    assert far.monday == date(2025, 6, 30) and far.next is None  # 28 days ahead ends on Monday 30 June
    assert [len(day.offers) for day in far.days] == [24, 0, 0, 0, 0, 0, 0]
    past = slots.week_grid(clinic, knee_check(clinic), now=now, monday=date(2025, 1, 6))
    assert past.monday == date(2025, 6, 2)


def test_saturday_hours_show_on_saturday(clinic, physio):
    WeeklyAvailability.objects.create(
        therapist=physio.therapist, clinic=clinic, weekday=5, start_time=time(10), end_time=time(11)
    )
    week = slots.week_grid(clinic, knee_check(clinic), now=timezone.now())
    assert [offer.start for offer in week.days[5].offers] == [at(7, 10), at(7, 10, 20), at(7, 10, 40)]


def test_free_therapists_checks_one_exact_time(clinic, physio):
    now = timezone.now()
    everyone = slots.bookable_therapists(clinic)
    assert slots.free_therapists(clinic, knee_check(clinic), everyone, at(2, 9), now=now) == [
        physio.therapist
    ]
    assert slots.free_therapists(clinic, knee_check(clinic), everyone, at(2, 9, 5), now=now) == []
    assert slots.free_therapists(clinic, knee_check(clinic), everyone, at(2, 8, 40), now=now) == []
    booking = add_booking(clinic, physio.therapist, at(2, 9))
    assert slots.free_therapists(clinic, knee_check(clinic), everyone, at(2, 9), now=now) == []
    assert slots.free_therapists(clinic, knee_check(clinic), everyone, at(2, 9), now=now, ignore=booking)
