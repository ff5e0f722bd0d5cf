"""Joost, Femke's colleague, signs in with his code, reads the practice's day at a tablet's 820 px and on a
phone without sideways scrolling, and opens Femke's appointment from it."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from ..conftest import make_clinic, make_physio, phone_context
from .signing_in import sign_in_physio

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _booking(clinic, physio, hour: int, name: str):
    from kniewijs.clinic.models import Booking

    start = timezone.make_aware(datetime.combine(timezone.localdate(), time(hour, 30)))
    return Booking.objects.create(
        clinic=clinic,
        therapist=physio.therapist,
        appointment_type=clinic.appointment_types.get(is_knee_check=True),
        starts_at=start,
        ends_at=start + timedelta(minutes=20),
        name=name,
        email="sanne.van.der.heijden-de-groot@voorbeeld-hardlopers.nl",
        phone="06 12345678",
    )


def test_a_colleague_reads_the_practice_day_on_a_tablet_and_a_phone(chromium_browser, artifacts_dir):
    clinic = make_clinic("hardloopknie", "Fysio De Hardloopknie")
    femke = make_physio("femke@fysio.nl", clinic, name="Femke de Vries")
    joost = make_physio("joost@fysio.nl", clinic, name="Joost Bakker")
    booking = _booking(clinic, femke, 8, "Sanne van der Heijden-de Groot")
    _booking(clinic, joost, 9, "Pieter de Boer")

    tablet = chromium_browser.new_context(viewport={"width": 820, "height": 1180}, locale="nl-NL")
    page = tablet.new_page()
    base = chromium_browser.base_url
    sign_in_physio(page, base, joost)

    page.get_by_role("link", name="Praktijkagenda").click()
    page.wait_for_url("**/praktijk/agenda/")
    assert page.get_by_role("heading", name="Praktijkagenda").is_visible()
    main = page.inner_text("main")
    assert "08:30" in main and "Femke de Vries" in main and "Pieter de Boer" in main
    assert page.evaluate("document.documentElement.scrollWidth") <= 820
    page.screenshot(path=str(artifacts_dir / "practice-agenda-820.png"), full_page=True)

    phone = phone_context(chromium_browser)
    phone.add_cookies(tablet.cookies())
    small = phone.new_page()
    small.goto(base + "/praktijk/agenda/")
    assert small.get_by_role("link", name="Sanne van der Heijden-de Groot").is_visible()
    assert small.evaluate("document.documentElement.scrollWidth") <= 390
    small.screenshot(path=str(artifacts_dir / "practice-agenda-phone.png"), full_page=True)

    small.get_by_role("link", name="Sanne van der Heijden-de Groot").click()
    small.wait_for_url(f"**/praktijk/afspraak/{booking.pk}/")
    assert "06 12345678" in small.inner_text("main")
    tablet.close()
    phone.close()
