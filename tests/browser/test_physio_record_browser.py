"""Femke opens a patient's record at a tablet's 820 px between two patients: who it is and every line of
the first screen are in view without scrolling, each line leads to its detail, and axe finds nothing serious."""

import pytest

from ..conftest import grant, make_clinic, make_physio, make_runner
from .accessibility import axe_violations
from .signing_in import PASSWORD, sign_in_physio

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_first_screen_at_820_px_holds_who_and_every_summary_line(chromium_browser, artifacts_dir):
    from datetime import date

    from kniewijs.privacy.models import PracticeDetails

    from ..clinic.test_consent_by_construction import _seed

    clinic = make_clinic("hardloopknie", "Fysio De Hardloopknie")
    femke = make_physio("femke@fysio.nl", clinic, name="Femke de Vries")
    runner = make_runner("anna@example.nl", password=PASSWORD)
    _seed(runner, clinic, femke)
    grant(runner, clinic)
    PracticeDetails.objects.create(
        user=runner, full_name="Anna de Loper", date_of_birth=date(1990, 5, 2), knee="left"
    )

    tablet = chromium_browser.new_context(viewport={"width": 820, "height": 1180}, locale="nl-NL")
    page = tablet.new_page()
    base = chromium_browser.base_url
    sign_in_physio(page, base, femke)

    page.goto(base + f"/praktijk/patient/{runner.pk}/")
    height = page.viewport_size["height"]
    heading = page.get_by_role("heading", name="Anna de Loper", level=1)
    assert heading.is_visible() and heading.bounding_box()["y"] < height
    lines = page.locator(".summary-line")
    assert lines.count() >= 5
    for i in range(lines.count()):
        box = lines.nth(i).bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, lines.nth(i).inner_text()
    assert "Linkerknie" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 820
    page.screenshot(path=str(artifacts_dir / "physio-record-820.png"))

    page.locator(".summary-line", has_text="Pijn").get_by_role("link", name="details").click()
    page.wait_for_url("**#pain")
    assert page.locator("#pain").is_visible()
    assert axe_violations(page) == []
    tablet.close()
