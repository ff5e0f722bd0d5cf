"""A runner starts a programme from a self-check result, logs a session and sees the decision and what
comes next, on a phone."""

from datetime import timedelta

import pytest

from ..conftest import make_runner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_runner_starts_a_programme_logs_a_run_and_sees_the_decision(chromium_page, artifacts_dir):
    from kniewijs.recovery.models import Programme

    make_runner("herstel@example.nl", password="een-lang-wachtwoord-42")
    page = chromium_page
    page.goto(page.base_url + "/account/inloggen/")
    page.fill("input[name=username]", "herstel@example.nl")
    page.fill("input[name=password]", "een-lang-wachtwoord-42")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/log/")

    page.goto(page.base_url + "/kniecheck/voorbeeld/buitenkant/")
    page.get_by_role("button", name="Start een herstelprogramma").click()
    page.wait_for_url("**/herstel/")
    page.get_by_role("heading", name="Vandaag").wait_for()

    # Ten days on, the protect phase is over and the walk-run ladder has begun.
    programme = Programme.objects.get(active=True)
    programme.started_on -= timedelta(days=10)
    programme.save()
    page.goto(page.base_url + "/herstel/loggen/")
    page.select_option("select[name=kind]", "run")
    page.fill("input[name=level]", "1")
    page.fill("input[name=pain_during]", "7")
    page.fill("input[name=pain_after]", "7")
    page.fill("input[name=pain_next_morning]", "5")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/herstel/")
    message = page.locator(".messages").inner_text()
    assert "Een niveau terug" in message or "Dit niveau nog eens" in message, message
    assert page.get_by_role("heading", name="Wat uw pijn besliste").is_visible()
    assert page.get_by_role("heading", name="De komende week").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts_dir / "recovery-programme-phone.png"), full_page=True)
