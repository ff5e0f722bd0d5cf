"""The lockout behind the documented TLS proxy, as the attacker measured it (issue #13, M1).

Every request reaches Kniewijs from the proxy (REMOTE_ADDR 10.0.0.2) with the real client in X-Forwarded-For
and HTTPS in X-Forwarded-Proto, with BEHIND_TLS_PROXY's header and the HTTPS redirect on, as in production.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ..conftest import make_runner

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
PASSWORD = "een-lang-wachtwoord-42"
PROXY = "10.0.0.2"
ATTACKER = "203.0.113.7"
OWNER_HOME = "198.51.100.20"


@pytest.fixture(autouse=True)
def behind_the_tls_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True


@pytest.fixture
def owner(db):
    return make_runner("eigenaar@example.nl")


class Visitor:
    """A browser at one address on the internet, reaching us through the proxy."""

    def __init__(self, address: str, *, forwarded: str | None = None) -> None:
        self.client = Client()
        self.headers = {
            "REMOTE_ADDR": PROXY,
            "HTTP_X_FORWARDED_FOR": forwarded or address,
            "HTTP_X_FORWARDED_PROTO": "https",
        }

    def log_in(self, username: str = "eigenaar@example.nl", password: str = PASSWORD):
        return self.client.post(LOGIN, {"username": username, "password": password}, **self.headers)


def signed_in(visitor: Visitor) -> bool:
    return "_auth_user_id" in visitor.client.session


def test_five_wrong_passwords_from_one_client_do_not_lock_the_owner_out_elsewhere(owner):
    attacker = Visitor(ATTACKER)
    answers = [attacker.log_in(password="geraden-wachtwoord").status_code for _ in range(5)]
    assert answers == [200, 200, 200, 200, 429]  # the fifth wrong password locks this pair
    assert attacker.log_in().status_code == 429  # even the right password, from the attacker's address
    home = Visitor(OWNER_HOME)
    response = home.log_in()
    assert response.status_code == 302 and signed_in(home)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_a_made_up_x_forwarded_for_does_not_choose_the_address(owner):
    # The attacker writes the owner's address into the header; the proxy appends the real one.
    liar = Visitor(ATTACKER, forwarded=f"{OWNER_HOME}, {ATTACKER}")
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        liar.log_in(password="geraden-wachtwoord")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    assert Visitor(OWNER_HOME).log_in().status_code == 302


def test_attempts_during_the_lockout_do_not_make_it_longer(owner, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    attacker = Visitor(ATTACKER)
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        attacker.log_in(password="geraden-wachtwoord")
    for minutes in (1, 5, 10, 14):
        time_machine.move_to(start + timedelta(minutes=minutes), tick=False)
        locked = attacker.log_in(password="nog-een-gok")
        assert locked.status_code == 429
    assert locked["Retry-After"] == str(60)  # one minute of the first fifteen left, not fifteen again
    assert "1 minuut" in locked.content.decode()
    time_machine.move_to(start + timedelta(minutes=15, seconds=1), tick=False)
    assert attacker.log_in().status_code == 302


def test_the_locked_out_page_says_how_long_in_dutch_and_sends_retry_after(owner, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    attacker = Visitor(ATTACKER)
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        attacker.log_in(password="geraden-wachtwoord")
    time_machine.move_to(start + timedelta(minutes=3, seconds=30), tick=False)
    response = attacker.log_in()
    html = response.content.decode()
    assert response.status_code == 429 and response["Retry-After"] == str(11 * 60 + 30)
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    assert '<html lang="nl">' in html and "over 12 minuten opnieuw" in html
    assert f'href="{reverse("accounts:password_reset")}"' in html


def test_one_address_trying_many_accounts_is_stopped_for_every_account(owner):
    for n in range(django_settings.KNIEWIJS_LOCKOUT_ADDRESS_LIMIT):
        make_runner(f"loper{n}@example.nl")
    stuffer = Visitor(ATTACKER)
    answers = [stuffer.log_in(f"loper{n}@example.nl", "gelekt-wachtwoord").status_code for n in range(20)]
    assert answers == [200] * 19 + [429]
    assert stuffer.log_in().status_code == 429  # a right password for an account it never tried
    assert Visitor(OWNER_HOME).log_in().status_code == 302


def test_guessing_from_many_addresses_stops_new_addresses_but_not_the_owner_s_own(owner):
    home = Visitor(OWNER_HOME)
    assert home.log_in().status_code == 302  # the owner has signed in from home before
    home.client.post(reverse("accounts:logout"), **home.headers)
    answers = [Visitor(f"192.0.2.{n + 1}").log_in(password=f"gok-{n}").status_code for n in range(20)]
    assert answers == [200] * 19 + [429]  # one guess each from twenty addresses
    assert Visitor("192.0.2.200").log_in().status_code == 429  # a new address, even with the password
    again = Visitor(OWNER_HOME)
    assert again.log_in().status_code == 302 and signed_in(again)


def test_signing_in_to_one_s_own_account_does_not_wipe_what_the_address_tried_on_others(owner):
    limit = django_settings.KNIEWIJS_LOCKOUT_ADDRESS_LIMIT
    for n in range(limit):
        make_runner(f"loper{n}@example.nl")
    stuffer = Visitor(ATTACKER)
    make_runner("aanvaller@example.nl")
    for n in range(limit - 1):
        stuffer.log_in(f"loper{n}@example.nl", "gelekt-wachtwoord")
    assert stuffer.log_in("aanvaller@example.nl").status_code == 302  # its own account, right password
    stuffer.client.logout()
    assert stuffer.log_in(f"loper{limit - 1}@example.nl", "gelekt-wachtwoord").status_code == 429


def test_a_successful_sign_in_clears_the_owner_s_own_mistakes_from_that_address(owner):
    home = Visitor(OWNER_HOME)
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        home.log_in(password="tikfout")
    assert home.log_in().status_code == 302
    home.client.logout()
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        assert home.log_in(password="tikfout").status_code == 200
    assert home.log_in().status_code == 302


def test_without_trusted_proxies_the_header_is_ignored_and_the_proxy_is_the_client(owner, settings):
    """What TRUSTED_PROXIES is for: left empty behind a proxy, every visitor is the proxy (docs/deploy.md)."""
    settings.TRUSTED_PROXIES = []
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        Visitor(ATTACKER).log_in(password="geraden-wachtwoord")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}
    assert Visitor(OWNER_HOME).log_in().status_code == 429
