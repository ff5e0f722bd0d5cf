"""Erasing an account with an appointment coming up: the erase page says so before the runner confirms, the
appointment is cancelled in the same transaction, and the clinic and the runner get the cancellation mails
once it has committed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from kniewijs.clinic import slots
from kniewijs.clinic.models import Booking
from kniewijs.privacy.erasure import erase_account

from ..clinic.test_booking_helpers import at, monday_morning  # noqa: F401 - a fixture
from ..conftest import make_booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("monday_morning")]

ERASE = reverse("privacy:erase")
PASSWORD = "een-lang-wachtwoord-42"


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


@pytest.fixture
def tomorrow_morning(runner, clinic, physio):
    """Anna's knee check tomorrow (Tuesday 3 June, 09:00), booked with another address than her account's."""
    booking = make_booking(clinic, physio, runner=runner)
    start = at(3, 9)
    Booking.objects.filter(pk=booking.pk).update(
        email="anna.prive@example.nl", starts_at=start, ends_at=start + timedelta(minutes=20)
    )
    return Booking.objects.get(pk=booking.pk)


def test_the_erase_page_lists_the_appointment_before_the_runner_confirms(runner_client, tomorrow_morning):
    page = runner_client.get(ERASE).content.decode()
    assert "dinsdag 3 juni, 09:00: Gratis kniecheck, Fysio Centrum" in page
    assert nl("Your appointment is cancelled too") in page
    assert page.index(nl("Your appointment is cancelled too")) < page.index('type="password"')
    assert Booking.objects.get(pk=tomorrow_morning.pk).is_active  # only a look


def test_a_runner_without_upcoming_appointments_is_told_nothing_about_them(
    runner, runner_client, clinic, physio
):
    past = make_booking(clinic, physio, runner=runner, hours=-30)
    assert past.starts_at < timezone.now()
    assert nl("Your appointment is cancelled too") not in runner_client.get(ERASE).content.decode()


def test_erasing_cancels_the_appointment_and_mails_the_clinic_and_the_runner_after_the_commit(
    runner, runner_client, clinic, physio, tomorrow_morning, django_capture_on_commit_callbacks
):
    clinic.email = "balie@fysio-centrum.example"
    clinic.save()
    knee_check = tomorrow_morning.appointment_type
    start = tomorrow_morning.starts_at
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        erase_account(runner)
        assert mail.outbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()

    assert not Booking.objects.filter(pk=tomorrow_morning.pk).exists()  # gone with the account
    offered = slots.offers(clinic, knee_check, now=timezone.now(), last_day=timezone.localdate(start))
    assert start in [offer.start for offer in offered]  # the time is free for someone else

    to_runner = [m for m in mail.outbox if m.to == ["anna.prive@example.nl"]]
    to_clinic = [m for m in mail.outbox if m.to == ["balie@fysio-centrum.example"]]
    assert len(to_runner) == 1 and len(to_clinic) == 1 and len(mail.outbox) == 2
    assert nl("Your appointment has been cancelled. This was the appointment:") in to_runner[0].body
    assert "Anna Loper" in to_clinic[0].body and "Gratis kniecheck" in to_clinic[0].subject
    assert "account" in to_clinic[0].body


def test_the_erase_form_cancels_the_appointment_too(
    runner_client, tomorrow_morning, physio, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = runner_client.post(ERASE, {"password": PASSWORD, "understood": "on"})
    assert response.status_code == 302
    assert {tuple(m.to) for m in mail.outbox} == {("anna.prive@example.nl",), (physio.email,)}


def test_the_cancellation_is_in_the_same_transaction_as_the_erasure(
    runner, tomorrow_morning, monkeypatch, django_capture_on_commit_callbacks
):
    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(type(runner), "delete", fail)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        erase_account(runner)
    assert Booking.objects.get(pk=tomorrow_morning.pk).is_active and mail.outbox == []


def test_an_appointment_already_past_is_not_cancelled_by_mail(
    runner, clinic, physio, django_capture_on_commit_callbacks
):
    make_booking(clinic, physio, runner=runner, hours=-2)
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(runner)
    assert mail.outbox == []


def test_a_booking_within_the_clinics_deadline_is_cancelled_too(
    runner, clinic, physio, django_capture_on_commit_callbacks
):
    soon = make_booking(clinic, physio, runner=runner, hours=2)
    assert not soon.can_change()  # the runner could not cancel it online any more
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(runner)
    assert len(mail.outbox) == 2
