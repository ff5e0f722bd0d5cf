"""Signing in gives a new session key and a new CSRF token, so a value planted before login is worthless."""

from django.test import Client
from django.urls import reverse

from ..conftest import make_runner


def test_the_session_key_and_the_csrf_token_change_at_login(db):
    make_runner("rotatie@example.nl")
    client = Client()
    client.get(reverse("accounts:login"))
    client.session.save()
    before_session = client.session.session_key
    before_csrf = client.cookies["csrftoken"].value
    response = client.post(
        reverse("accounts:login"), {"username": "rotatie@example.nl", "password": "een-lang-wachtwoord-42"}
    )
    assert response.status_code == 302
    assert client.cookies["sessionid"].value != before_session
    assert client.cookies["csrftoken"].value != before_csrf
