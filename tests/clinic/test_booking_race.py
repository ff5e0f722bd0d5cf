"""Fifty people press "book" for the same time at the same moment: exactly one gets it.

Real threads, each with its own database connection, against a real database file (SQLite, see the
TEST NAME in settings) or PostgreSQL (CI sets DATABASE_URL). The test counts in the database itself, so
it fails if the lock were missing and the unique constraint were gone too, and it fails if any caller
got an error other than SlotTaken (for example SQLite's "database is locked" without IMMEDIATE mode).
"""

from __future__ import annotations

import threading

import pytest
import time_machine
from django.db import connection

from kniewijs.clinic import booking as service
from kniewijs.clinic.models import Booking
from tests.conftest import make_clinic, make_physio

from .test_booking_helpers import MONDAY_8, at, booker, knee_check

THREADS = 50
ROUNDS = [at(3, 9), at(3, 9, 20), at(4, 14)]


def race(clinic, appointment_type, start) -> list[str]:
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    guard = threading.Lock()

    def attempt(number: int) -> None:
        try:
            barrier.wait(timeout=30)
            service.book(
                clinic=clinic,
                appointment_type=appointment_type,
                starts_at=start,
                booker=booker(email=f"loper{number}@example.nl"),
            )
            outcome = "booked"
        except service.SlotTaken:
            outcome = "taken"
        except Exception as exc:  # anything else is a failure the assertions below must show
            outcome = f"error: {type(exc).__name__}: {exc}"
        finally:
            connection.close()  # each thread opened its own connection
        with guard:
            outcomes.append(outcome)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_bookings_of_one_time_give_one_booking_and_forty_nine_refusals():
    clinic = make_clinic()
    physio = make_physio("femke@fysio.nl", clinic, name="Femke de Vries")
    appointment_type = knee_check(clinic)
    with time_machine.travel(MONDAY_8, tick=False):
        for start in ROUNDS:
            outcomes = race(clinic, appointment_type, start)
            assert len(outcomes) == THREADS
            assert [o for o in outcomes if o.startswith("error")] == []
            assert outcomes.count("booked") == 1
            assert outcomes.count("taken") == THREADS - 1
            active = Booking.objects.filter(
                therapist=physio.therapist, starts_at=start, status=Booking.Status.ACTIVE
            )
            assert active.count() == 1
    assert Booking.objects.count() == len(ROUNDS)
