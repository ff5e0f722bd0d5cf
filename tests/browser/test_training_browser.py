"""A new runner signs up, uploads a FIT file and sees the dashboard with its chart, on a phone."""

import re

import pytest
from django.core import mail

from ..conftest import shared_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_runner_signs_up_uploads_a_fit_file_and_sees_the_dashboard(
    chromium_page, artifacts_dir, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KNIEWIJS_JOBS_INLINE = True
    fit = shared_file("fit", "fitdecode__activity-small-fenix2-run.fit")
    page = chromium_page
    page.goto(page.base_url + "/account/aanmelden/")
    page.fill("input[name=email]", "nieuwe.loper@example.nl")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/aanmelden/verstuurd/")
    page.get_by_text("nieuwe.loper@example.nl").first.wait_for()
    # The link from the confirmation mail (the background mail runs inline here, into Django's outbox).
    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/\S+/bevestigen/\S+/)", message.body).group(1)
    page.goto(page.base_url + link)
    page.fill("input[name=password]", "een-heel-lang-wachtwoord-7")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/log/")

    page.goto(page.base_url + "/log/importeren/")
    page.set_input_files("input[type=file]", str(fit))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/log/importeren/*/")
    page.get_by_role("heading", name="Klaar met inlezen").wait_for()
    assert page.get_by_text("1 ingelezen").count() or page.locator(".counts").inner_text().startswith("1")

    page.get_by_role("link", name="Naar mijn log").click()
    page.get_by_role("heading", name="Hardloopkilometers per week").wait_for()
    svg = page.locator("figure.chart svg").first
    assert svg.get_attribute("role") == "img"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts_dir / "training-dashboard-phone.png"), full_page=True)
