"""Booking, moving and cancelling that break halfway leave the booking whole or untouched, never half.

Each operation of `kniewijs.clinic.booking` is run with one fault put in at a real point (after the lock,
after the free check, after a row is written, at the commit). Afterwards the database must show the state
from before: no booking or consent for a failed booking and its time still free; a failed move leaves
the old time held and the new one free; a failed cancel leaves the booking active. Then the same call
without the fault must succeed. A mail server that fails after the booking committed must not undo it.

The rollback is the database's own: of a real transaction for the refused commit, else of the
operation's savepoint inside the test's transaction.
"""

from __future__ import annotations

import smtplib
import time
from typing import Any
from unittest.mock import patch

import pytest
import time_machine
from django.core import mail
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from kniewijs.clinic import booking as service
from kniewijs.clinic import links, slots
from kniewijs.clinic.models import Booking, Consent
from tests.clinic.test_booking_helpers import ANSWERS, MONDAY_8, at, booker, knee_check

from ..conftest import make_clinic, make_physio, make_runner

START, LATER = at(4, 10), at(4, 11)


class Injected(Exception):
    """The fault this test puts in."""


def _fail_on(owner: Any, name: str, *, after: bool = True, error: Exception | None = None):
    """`owner.name` does its work on the first call, then raises; later calls behave."""
    original = getattr(owner, name)
    fired: list[int] = []

    def replacement(*args: Any, **kwargs: Any) -> Any:
        fired.append(1)
        if len(fired) > 1:
            return original(*args, **kwargs)
        if after:
            original(*args, **kwargs)
        raise error or Injected(f"{name} failed")

    return patch.object(owner, name, replacement), fired


POINTS = {
    "after the lock on the therapists": lambda: _fail_on(service, "_lock_therapists"),
    "after the lock on the booking": lambda: _fail_on(service, "_locked_booking"),
    "after the free check": lambda: _fail_on(slots, "free_therapists"),
    "after the consent row": lambda: _fail_on(service, "_consent_to_selfcheck"),
    "after the booking row": lambda: _fail_on(Booking, "save"),
    "the database refuses the commit": lambda: _fail_on(
        connection, "commit", after=False, error=OperationalError("could not serialize access")
    ),
}
CASES = [
    ("book", "after the lock on the therapists"),
    ("book", "after the free check"),
    ("book", "after the consent row"),
    ("book", "after the booking row"),
    ("book", "the database refuses the commit"),
    ("reschedule", "after the lock on the booking"),
    ("reschedule", "after the lock on the therapists"),
    ("reschedule", "after the free check"),
    ("reschedule", "after the booking row"),
    ("reschedule", "the database refuses the commit"),
    ("cancel", "after the lock on the booking"),
    ("cancel", "after the booking row"),
    ("cancel", "the database refuses the commit"),
]


@pytest.fixture
def scene():
    with time_machine.travel(MONDAY_8, tick=False):
        clinic = make_clinic()
        physio = make_physio("femke@fysio.nl", clinic, name="Femke de Vries")
        runner = make_runner("anna@example.nl")
        yield clinic, physio.therapist, runner


def _is_free(clinic: Any, start: Any) -> bool:
    therapists = list(clinic.therapists.filter(active=True))
    return bool(slots.free_therapists(clinic, knee_check(clinic), therapists, start, now=MONDAY_8))


def _book(clinic: Any, runner: Any) -> Booking:
    return service.book(
        clinic=clinic,
        appointment_type=knee_check(clinic),
        starts_at=START,
        booker=booker(runner=runner, selfcheck_answers=ANSWERS),
        now=MONDAY_8,
    )


def _snapshot(booking: Booking) -> tuple:
    row = Booking.objects.get(pk=booking.pk)
    return (row.status, row.starts_at, row.ends_at, row.therapist_id, row.link_version, row.cancelled_at)


COMMIT = "the database refuses the commit"


def _case(operation: str, point: str) -> Any:
    # Only a refused commit needs a real outermost transaction; elsewhere the rollback of the operation's
    # savepoint inside the test's transaction undoes the same writes, and is much quicker to set up.
    return pytest.param(
        operation,
        point,
        marks=pytest.mark.django_db(transaction=point == COMMIT),
        id=f"{operation}: {point}",
    )


@pytest.mark.parametrize(("operation", "point"), [_case(o, p) for o, p in CASES])
def test_a_fault_leaves_the_booking_whole_or_untouched_and_the_retry_succeeds(scene, operation, point):
    clinic, therapist, runner = scene
    existing = None if operation == "book" else _book(clinic, runner)
    before = None if existing is None else _snapshot(existing)
    version = None if existing is None else existing.link_version
    calls = {
        "book": lambda: _book(clinic, runner),
        "reschedule": lambda: service.reschedule(
            existing, starts_at=LATER, expected_version=version, now=MONDAY_8
        ),
        "cancel": lambda: service.cancel(existing, expected_version=version, now=MONDAY_8),
    }

    patcher, fired = POINTS[point]()
    with patcher, pytest.raises((Injected, OperationalError)):
        calls[operation]()
    assert fired, f"the fault at {point!r} was never reached"

    if operation == "book":
        assert not Booking.objects.exists()
        assert not Consent.objects.filter(runner=runner).exists()  # the consent went with the booking
        assert _is_free(clinic, START)
    else:
        assert _snapshot(existing) == before
        assert not _is_free(clinic, START)
        assert _is_free(clinic, LATER)

    done = calls[operation]()
    row = Booking.objects.get(pk=done.pk)
    assert Booking.objects.count() == 1
    assert Consent.objects.filter(runner=runner, category=Consent.Category.SELFCHECK).count() == 1
    if operation == "cancel":
        assert row.status == Booking.Status.CANCELLED and _is_free(clinic, START)
    else:
        held = LATER if operation == "reschedule" else START
        assert row.is_active and row.starts_at == held and row.therapist_id == therapist.pk
        assert not _is_free(clinic, held)
        assert _is_free(clinic, START) == (operation == "reschedule")


DETAILS = {"name": "Anna Jansen", "email": "anna@example.nl", "phone": "06 12345678", "confirm": "1"}
MAIL_DOWN = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.mark.django_db
def test_a_mail_server_failing_after_the_booking_keeps_the_booking_and_a_second_press_books_nothing(scene):
    clinic, _therapist, _runner = scene
    form = {"soort": knee_check(clinic).pk, "slot": START.isoformat(), **DETAILS}
    url = reverse("booking:details", args=[clinic.slug])
    client = Client()
    with (
        time_machine.travel(MONDAY_8, tick=False),
        patch("django.core.mail.EmailMessage.send", side_effect=MAIL_DOWN) as send,
    ):
        response = client.post(url, form, follow=True)
        again = client.post(url, form)
    assert send.called
    assert response.status_code == 200 and "e-mail" in response.content.decode().lower()
    assert again.status_code == 409
    (row,) = Booking.objects.all()
    assert row.is_active and row.starts_at == START


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["reschedule", "cancel"])
def test_a_mail_server_failing_after_a_change_keeps_the_change(scene, action):
    clinic, _therapist, runner = scene
    with time_machine.travel(MONDAY_8, tick=False):
        existing = _book(clinic, runner)
        token = links.make_token(Booking.objects.get(pk=existing.pk))
        data = {"slot": LATER.isoformat()} if action == "reschedule" else {}
        client = Client()
        client.post(reverse("booking:link"), {"token": token})
        with patch("django.core.mail.EmailMessage.send", side_effect=MAIL_DOWN) as send:
            response = client.post(reverse(f"booking:{action}", args=[existing.public_id]), data)
    assert send.called
    assert response.status_code in (200, 302)
    row = Booking.objects.get(pk=existing.pk)
    if action == "reschedule":
        assert row.is_active and row.starts_at == LATER and row.link_version == 2
    else:
        assert row.status == Booking.Status.CANCELLED and row.link_version == 2


@pytest.mark.django_db(transaction=True)
def test_a_broker_outage_after_the_booking_keeps_the_booking_and_shows_no_server_error(
    scene, unreachable_broker
):
    clinic, _therapist, _runner = scene
    form = {"soort": knee_check(clinic).pk, "slot": START.isoformat(), **DETAILS}
    client = Client(raise_request_exception=False)
    with time_machine.travel(MONDAY_8, tick=False):
        response = client.post(reverse("booking:details", args=[clinic.slug]), form)
    (row,) = Booking.objects.all()
    assert row.is_active
    assert response.status_code == 302
    deadline = time.monotonic() + 30  # the confirmation goes out from this process instead
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [m.to for m in mail.outbox] == [[row.email]]
