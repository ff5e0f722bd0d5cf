"""Accounts through Django's test client: sign-up, login with lockout, logout, password reset and change."""

import ast
import re
from datetime import timedelta
from pathlib import Path

import polib
import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kniewijs.accounts import forms as account_forms
from kniewijs.accounts import views as account_views
from kniewijs.accounts.signup import make_token as make_signup_token

pytestmark = pytest.mark.django_db

User = get_user_model()

SIGNUP = reverse("accounts:signup")
LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")
ACCOUNT = reverse("accounts:account")
RESET = reverse("accounts:password_reset")
CHANGE = reverse("accounts:password_change")
PASSWORD = "knie-herstel-2024!"
NEW_PASSWORD = "rustig-opbouwen-77"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture(autouse=True)
def _background_work_inline(settings):
    """The reset mail is sent as background work; here it runs at once so the outbox holds it."""
    settings.KNIEWIJS_JOBS_INLINE = True


@pytest.fixture
def runner():
    return User.objects.create_user(username="loper@example.nl", email="loper@example.nl", password=PASSWORD)


@pytest.fixture
def logged_in(client, runner):
    client.force_login(runner, backend=MODEL_BACKEND)
    return client


def after_login():
    """Where a login lands without `next`; the training app names it, a plain string until it exists."""
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


def log_in(client, username="loper@example.nl", password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


# ---- sign-up: the address first, the password behind the mailed link ----

SENT = reverse("accounts:signup_sent")


def confirm_link_from(message):
    return re.search(r"https?://testserver(/\S+/bevestigen/\S+/)", message.body).group(1)


def sign_up(client, email="nieuwe.loper@example.nl", password=PASSWORD, next_url=""):
    """Through both steps, reading the link from the mail; returns the answer to the password form."""
    mail.outbox.clear()
    client.post(SIGNUP + (f"?next={next_url}" if next_url else ""), {"email": email})
    return client.post(confirm_link_from(mail.outbox[-1]), {"password": password})


def test_signing_up_mails_a_link_and_makes_no_account_until_it_is_opened(client):
    response = client.post(SIGNUP, {"email": "  Nieuwe.Loper@Example.NL "})
    assert response.status_code == 302 and response["Location"] == SENT
    assert not User.objects.exists() and logged_in_user_id(client) is None
    [message] = mail.outbox
    assert message.to == ["nieuwe.loper@example.nl"] and message.subject == "Uw account bij Kniewijs"
    link = confirm_link_from(message)
    page = client.get(link)
    assert page.status_code == 200 and page.context["state"] == "form"
    assert 'autocomplete="new-password"' in page.content.decode()
    assert not User.objects.exists()  # opening the link (a mail scanner does) makes nothing yet
    response = client.post(link, {"password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == after_login()
    user = User.objects.get()
    assert user.username == user.email == "nieuwe.loper@example.nl"
    assert logged_in_user_id(client) == str(user.pk)


def test_a_new_password_is_stored_with_argon2(client):
    sign_up(client, "loper@example.nl")
    user = User.objects.get()
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)


def test_the_check_your_e_mail_page_names_the_address_and_sends_again(client):
    client.post(SIGNUP, {"email": "nieuwe.loper@example.nl"})
    page = client.get(SENT)
    html = page.content.decode()
    assert page.status_code == 200 and '<html lang="nl">' in html
    assert "nieuwe.loper@example.nl" in html and "Kijk in uw mailbox" in html
    assert "48 uur" in html and "spam" in html
    assert f'action="{SIGNUP}"' in html and 'name="email" value="nieuwe.loper@example.nl"' in html
    client.post(SIGNUP, {"email": "nieuwe.loper@example.nl"})  # "send again" posts the same form
    assert len(mail.outbox) == 2 and confirm_link_from(mail.outbox[1])


def without_csrf_token(response):
    """The token is masked afresh for every response; the rest of the page must be byte for byte the same."""
    return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", response.content.decode())


def test_a_known_address_gets_the_same_answer_and_a_mail_saying_there_is_an_account(runner):
    known_client, unknown_client = Client(), Client()
    known = known_client.post(SIGNUP, {"email": "LOPER@example.nl"})
    unknown = unknown_client.post(SIGNUP, {"email": "niemand@example.nl"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    known_page = without_csrf_token(known_client.get(SENT)).replace("loper@example.nl", "ADRES")
    unknown_page = without_csrf_token(unknown_client.get(SENT)).replace("niemand@example.nl", "ADRES")
    assert known_page == unknown_page
    exists, confirm = mail.outbox
    assert exists.to == ["loper@example.nl"] and exists.subject == confirm.subject
    assert "al een account" in exists.body and f"http://testserver{LOGIN}" in exists.body
    assert f"http://testserver{RESET}" in exists.body and "/bevestigen/" not in exists.body
    assert "/bevestigen/" in confirm.body
    assert User.objects.count() == 1


def test_both_sign_up_mails_go_through_the_background_mail_task(client, runner, monkeypatch, settings):
    from kniewijs import tasks

    settings.KNIEWIJS_JOBS_INLINE = False
    handed_over = []
    monkeypatch.setattr(tasks, "dispatch", lambda task, *args: handed_over.append((task, args)))
    client.post(SIGNUP, {"email": "loper@example.nl"})
    client.post(SIGNUP, {"email": "niemand@example.nl"})
    client.post(RESET, {"email": "loper@example.nl"})
    client.post(RESET, {"email": "niemand@example.nl"})
    assert [task for task, _ in handed_over] == [tasks.send_email] * 4
    assert [args[3] for _, args in handed_over] == [["loper@example.nl"], ["niemand@example.nl"]] * 2
    assert mail.outbox == []  # nothing was sent while the request waited


def test_a_link_for_an_address_that_got_an_account_meanwhile_says_to_log_in(client):
    client.post(SIGNUP, {"email": "loper@example.nl"})
    link = confirm_link_from(mail.outbox[0])
    User.objects.create_user(username="LOPER@example.nl", email="LOPER@example.nl", password=PASSWORD)
    page = client.get(link)
    assert page.context["state"] == "exists" and f'href="{LOGIN}"' in page.content.decode()
    assert client.post(link, {"password": NEW_PASSWORD}).context["state"] == "exists"
    assert User.objects.count() == 1 and logged_in_user_id(client) is None


def test_a_link_works_once(client):
    sign_up(client, "loper@example.nl")
    link = confirm_link_from(mail.outbox[-1])
    stranger = Client()
    again = stranger.post(link, {"password": NEW_PASSWORD})
    assert again.status_code == 200 and again.context["state"] == "exists"
    assert User.objects.get().check_password(PASSWORD)


def test_a_confirmation_that_loses_the_race_for_an_address_says_to_log_in(client, monkeypatch):
    client.post(SIGNUP, {"email": "loper@example.nl"})
    link = confirm_link_from(mail.outbox[0])
    User.objects.create_user(username="loper@example.nl", email="loper@example.nl", password=PASSWORD)
    # As if the other confirmation committed between this view's check and its insert.
    monkeypatch.setattr(account_views, "email_is_taken", lambda email: False)
    response = client.post(link, {"password": NEW_PASSWORD})
    assert response.status_code == 200 and response.context["state"] == "exists"
    assert User.objects.count() == 1


def test_a_link_older_than_48_hours_no_longer_works(client, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    client.post(SIGNUP, {"email": "loper@example.nl"})
    link = confirm_link_from(mail.outbox[0])
    time_machine.move_to(start + timedelta(hours=47, minutes=59), tick=False)
    assert client.get(link).context["state"] == "form"
    time_machine.move_to(start + timedelta(hours=48, seconds=1), tick=False)
    page = client.get(link)
    assert page.context["state"] == "invalid" and f'href="{SIGNUP}"' in page.content.decode()
    assert client.post(link, {"password": PASSWORD}).context["state"] == "invalid"
    assert not User.objects.exists()


@pytest.mark.parametrize("tamper", [lambda t: t[:-2] + "xx", lambda t: "x" + t[1:], lambda t: "onzin"])
def test_a_forged_or_damaged_link_makes_no_account(client, tamper):
    client.post(SIGNUP, {"email": "loper@example.nl"})
    token = confirm_link_from(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    link = reverse("accounts:signup_confirm", args=[tamper(token)])
    assert client.post(link, {"password": PASSWORD}).context["state"] == "invalid"
    assert not User.objects.exists()


def test_a_link_cannot_be_made_for_another_address_without_the_key(client):
    from django.core import signing

    forged = signing.dumps({"email": "slachtoffer@example.nl", "next": ""}, salt="iets-anders", compress=True)
    response = client.post(reverse("accounts:signup_confirm", args=[forged]), {"password": PASSWORD})
    assert response.context["state"] == "invalid" and not User.objects.exists()


def test_a_weak_password_is_refused_with_django_s_dutch_explanation(client):
    response = sign_up(client, "loper@example.nl", password="12345678")
    html = response.content.decode()
    assert response.status_code == 200 and not User.objects.exists()
    assert "Dit wachtwoord bevat alleen cijfers." in html and "Dit wachtwoord is te algemeen." in html
    assert response.context["form"].has_error("password", "password_too_short")


def test_a_password_too_like_the_address_is_refused(client):
    response = sign_up(client, "hardloper.amsterdam@example.nl", password="hardloper.amsterdam")
    assert response.context["form"].has_error("password", "password_too_similar")


def test_the_error_summary_links_each_message_to_its_field(client):
    html = client.post(SIGNUP, {"email": "geen-adres"}).content.decode()
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_email"' in summary
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_error"' in html and 'aria-invalid="true"' in html
    assert mail.outbox == []
    password_page = sign_up(client, "loper@example.nl", password="").content.decode()
    assert 'href="#id_password"' in password_page.split('class="error-summary"')[1].split("</div>")[0]


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [("/kennis/", "/kennis/"), ("https://phishing.example/", None), ("//phishing.example/", None)],
)
def test_sign_up_goes_on_to_a_safe_next_only(client, next_url, expected):
    response = sign_up(client, "loper@example.nl", next_url=next_url)
    assert response["Location"] == (expected or after_login())


def test_the_sign_up_page_carries_next_into_its_form_and_the_login_link(client):
    html = client.get(SIGNUP + "?next=/kniecheck/").content.decode()
    assert '<input type="hidden" name="next" value="/kniecheck/">' in html
    assert f'href="{LOGIN}?next=/kniecheck/"' in html


def test_a_logged_in_runner_who_opens_sign_up_or_a_link_is_sent_on(logged_in):
    response = logged_in.get(SIGNUP)
    assert response.status_code == 302 and response["Location"] == after_login()
    link = reverse("accounts:signup_confirm", args=[make_signup_token("ander@example.nl")])
    assert logged_in.get(link)["Location"] == after_login()
    assert logged_in.post(link, {"password": NEW_PASSWORD}).status_code == 302
    assert not User.objects.filter(username="ander@example.nl").exists()


# ---- login ----


def test_logging_in_with_the_address_in_any_case_works_and_rotates_the_session_key(client, runner):
    session = client.session
    session["seen_home_page"] = True
    session.save()
    key_before = session.session_key
    response = log_in(client, username=" Loper@EXAMPLE.nl")
    assert response.status_code == 302 and response["Location"] == after_login()
    assert logged_in_user_id(client) == str(runner.pk)
    assert client.session.session_key != key_before
    assert not SessionStore().exists(key_before)


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client, runner):
    wrong_password = log_in(client, password="verkeerd-wachtwoord")
    unknown_address = log_in(client, username="onbekend@example.nl")
    assert wrong_password.status_code == unknown_address.status_code == 200
    assert (
        wrong_password.context["form"].non_field_errors()
        == unknown_address.context["form"].non_field_errors()
    )
    assert logged_in_user_id(client) is None


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/kennis/oorzaken/", "/kennis/oorzaken/"),
        ("https://phishing.example/", None),
        ("///phishing.example", None),
    ],
)
def test_login_goes_on_to_a_safe_next_only(client, runner, next_url, expected):
    response = log_in(client, next=next_url)
    assert response["Location"] == (expected or after_login())


def test_the_sixth_attempt_is_refused_with_the_locked_out_page_even_with_the_right_password(client, runner):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="verkeerd-wachtwoord")
    response = log_in(client)
    assert response.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert f'href="{RESET}"' in html and '<html lang="nl">' in html
    assert logged_in_user_id(client) is None


def test_the_lockout_counts_an_address_however_it_is_capitalised(client, runner):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(
            client, username="loper@example.nl".upper() if attempt % 2 else "loper@example.nl", password="x"
        )
    assert log_in(client).status_code == 429


def test_after_the_cool_off_the_right_password_works_again(client, runner, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="verkeerd-wachtwoord")
    assert log_in(client).status_code == 429
    time_machine.move_to(start + timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1), tick=False)
    response = log_in(client)
    assert response.status_code == 302 and logged_in_user_id(client) == str(runner.pk)


# ---- logout ----


def test_logging_out_takes_a_post_and_a_get_only_asks(logged_in, runner):
    page = logged_in.get(LOGOUT)
    assert page.status_code == 200 and logged_in_user_id(logged_in) == str(runner.pk)
    assert f'<form method="post" action="{LOGOUT}">' in page.content.decode()
    response = logged_in.post(LOGOUT)
    assert response.status_code == 302 and response["Location"] == resolve_url(settings.LOGOUT_REDIRECT_URL)
    assert logged_in_user_id(logged_in) is None


# ---- password reset ----


def reset_link_from(message):
    return re.search(r"https?://testserver(/\S+/)", message.body).group(1)


def test_a_reset_mail_holds_a_link_that_sets_a_new_password(client, runner):
    response = client.post(RESET, {"email": "LOPER@example.nl"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["loper@example.nl"]
    form_page = client.get(reset_link_from(mail.outbox[0]), follow=True)
    assert form_page.context["validlink"] is True
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    runner.refresh_from_db()
    assert runner.check_password(NEW_PASSWORD) and runner.password.startswith("argon2$")
    assert log_in(client, password=NEW_PASSWORD).status_code == 302


def test_an_unknown_address_gets_exactly_the_same_answer(client, runner):
    known = client.post(RESET, {"email": "loper@example.nl"})
    unknown = client.post(RESET, {"email": "niemand@example.nl"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert without_csrf_token(client.get(known["Location"])) == without_csrf_token(
        client.get(unknown["Location"])
    )
    # Both get a mail (the same work either way); only the mailbox learns which it was.
    reset, no_account = mail.outbox
    assert reset.to == ["loper@example.nl"] and no_account.to == ["niemand@example.nl"]
    assert reset.subject == no_account.subject
    assert "/wachtwoord-vergeten/" in reset.body and "geen account" in no_account.body
    assert f"http://testserver{SIGNUP}" in no_account.body and "wachtwoord-vergeten/" not in no_account.body


def test_a_reset_link_works_only_once(client, runner):
    client.post(RESET, {"email": "loper@example.nl"})
    link = reset_link_from(mail.outbox[0])
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = client.get(link, follow=True)
    assert again.context["validlink"] is False
    assert f'href="{RESET}"' in again.content.decode()


def test_a_password_reset_lifts_the_lockout(client, runner):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="verkeerd-wachtwoord")
    client.post(RESET, {"email": "loper@example.nl"})
    form_url = client.get(reset_link_from(mail.outbox[0]))["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert not AccessAttempt.objects.filter(username="loper@example.nl").exists()
    assert log_in(client, password=NEW_PASSWORD).status_code == 302


# ---- account page and password change ----


def test_the_account_page_shows_the_address_and_offers_password_change_and_logout(logged_in):
    html = logged_in.get(ACCOUNT).content.decode()
    assert "loper@example.nl" in html
    assert f'href="{CHANGE}"' in html and f'action="{LOGOUT}"' in html


def test_changing_the_password_keeps_the_runner_logged_in(logged_in, runner):
    response = logged_in.post(
        CHANGE, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    runner.refresh_from_db()
    assert runner.check_password(NEW_PASSWORD)
    assert logged_in.get(ACCOUNT).status_code == 200


LOGIN_REQUIRED = ["accounts:account", "accounts:password_change", "accounts:password_change_done"]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("name", LOGIN_REQUIRED)
def test_every_page_that_needs_login_sends_anonymous_visitors_to_the_login_page(client, name, prefix):
    url = prefix + reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}{LOGIN}?next={url}"


@pytest.mark.parametrize("name", LOGIN_REQUIRED)
def test_every_page_that_needs_login_opens_for_a_logged_in_runner(logged_in, name):
    assert logged_in.get(reverse(name)).status_code == 200


# ---- pages, languages, CSRF ----

OPEN_PAGES = {
    "accounts:signup": "Create an account",
    "accounts:login": "Log in",
    "accounts:logout": "Log out",
    "accounts:password_reset": "Forgotten your password?",
    "accounts:password_reset_done": "Check your e-mail",
    "accounts:password_reset_complete": "Your password has been changed",
    "accounts:signup_sent": "Check your e-mail",
}


@pytest.mark.parametrize(("name", "heading"), OPEN_PAGES.items())
def test_every_account_page_is_dutch_by_default_and_has_an_english_version(client, name, heading):
    dutch = client.get(reverse(name))
    assert dutch.status_code == 200 and '<html lang="nl">' in dutch.content.decode()
    english = client.get("/en" + reverse(name)).content.decode()
    assert '<html lang="en">' in english and f"<h1>{heading}</h1>" in english


def test_the_english_sign_up_lands_on_english_addresses(client):
    client.post("/en" + SIGNUP + "?next=/en/kennis/", {"email": "loper@example.nl"})
    [message] = mail.outbox
    assert message.subject == "Your Kniewijs account" and "/en/account/aanmelden/bevestigen/" in message.body
    response = client.post(confirm_link_from(message), {"password": PASSWORD})
    assert response["Location"] == "/en/kennis/"
    html = client.get("/en" + ACCOUNT).content.decode()
    assert '<html lang="en">' in html and "My account" in html


def test_the_forms_carry_autocomplete_hints(client, logged_in):
    signup = Client().get(SIGNUP).content.decode()
    assert 'autocomplete="email"' in signup
    password = Client().get(reverse("accounts:signup_confirm", args=[make_signup_token("a@example.nl")]))
    assert 'autocomplete="new-password"' in password.content.decode()
    assert 'autocomplete="username"' in password.content.decode()
    login = Client().get(LOGIN).content.decode()
    assert 'autocomplete="username"' in login and 'autocomplete="current-password"' in login
    change = logged_in.get(CHANGE).content.decode()
    assert 'autocomplete="current-password"' in change and 'autocomplete="new-password"' in change


def test_a_post_without_the_csrf_token_is_refused(runner):
    browser = Client(enforce_csrf_checks=True)
    browser.get(LOGIN)
    credentials = {"username": "loper@example.nl", "password": PASSWORD}
    assert browser.post(LOGIN, credentials).status_code == 403
    token = browser.cookies["csrftoken"].value
    assert browser.post(LOGIN, {**credentials, "csrfmiddlewaretoken": token}).status_code == 302


# ---- Dutch catalogue ----

TEMPLATES = Path(account_forms.__file__).resolve().parent / "templates"
LOCALE = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES"
# Django 5.2 changed this msgid and its own Dutch catalogue has not caught up, so ours must carry it.
DJANGO_MSGIDS_WITHOUT_DUTCH = {"This password is too short. It must contain at least %d character."}
GETTEXT_CALL = re.compile(r"\b(?:gettext|ngettext|_)\(\s*u?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def interface_msgids():
    """Every msgid of the account pages, e-mails and forms, found the way makemessages would find them."""
    from django.utils.translation.template import templatize

    sources = [templatize(p.read_text()) for p in TEMPLATES.rglob("*.*") if p.suffix in {".html", ".txt"}]
    sources.append(Path(account_forms.__file__).read_text())
    return {ast.literal_eval(m) for text in sources for m in GETTEXT_CALL.findall(text)}


def test_every_account_text_has_a_dutch_translation():
    """Until the lead merges accounts.po.part into django.po, the fragment counts as part of the catalogue."""
    catalogue = {}
    for name in ["django.po", "accounts.po.part"]:
        if (LOCALE / name).exists():
            catalogue.update({e.msgid: e for e in polib.pofile(str(LOCALE / name)) if e.translated()})
    msgids = interface_msgids() | DJANGO_MSGIDS_WITHOUT_DUTCH
    assert len(msgids) > 40
    assert sorted(msgids - catalogue.keys()) == []


def test_a_too_short_password_is_refused_in_dutch(client, db):
    response = sign_up(client, "kort@example.nl", password="kort1")
    assert "Dit wachtwoord is te kort. Het moet minstens 10 tekens lang zijn." in response.content.decode()
