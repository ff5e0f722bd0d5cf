"""Rate limits (issue #13, M4): sign-up, password reset, login and the PDFs, and the decorator for the rest."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from kniewijs.web.ratelimits import hit, limited

from ..conftest import make_runner

pytestmark = pytest.mark.django_db

SIGNUP = reverse("accounts:signup")
RESET = reverse("accounts:password_reset")
LOGIN = reverse("accounts:login")
SELFCHECK_PDF = reverse("selfcheck:pdf")
PROGRAMME_PDF = reverse("recovery:pdf")


@pytest.fixture(autouse=True)
def _mail_inline(settings):
    settings.KNIEWIJS_JOBS_INLINE = True


def at(address: str) -> dict[str, str]:
    return {"REMOTE_ADDR": address}


def test_a_fourth_sign_up_for_one_address_within_the_hour_is_refused_from_any_client(client):
    codes = [
        Client().post(SIGNUP, {"email": "Doelwit@example.nl"}, **at(f"192.0.2.{n}")).status_code
        for n in range(4)
    ]
    assert codes == [302, 302, 302, 429]
    assert len(mail.outbox) == 3  # no fourth mail into that inbox
    assert Client().post(SIGNUP, {"email": "iemand@example.nl"}, **at("192.0.2.9")).status_code == 302


def test_one_client_may_ask_for_ten_sign_ups_an_hour(client):
    codes = [
        client.post(SIGNUP, {"email": f"loper{n}@example.nl"}, **at("203.0.113.7")).status_code
        for n in range(11)
    ]
    assert codes == [302] * 10 + [429]
    assert Client().post(SIGNUP, {"email": "ander@example.nl"}, **at("198.51.100.20")).status_code == 302


def test_a_fourth_reset_for_one_address_within_the_hour_is_refused(client):
    make_runner("loper@example.nl")
    codes = [
        Client().post(RESET, {"email": "loper@example.nl"}, **at(f"192.0.2.{n}")).status_code
        for n in range(4)
    ]
    assert codes == [302, 302, 302, 429]
    assert len(mail.outbox) == 3


def test_the_daily_cap_per_address_holds_across_the_hours(client, time_machine):
    from django_ratelimit.core import _get_window

    # Start just after this address's day window began (django-ratelimit staggers window edges per key).
    time_machine.move_to(timezone.now(), tick=False)
    day_starts = _get_window("doelwit@example.nl", 24 * 3600) - 24 * 3600
    start = datetime.fromtimestamp(day_starts + 1, tz=UTC)
    sent = []
    for n in range(8):  # every two hours, so the hourly limit never bites
        time_machine.move_to(start + timedelta(hours=2 * n), tick=False)
        sent.append(Client().post(SIGNUP, {"email": "doelwit@example.nl"}, **at(f"192.0.2.{n}")).status_code)
    assert sent == [302] * 5 + [429] * 3


def test_the_login_form_takes_thirty_posts_a_quarter_hour_per_client(client):
    codes = [client.post(LOGIN, {}, **at("203.0.113.7")).status_code for _ in range(31)]
    assert codes == [200] * 30 + [429]
    assert Client().post(LOGIN, {}, **at("198.51.100.20")).status_code == 200


def test_the_self_check_pdf_is_limited_per_client_with_the_dutch_429_page(client):
    codes = [
        client.post(SELFCHECK_PDF, {"state": "kapot"}, **at("203.0.113.7")).status_code for _ in range(5)
    ]
    assert codes == [400] * 5  # counted even when the answers do not parse
    refused = client.post(SELFCHECK_PDF, {"state": "kapot"}, **at("203.0.113.7"))
    html = refused.content.decode()
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60
    assert '<html lang="nl">' in html and "Even geduld" in html and 'href="tel:112"' in html
    assert "over 1 minuut opnieuw" in html and "huisartsenpost" in html and "praktijk" in html
    assert refused["Cache-Control"] == "no-store"
    assert Client().post(SELFCHECK_PDF, {"state": "kapot"}, **at("198.51.100.20")).status_code == 400


def test_the_429_page_has_an_english_version(client):
    for _ in range(5):
        client.post(SELFCHECK_PDF, {"state": "kapot"})
    english = client.post("/en" + SELFCHECK_PDF, {"state": "kapot"})
    assert english.status_code == 429
    html = english.content.decode()
    assert '<html lang="en">' in html and "Please wait a moment" in html


def test_the_self_check_pdf_counts_the_real_client_behind_the_proxy(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        client.post(SELFCHECK_PDF, {"state": "kapot"}, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    bad = {"state": "kapot"}
    assert client.post(SELFCHECK_PDF, bad, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code == 429
    assert client.post(SELFCHECK_PDF, bad, HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy).status_code == 400


def test_the_programme_pdf_is_limited_per_account_whatever_the_address(runner):
    browser = Client()
    browser.force_login(runner)
    codes = [browser.get(PROGRAMME_PDF, **at(f"192.0.2.{n}")).status_code for n in range(6)]
    assert codes[:5] == [404] * 5 and codes[5] == 429  # no programme yet: 404, and counted all the same
    other = Client()
    other.force_login(make_runner("bram@example.nl"))
    assert other.get(PROGRAMME_PDF, **at("192.0.2.1")).status_code == 404


# --- the decorator other views use -------------------------------------------------------------------------
@limited("test-booking", per_ip="10/h", per_field=("email", "2/d"))
def booking_like(request: HttpRequest) -> HttpResponse:
    return HttpResponse("geboekt")


def post(email: str = "", address: str = "203.0.113.7", method: str = "post"):
    factory = RequestFactory()
    request = getattr(factory, method)(
        "/afspraak/", {"email": email} if method == "post" else {}, REMOTE_ADDR=address
    )
    request.user = __import__("django.contrib.auth.models", fromlist=["AnonymousUser"]).AnonymousUser()
    return booking_like(request)


def test_the_decorator_counts_per_address_field_value_however_it_is_written(time_machine):
    # A fixed moment: the day's window is offset per key, so at some moments of the day less than an hour of
    # it is left, and the check below would depend on the time the suite runs.
    time_machine.move_to(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), tick=False)
    assert post(" Anna@Example.NL ", "192.0.2.1").status_code == 200
    assert post("anna@example.nl", "192.0.2.2").status_code == 200
    refused = post("ANNA@example.nl", "192.0.2.3")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 3600  # the rest of the day's window
    assert "uur" in refused.content.decode()
    assert post("bram@example.nl", "192.0.2.3").status_code == 200


def test_the_decorator_counts_per_client_and_lets_other_methods_through():
    codes = [post(f"loper{n}@example.nl").status_code for n in range(11)]
    assert codes == [200] * 10 + [429]
    assert post(method="get").status_code == 200  # showing the form costs nothing
    assert post("ander@example.nl", "198.51.100.20").status_code == 200


def test_a_window_that_ends_lets_the_client_in_again(time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    codes = [post(f"loper{n}@example.nl").status_code for n in range(11)]
    assert codes[-1] == 429
    wait = int(post("nog-een@example.nl")["Retry-After"])
    time_machine.move_to(start + timedelta(seconds=wait + 1), tick=False)
    assert post("weer@example.nl").status_code == 200


def test_hit_counts_inside_a_view_and_says_how_long_to_wait():
    request = RequestFactory().post("/", {"email": "a@example.nl"}, REMOTE_ADDR="203.0.113.7")
    assert hit(request, "test-hit", per_field=("email", "1/h")) is None
    wait = hit(request, "test-hit", per_field=("email", "1/h"))
    assert wait is not None and 1 <= wait <= 3600


@pytest.mark.parametrize("rate", ["10", "10/x", "tien/h", "10 per h"])
def test_a_mistyped_rate_fails_at_once(rate):
    with pytest.raises(ValueError, match="not a rate"):
        limited("x", per_ip=rate)
    with pytest.raises(ValueError, match="needs per_ip"):
        limited("x")
