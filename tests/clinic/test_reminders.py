"""Reminder e-mails: once, within 24 hours of the start, and tried again after a failed send."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kniewijs.clinic import booking as service
from kniewijs.clinic import emails, reminders
from kniewijs.clinic.models import Booking

from .test_booking_helpers import MONDAY_8, at, booker, knee_check


@pytest.fixture
def wednesday_booking(clinic, physio):
    with time_machine.travel(MONDAY_8, tick=False):
        return service.book(
            clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker()
        )


def run_at(moment) -> int:
    with time_machine.travel(moment, tick=False):
        return reminders.send_due_reminders(timezone.now(), base_url="https://kniewijs.example")


def test_no_reminder_more_than_24_hours_before(wednesday_booking):
    assert run_at(at(3, 9, 59)) == 0
    assert mail.outbox == []


def test_the_reminder_goes_once_from_24_hours_before(wednesday_booking):
    assert run_at(at(3, 10)) == 1
    assert run_at(at(3, 10, 5)) == 0
    assert run_at(at(4, 9)) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.nl"]
    assert "Fysio Centrum" in message.body and "030 123 45 67" in message.body
    assert "Loopbaan 1" in message.body
    assert "woensdag 4 juni 2025, 10:00" in message.body  # local time, Dutch day and month
    wednesday_booking.refresh_from_db()
    assert wednesday_booking.reminder_sent_at == at(3, 10)


def test_a_reminder_is_in_the_bookers_language(wednesday_booking):
    Booking.objects.filter(pk=wednesday_booking.pk).update(language="en")
    run_at(at(3, 12))
    assert "Wednesday 4 June 2025, 10:00" in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Reminder: Free knee check")


def test_cancelled_and_past_bookings_get_no_reminder(wednesday_booking):
    with time_machine.travel(MONDAY_8, tick=False):
        service.cancel(wednesday_booking)
    assert run_at(at(3, 12)) == 0
    assert run_at(at(4, 10, 30)) == 0
    assert mail.outbox == []


def test_a_failed_send_releases_the_claim_for_the_next_run(wednesday_booking, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(emails, "send_reminder", broken)
    assert run_at(at(3, 12)) == 0
    wednesday_booking.refresh_from_db()
    assert wednesday_booking.reminder_sent_at is None
    monkeypatch.undo()
    assert run_at(at(3, 12, 5)) == 1
    assert len(mail.outbox) == 1


def test_a_booking_claimed_by_another_run_is_not_sent_again(wednesday_booking, monkeypatch):
    real_due = reminders.due_bookings

    def due_then_claimed_elsewhere(now):
        found = real_due(now)
        Booking.objects.filter(pk=wednesday_booking.pk).update(reminder_sent_at=now - timedelta(seconds=1))
        return found

    monkeypatch.setattr(reminders, "due_bookings", due_then_claimed_elsewhere)
    assert run_at(at(3, 12)) == 0
    assert mail.outbox == []


def test_a_moved_booking_is_reminded_of_its_new_time(clinic, wednesday_booking):
    clinic.cancel_hours_before = 2
    clinic.save()
    assert run_at(at(3, 12)) == 1
    with time_machine.travel(at(3, 13), tick=False):
        moved = service.reschedule(Booking.objects.get(pk=wednesday_booking.pk), starts_at=at(5, 11))
    assert moved.reminder_sent_at is None
    assert run_at(at(4, 11)) == 1
    assert "donderdag 5 juni 2025, 11:00" in mail.outbox[-1].body


def test_the_reminder_has_the_change_link_only_while_online_changes_are_possible(clinic, wednesday_booking):
    run_at(at(3, 12))
    assert "/afspraak/beheer/" not in mail.outbox[0].body  # within the 24-hour deadline: phone instead
    assert "030 123 45 67" in mail.outbox[0].body
    clinic.cancel_hours_before = 2
    clinic.save()
    Booking.objects.filter(pk=wednesday_booking.pk).update(reminder_sent_at=None)
    run_at(at(3, 12))
    assert "https://kniewijs.example/afspraak/beheer/" in mail.outbox[1].body


def test_the_command_sends_due_reminders(wednesday_booking):
    out = StringIO()
    with time_machine.travel(at(3, 12), tick=False):
        call_command("send_booking_reminders", "--base-url", "https://kniewijs.example", stdout=out)
        call_command("send_booking_reminders", stdout=out)
    assert out.getvalue().splitlines() == ["1 booking reminder(s) sent", "0 booking reminder(s) sent"]
    assert len(mail.outbox) == 1
