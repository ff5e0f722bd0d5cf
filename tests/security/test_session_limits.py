"""Sessions end after idle time and after an absolute limit; clinic accounts sooner than runners."""

from datetime import timedelta

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ..conftest import verified_client

DASHBOARD = "training:dashboard"


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_runner_who_comes_back_within_the_idle_limit_stays_signed_in(runner, settings):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = _signed_in(runner)
        assert client.get(reverse(DASHBOARD)).status_code == 200
        clock.shift(timedelta(minutes=settings.KNIEWIJS_IDLE_MINUTES - 5))
        assert client.get(reverse(DASHBOARD)).status_code == 200


def test_a_runner_idle_for_longer_than_the_limit_is_signed_out(runner, settings):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = _signed_in(runner)
        assert client.get(reverse(DASHBOARD)).status_code == 200
        clock.shift(timedelta(minutes=settings.KNIEWIJS_IDLE_MINUTES + 1))
        response = client.get(reverse(DASHBOARD))
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
        assert client.get(reverse(DASHBOARD)).status_code == 302  # the session is gone, not just this request


def test_an_always_active_runner_is_still_signed_out_at_the_absolute_limit(runner, settings):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = _signed_in(runner)
        client.get(reverse(DASHBOARD))
        step = timedelta(minutes=settings.KNIEWIJS_IDLE_MINUTES - 1)
        elapsed = timedelta(0)
        while elapsed + step < timedelta(hours=settings.KNIEWIJS_SESSION_MAX_HOURS):
            clock.shift(step)
            elapsed += step
            assert client.get(reverse(DASHBOARD)).status_code == 200
        clock.shift(step)
        assert client.get(reverse(DASHBOARD)).status_code == 302


def test_a_physio_is_signed_out_after_the_shorter_clinic_idle_limit(physio, settings):
    assert settings.KNIEWIJS_CLINIC_IDLE_MINUTES < settings.KNIEWIJS_IDLE_MINUTES
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = verified_client(physio)
        assert client.get(reverse("physio:dashboard")).status_code == 200
        clock.shift(timedelta(minutes=settings.KNIEWIJS_CLINIC_IDLE_MINUTES + 1))
        response = client.get(reverse("physio:dashboard"))
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
