"""A runner books the knee check on a 320-pixel phone in a real browser, without sideways scrolling."""

from __future__ import annotations

import pytest
import time_machine

from kniewijs.clinic.models import Booking

from .test_booking_helpers import MONDAY_8

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_runner_on_a_small_phone_books_a_knee_check(chromium_page, clinic, physio, artifacts_dir):
    page = chromium_page
    page.set_viewport_size({"width": 320, "height": 740})
    with time_machine.travel(MONDAY_8, tick=True):
        page.goto(page.base_url + "/afspraak/")
        assert fits_the_screen(page)
        page.locator("form[action$='/tijden/'] button[type=submit]").click()
        page.locator("button[name=slot]").first.wait_for()
        assert fits_the_screen(page)
        page.screenshot(path=str(artifacts_dir / "booking-times-320.png"), full_page=True)
        page.locator("button[name=slot]").first.click()
        page.locator("#id_name").fill("Anna Jansen")
        page.locator("#id_email").fill("anna@example.nl")
        page.locator("#id_phone").fill("06 12345678")
        assert fits_the_screen(page)
        page.locator("button[name=confirm]").click()
        page.wait_for_url("**/afspraak/bevestigd/**")
        assert fits_the_screen(page)
        page.screenshot(path=str(artifacts_dir / "booking-done-320.png"), full_page=True)
    booking = Booking.objects.get()
    assert booking.name == "Anna Jansen" and booking.therapist == physio.therapist
