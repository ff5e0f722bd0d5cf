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


def test_the_mailed_link_opens_the_booking_and_keeps_its_key_out_of_every_address(
    chromium_page, clinic, physio, artifacts_dir
):
    """The key is after the #: the page's own script posts it (under the strict CSP), takes it out of the address
    bar, and cancelling is a button on the page."""
    from urllib.parse import unquote

    from kniewijs.clinic import booking as service
    from kniewijs.clinic import links

    from .test_booking_helpers import at, booker, knee_check

    page = chromium_page
    with time_machine.travel(MONDAY_8, tick=True):
        booking = service.book(
            clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker()
        )
        key = links.make_token(booking)
        sent: list[str] = []
        page.on("request", lambda request: sent.append(request.url + " " + unquote(request.post_data or "")))
        page.goto(page.base_url + links.manage_link(booking))
        page.wait_for_url(f"**/afspraak/beheer/{booking.public_id}/")
        assert "#" not in page.url and key not in page.url
        assert "woensdag 4 juni 2025" in page.inner_text("main")
        page.screenshot(path=str(artifacts_dir / "booking-link-manage.png"), full_page=True)
        page.locator(f"a[href$='/{booking.public_id}/annuleren/']").click()
        page.locator("form button[type=submit].danger").click()
        page.wait_for_load_state()
        assert fits_the_screen(page)
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CANCELLED
    addresses = [line.split(" ")[0] for line in sent]
    assert not any(key in address for address in addresses)  # only ever in the posted form
    assert any(key in line for line in sent)


def test_a_long_clinic_address_wraps_on_a_360_pixel_phone(chromium_page, clinic, physio, artifacts_dir):
    """The clinic's facts (address, phone, e-mail, times) stand in a grid whose label column is as wide as its
    longest label: on a phone the value must be able to shrink and a long e-mail address break."""
    clinic.email = "praktijkadministratie.en.afspraken@fysiotherapie-de-hardloopknie-utrecht.example"
    clinic.save()
    page = chromium_page
    page.set_viewport_size({"width": 360, "height": 740})
    with time_machine.travel(MONDAY_8, tick=True):
        page.goto(page.base_url + "/afspraak/")
        page.locator(f"a[href='mailto:{clinic.email}']").wait_for()
        width = page.evaluate("document.documentElement.scrollWidth")
        page.screenshot(path=str(artifacts_dir / "booking-clinic-360.png"), full_page=True)
    assert width <= 360, f"the page is {width} px wide"
