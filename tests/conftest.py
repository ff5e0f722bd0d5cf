"""Shared fixtures. The named cast (runners, physios with and without consent) arrives with accounts."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def chromium_page(live_server):
    """A phone-sized page in Debian's chromium. In CI a missing browser is a failure, not a skip."""
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
        context = browser.new_context(
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="nl-NL",
        )
        page = context.new_page()
        page.base_url = live_server.url
        yield page
        context.close()
        browser.close()


@pytest.fixture(autouse=True)
def dutch_by_default():
    """Each test starts in Dutch: a request under /en/ leaves English active in this thread, and reverse()
    would then give /en/ addresses to the next test."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.deactivate()


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
