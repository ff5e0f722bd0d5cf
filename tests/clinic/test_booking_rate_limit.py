"""Booking spam (issue #13, M4): the details step is limited per client and per e-mail address, with a daily
cap per address, and the admin's sign-in has its own limit beside django-axes."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from kniewijs.clinic.models import Booking

from .test_booking_helpers import knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("monday_morning")]


def book(client, clinic, start, email, address):
    data = {
        "soort": knee_check(clinic).pk,
        "slot": start.isoformat(),
        "name": "Anna Jansen",
        "email": email,
        "phone": "06 12345678",
        "confirm": "1",
    }
    return client.post(reverse("booking:details", args=[clinic.slug]), data, REMOTE_ADDR=address)


def free_starts(clinic, physio, n):
    from django.utils import timezone

    from kniewijs.clinic.slots import next_offers

    return [offer.start for offer in next_offers(clinic, knee_check(clinic), now=timezone.now(), count=n)]


def test_a_fourth_booking_for_one_address_within_the_hour_is_refused_from_any_client(clinic, physio):
    starts = free_starts(clinic, physio, 4)
    codes = [
        book(Client(), clinic, s, "Doelwit@example.nl", f"192.0.2.{n}").status_code
        for n, s in enumerate(starts)
    ]
    assert codes[:3] == [302, 302, 302] and codes[3] == 429
    assert Booking.objects.count() == 3 and len(mail.outbox) == 3


def test_one_client_booking_for_many_addresses_is_stopped_after_ten_posts_an_hour(clinic, physio):
    starts = free_starts(clinic, physio, 11)
    client = Client()
    codes = [
        book(client, clinic, s, f"loper{n}@example.nl", "203.0.113.7").status_code
        for n, s in enumerate(starts)
    ]
    assert codes == [302] * 10 + [429]
    refused = book(client, clinic, starts[-1] + timedelta(days=7), "ander@example.nl", "203.0.113.7")
    assert refused.status_code == 429 and "Even geduld" in refused.content.decode()
    assert Booking.objects.count() == 10


def test_the_admin_sign_in_is_limited_per_client(client):
    url = reverse("admin:login")
    codes = [client.post(url, {}, REMOTE_ADDR="203.0.113.8").status_code for _ in range(31)]
    assert codes[-1] == 429 and 429 not in codes[:30]
    assert Client().post(url, {}, REMOTE_ADDR="198.51.100.21").status_code != 429
