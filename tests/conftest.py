"""Shared fixtures. The named cast (runners, physios with and without consent) arrives with accounts."""

import os
import shutil
import warnings
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="session", autouse=True)
def _no_session_left_on_the_test_database(django_db_setup, django_db_blocker):
    """PostgreSQL cannot drop a test database another session still uses. Before the drop, report any
    session left behind (a thread's connection, a worker's) and end it, so the run ends cleanly and the
    report names what to fix."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, application_name, state, backend_start, state_change, left(query, 200)"
            " FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        left = cursor.fetchall()
        for pid, application, state, started, last_change, query in left:
            warnings.warn(
                f"session left on the test database: pid {pid} {application!r} {state} (opened {started:%H:%M:%S},"
                f" last used {last_change:%H:%M:%S}): {query}",
                pytest.PytestWarning,
                stacklevel=1,
            )
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def chromium_browser(live_server):
    """Debian's chromium, for tests that open several contexts (roles, languages). In CI a missing browser
    is a failure, not a skip."""
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run must install it")
        pytest.skip("Debian's chromium is not installed on this machine (apt-get install chromium)")
    playwright_sync = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; Django's guard would refuse DB access.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        browser.base_url = live_server.url
        yield browser
        browser.close()


def phone_context(browser, width: int = 390, height: int = 844, locale: str = "nl-NL"):
    return browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale=locale,
    )


@pytest.fixture
def chromium_page(chromium_browser):
    """A phone-sized page (390 x 844) in Debian's chromium."""
    context = phone_context(chromium_browser)
    page = context.new_page()
    page.base_url = chromium_browser.base_url
    yield page
    context.close()


@pytest.fixture(autouse=True)
def dutch_by_default():
    """Each test starts in Dutch: a request under /en/ leaves English active in this thread, and reverse()
    would then give /en/ addresses to the next test."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate limits (kniewijs.web.ratelimits, the API's throttle) count in the cache, and every test posts
    from 127.0.0.1: each test starts with nothing counted, so no test is refused for what another did."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# --- the named cast ---------------------------------------------------------------------------------
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "activities"


def shared_file(*parts: str) -> Path:
    """A public sample file from shared/data; skipped locally when absent, a failure in CI."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI runs with shared/ beside the project")
        pytest.skip(f"{path} is not here (shared/data is beside the project in CI)")
    return path


def make_runner(email: str, password: str = "een-lang-wachtwoord-42"):
    from django.contrib.auth import get_user_model

    from kniewijs.training.models import RunnerSettings

    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    RunnerSettings.objects.create(user=user)
    return user


@pytest.fixture
def runner(db):
    """Anna runs four times a week and owns the data in most tests."""
    return make_runner("anna@example.nl")


@pytest.fixture
def second_runner(db):
    """Bram is another runner: he must never see Anna's data."""
    return make_runner("bram@example.nl")


@pytest.fixture
def runner_client(client, runner):
    client.force_login(runner)
    return client


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KNIEWIJS_JOBS_INLINE = True
    return settings.MEDIA_ROOT


# --- the clinic's cast ------------------------------------------------------------------------------
def make_clinic(slug: str = "fysio-centrum", name: str = "Fysio Centrum"):
    """A clinic with the free knee check (20 minutes) and an ordinary treatment, open on weekdays."""
    from kniewijs.clinic.models import AppointmentType, Clinic

    clinic = Clinic.objects.create(
        name=name, slug=slug, address="Loopbaan 1, 3500 AA Utrecht", phone="030 123 45 67"
    )
    AppointmentType.objects.create(
        clinic=clinic,
        name_nl="Gratis kniecheck",
        name_en="Free knee check",
        is_knee_check=True,
        free_of_charge=True,
    )
    AppointmentType.objects.create(
        clinic=clinic, name_nl="Behandeling", name_en="Treatment", duration_minutes=30
    )
    return clinic


def make_physio(email: str, *clinics, name: str | None = None, weekdays=(0, 1, 2, 3, 4)):
    """A physiotherapist with a confirmed TOTP device (key in `user.totp_key`) and weekday hours 9-17."""
    from datetime import time

    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from kniewijs.clinic.models import Therapist, WeeklyAvailability

    user = get_user_model().objects.create_user(
        username=email, email=email, password="een-lang-wachtwoord-42", first_name=name or email.split("@")[0]
    )
    therapist = Therapist.objects.create(user=user, name=name or email.split("@")[0].title())
    therapist.clinics.set(clinics)
    for clinic in clinics:
        for day in weekdays:
            WeeklyAvailability.objects.create(
                therapist=therapist, clinic=clinic, weekday=day, start_time=time(9), end_time=time(17)
            )
    device = TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    user.totp_device = device
    return user


def grant(runner, clinic, *categories):
    """The runner lets `clinic` see these categories (all four when none are named)."""
    from kniewijs.clinic.models import Consent

    chosen = categories or tuple(Consent.Category.values)
    return [Consent.objects.create(runner=runner, clinic=clinic, category=c) for c in chosen]


def verified_client(user):
    """A test client logged in as `user` who has also passed the TOTP step."""
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def clinic(db):
    return make_clinic()


@pytest.fixture
def other_clinic(db):
    return make_clinic("andere-praktijk", "Andere Praktijk")


@pytest.fixture
def physio(clinic):
    """Femke works at the runner's clinic; Anna (the `runner`) consents in `consenting_runner`."""
    return make_physio("femke@fysio.nl", clinic, name="Femke de Vries")


@pytest.fixture
def consenting_runner(runner, clinic, physio):
    grant(runner, clinic)
    return runner


@pytest.fixture
def other_physio(other_clinic):
    """Otto works at another clinic, to which the runner gave nothing."""
    return make_physio("otto@andere.nl", other_clinic, name="Otto Jansen")


@pytest.fixture
def physio_client(physio):
    return verified_client(physio)


def make_booking(clinic, physio, runner=None, answers=None, hours=2, email="anna@example.nl"):
    """A knee check `hours` from now, written straight to the table (the booking service has its own tests)."""
    from datetime import timedelta

    from django.utils import timezone

    from kniewijs.clinic.models import Booking

    start = timezone.now() + timedelta(hours=hours)
    return Booking.objects.create(
        clinic=clinic,
        therapist=physio.therapist,
        appointment_type=clinic.appointment_types.get(is_knee_check=True),
        starts_at=start,
        ends_at=start + timedelta(minutes=20),
        runner=runner,
        name="Anna Loper",
        email=runner.email if runner is not None else email,
        phone="0612345678",
        selfcheck_answers=answers,
        report_consent_at=timezone.now() if answers else None,
    )
