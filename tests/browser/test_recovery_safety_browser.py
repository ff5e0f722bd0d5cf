"""On a 360-pixel phone: a runner told "do not run for 7-14 days" runs anyway with pain 6 and hears at once
that 6 is above the limit of 5 and that the rest starts again; then a swollen calf and breathlessness stop
the programme with one urgent 112 message that names a possible clot; booking a knee check first says that
is not the step. axe-core (from npm, tests/browser/axe) checks each page."""

import pytest

from ..conftest import make_clinic, make_physio, make_runner
from .accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-42"


def no_serious_accessibility_problems(page) -> None:
    assert_accessible(page)


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_run_in_the_rest_phase_and_a_red_flag_are_told_at_once_and_booking_waits_for_a_doctor(
    chromium_page, artifacts_dir
):
    clinic = make_clinic("hardloopknie", "Fysio De Hardloopknie")
    make_physio("femke@fysio.nl", clinic, weekdays=range(7))
    make_runner("rust@example.nl", password=PASSWORD)
    page = chromium_page
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(page.base_url + "/account/inloggen/")
    page.fill("input[name=username]", "rust@example.nl")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/log/")

    # Pain 5 while running: the result says no running for 7 to 14 days.
    page.goto(page.base_url + "/kniecheck/voorbeeld/buitenkant/")
    page.get_by_role("button", name="Start een herstelprogramma").click()
    page.wait_for_url("**/herstel/")
    assert "Rustfase" in page.inner_text("main")

    # Day one of the rest: a walk-run anyway, pain 6, next morning 4.
    page.goto(page.base_url + "/herstel/loggen/")
    page.select_option("select[name=kind]", "run")
    page.fill("input[name=level]", "1")
    page.fill("input[name=pain_during]", "6")
    page.fill("input[name=pain_after]", "6")
    page.fill("input[name=pain_next_morning]", "4")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/herstel/")
    message = page.locator(".messages li")
    assert message.count() == 1 and "message-warning" in message.get_attribute("class")
    said = message.inner_text()
    assert "boven de grens van 5" in said and "rust begint opnieuw" in said
    assert "volgende ochtend bekend" not in said
    today = page.locator("main section.card").first.inner_text()
    assert "niveau 1 ✓" not in today and "Rust voor de knie" in today
    assert fits(page)
    no_serious_accessibility_problems(page)
    page.screenshot(path=str(artifacts_dir / "recovery-rest-run-360.png"), full_page=True)

    # A swollen calf and breathlessness: one urgent message, first, and the week on hold.
    page.goto(page.base_url + "/herstel/loggen/")
    page.select_option("select[name=kind]", "mobility")
    page.locator("input[name=signs][value=breathless_or_chest_pain]").check()
    page.locator("input[name=signs][value=calf_swelling]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/herstel/")
    assert page.locator(".messages").count() == 0, "no green 'saved' above the urgent block"
    urgent = page.locator("main section[role=alert]").first
    assert "banner-emergency" in urgent.get_attribute("class")
    words = urgent.inner_text()
    assert "112" in words and "bloedstolsel" in words and "knieletsel" not in words
    assert urgent.locator("a[href='tel:112']").count() == 1
    assert page.locator("main a[href='tel:112']").count() == 1
    assert "staat stil" in page.inner_text("main")
    assert fits(page)
    no_serious_accessibility_problems(page)
    page.screenshot(path=str(artifacts_dir / "recovery-red-flag-360.png"), full_page=True)

    # Booking the knee check now first says it is not the step.
    page.goto(page.base_url + "/afspraak/")
    assert page.get_by_role("heading", name="Een kniecheck is nu niet de juiste stap").is_visible()
    assert page.locator("button[name=slot]").count() == 0
    assert page.locator("main a[href='tel:112']").count() >= 1
    assert fits(page)
    no_serious_accessibility_problems(page)
    page.get_by_role("button", name="Ik begrijp het; plan een kniecheck voor later").click()
    page.locator("form[action$='/tijden/'] button[type=submit]").first.click()
    page.locator("button[name=slot]").first.wait_for()
    page.screenshot(path=str(artifacts_dir / "booking-after-care-first-360.png"), full_page=True)
