"""Reminders: today's session by e-mail, once a day, in the runner's language."""

import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from kniewijs.recovery.models import ReminderSent

pytestmark = pytest.mark.django_db

ANSWERS = {
    "age": 34,
    "injury": False,
    "swelling": "none",
    "weeks": 3,
    "pain_now": 1,
    "pain_running": 2,
    "pain_next_morning": 0,
    "improving_with_rest": True,
    "location": "front",
}


def test_the_reminder_goes_once_a_day_however_often_it_runs(runner_client, runner, monkeypatch):
    runner_client.post(reverse("recovery:start"), {"state": json.dumps(ANSWERS)})
    call_command("send_reminders")
    call_command("send_reminders")
    assert ReminderSent.objects.count() == 1 and len(mail.outbox) == 1
    assert mail.outbox[0].to == [runner.email] and "vandaag" in mail.outbox[0].subject
    assert reverse("recovery:log") in mail.outbox[0].body


def test_a_failed_send_can_be_retried(runner_client, runner, monkeypatch):
    runner_client.post(reverse("recovery:start"), {"state": json.dumps(ANSWERS)})
    from kniewijs.recovery.management.commands import send_reminders

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(send_reminders, "send_mail", broken)
    with pytest.raises(OSError):
        call_command("send_reminders")
    assert not ReminderSent.objects.exists()
