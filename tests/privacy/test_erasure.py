"""Erasure: every row that refers to the runner and their files go; the access log about them stays."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from kniewijs.audit.log import pseudonym
from kniewijs.audit.models import AccessEvent
from kniewijs.privacy.erasure import erase_account
from kniewijs.privacy.ownership import owned_models, user_relations
from kniewijs.training.jobs import incoming_dir
from kniewijs.training.models import ImportJob

from ..conftest import make_runner
from .data import FILL, fill

pytestmark = pytest.mark.django_db

ERASE = reverse("privacy:erase")
ERASED = reverse("privacy:erased")
PASSWORD = "een-lang-wachtwoord-42"
User = get_user_model()


def rows_referring_to(user_id):
    """{model label: rows} for every model that refers to the user, directly or through a CASCADE key."""
    counts = {owned.label: owned.rows_of(user_id).count() for owned in owned_models(include_secret=True)}
    return {label: count for label, count in counts.items() if count}


def test_every_model_that_refers_to_the_user_has_a_test_row():
    """A new model with a key to the user fails here until tests/privacy/data.py fills it."""
    labels = {model._meta.label for model, _ in user_relations()}
    assert labels - FILL.keys() == set(), "add these models to FILL in tests/privacy/data.py"
    assert FILL.keys() - labels == set()


def test_erasing_removes_every_row_and_file_of_the_runner_and_nothing_of_anyone_else(
    runner, second_runner, clinic, physio, media_root, django_capture_on_commit_callbacks
):
    fill(runner, clinic, physio)
    bram = fill(second_runner, clinic, physio)
    job = ImportJob.objects.filter(user=runner).first()
    incoming_dir(job).mkdir(parents=True)
    (incoming_dir(job) / "wachtend").write_bytes(b"nog niet ingelezen")
    relations = user_relations()
    missing = [
        m._meta.label for m, f in relations if not m._default_manager.filter(**{f.name: runner.pk}).exists()
    ]
    assert missing == [], "the runner needs a row in every model that refers to the user"
    anna_id = runner.pk
    before_bram = rows_referring_to(second_runner.pk)
    anna_folder = media_root / "originals" / str(anna_id)
    assert any(anna_folder.iterdir())
    log_about_anna = set(AccessEvent.objects.filter(subject=pseudonym(anna_id)).values_list("pk", flat=True))
    assert len(log_about_anna) == 2

    with django_capture_on_commit_callbacks(execute=True):
        erase_account(runner)

    assert not User.objects.filter(pk=anna_id).exists()
    for model, field in relations:
        assert not model._default_manager.filter(**{field.name: anna_id}).exists(), model._meta.label
    assert rows_referring_to(anna_id) == {}
    assert not anna_folder.exists() and not incoming_dir(job).exists()
    assert (
        set(AccessEvent.objects.filter(subject=pseudonym(anna_id)).values_list("pk", flat=True))
        == log_about_anna
    )
    assert rows_referring_to(second_runner.pk) == before_bram
    assert (media_root / bram["imported_file"].stored.name).read_bytes() == bram["original_bytes"]


def test_the_files_stay_when_the_erasure_is_rolled_back(
    runner, clinic, physio, media_root, monkeypatch, django_capture_on_commit_callbacks
):
    fill(runner, clinic, physio, skip=("clinic.Therapist",))
    folder = media_root / "originals" / str(runner.pk)

    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(type(runner), "delete", fail)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        erase_account(runner)
    assert callbacks == []
    assert User.objects.filter(pk=runner.pk).exists() and any(folder.iterdir())


@pytest.fixture
def anna_with_data(runner, clinic, physio, media_root):
    fill(runner, clinic, physio, skip=("clinic.Therapist", "admin.LogEntry", "otp_totp.TOTPDevice"))
    return runner


def test_the_page_says_what_goes_and_what_stays(runner_client, anna_with_data):
    html = runner_client.get("/en" + ERASE).content.decode()
    assert "What is erased" in html and "What stays" in html and "access log" in html
    assert 'autocomplete="current-password"' in html and 'type="checkbox"' in html


def test_the_right_password_and_the_tick_erase_everything_and_log_out(
    runner_client, anna_with_data, media_root, django_capture_on_commit_callbacks
):
    anna_id = anna_with_data.pk
    with django_capture_on_commit_callbacks(execute=True):
        response = runner_client.post(ERASE, {"password": PASSWORD, "understood": "on"})
    assert response.status_code == 302 and response["Location"] == ERASED
    assert not User.objects.filter(pk=anna_id).exists() and rows_referring_to(anna_id) == {}
    assert not (media_root / "originals" / str(anna_id)).exists()
    assert runner_client.get(reverse("privacy:consent")).status_code == 302  # logged out
    goodbye = runner_client.get("/en" + ERASED)
    assert goodbye.status_code == 200 and "Your account has been erased" in goodbye.content.decode()


def test_a_wrong_password_erases_nothing(runner_client, anna_with_data, media_root):
    response = runner_client.post("/en" + ERASE, {"password": "niet-mijn-wachtwoord", "understood": "on"})
    assert response.status_code == 200 and "password" in response.context["form"].errors
    assert "Nothing has been erased" in response.content.decode()
    assert User.objects.filter(pk=anna_with_data.pk).exists()
    assert any((media_root / "originals" / str(anna_with_data.pk)).iterdir())


def test_without_the_tick_nothing_is_erased(runner_client, anna_with_data):
    response = runner_client.post(ERASE, {"password": PASSWORD})
    assert "understood" in response.context["form"].errors
    assert User.objects.filter(pk=anna_with_data.pk).exists()


def test_a_physio_is_sent_to_the_clinic_admin_instead(physio):
    client = Client()
    client.force_login(physio)
    page = client.get("/en" + ERASE)
    assert page.status_code == 200 and page.context["form"] is None
    assert "administrator" in page.content.decode()
    assert client.post(ERASE, {"password": PASSWORD, "understood": "on"}).status_code == 403
    assert User.objects.filter(pk=physio.pk).exists()


def test_a_staff_member_cannot_erase_here(db):
    staff = make_runner("beheer@example.nl")
    staff.is_staff = True
    staff.save()
    client = Client()
    client.force_login(staff)
    assert client.post(ERASE, {"password": PASSWORD, "understood": "on"}).status_code == 403
    assert User.objects.filter(pk=staff.pk).exists()


def test_the_goodbye_page_is_public(client):
    assert client.get(ERASED).status_code == 200


def _security_records(email, address):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    common = {
        "ip_address": address,
        "user_agent": "Firefox",
        "http_accept": "*/*",
        "path_info": "/account/inloggen/",
    }
    AccessAttempt.objects.create(username=email, get_data="", post_data="", failures_since_start=2, **common)
    AccessLog.objects.create(username=email, **common)
    AccessFailureLog.objects.create(username=email.upper(), **common)


def _session_of(user):
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def test_erasing_removes_the_lockout_records_and_sessions_of_the_runner_only(
    runner, second_runner, django_capture_on_commit_callbacks
):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session

    _security_records(runner.email, "203.0.113.7")
    _security_records(second_runner.email, "198.51.100.20")
    anna_sessions = {_session_of(runner), _session_of(runner)}
    bram_session = _session_of(second_runner)
    anonymous = Client()
    anonymous.get(reverse("accounts:signup_sent"))  # a session that belongs to no one
    before = Session.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        erase_account(runner)

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert not model.objects.filter(username__iexact=runner.email).exists(), model.__name__
        assert model.objects.filter(username__iexact=second_runner.email).count() == 1, model.__name__
    assert not Session.objects.filter(session_key__in=anna_sessions).exists()
    assert Session.objects.filter(session_key=bram_session).exists()
    assert Session.objects.count() == before - 2


def test_the_erase_page_ends_the_runner_s_other_sessions_too(runner, django_capture_on_commit_callbacks):
    from django.contrib.sessions.models import Session

    phone, laptop = Client(), Client()
    phone.force_login(runner)
    laptop.force_login(runner)
    with django_capture_on_commit_callbacks(execute=True):
        phone.post(ERASE, {"password": PASSWORD, "understood": "on"})
    assert not Session.objects.filter(session_key=laptop.session.session_key).exists()
    assert laptop.get(reverse("privacy:consent")).status_code == 302
