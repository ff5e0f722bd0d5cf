"""Bea, the practice manager, signs in to the admin at a tablet's 820 px with her password and one code,
invites a new physiotherapist by name and address, and reads the bookings without sideways scrolling; the
invited physio opens the mailed link."""

import re

import pytest
from django.core import mail
from django_otp.oath import totp

from ..clinic.conftest import make_clinic_admin
from ..conftest import make_booking, make_clinic, make_physio
from .accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-42"


def test_a_manager_signs_in_with_one_code_and_invites_a_physio(chromium_browser, artifacts_dir):
    from kniewijs.clinic.models import TherapistInvitation

    clinic = make_clinic("hardloopknie", "Fysio De Hardloopknie")
    femke = make_physio("femke@fysio.nl", clinic, name="Femke de Vries")
    make_booking(clinic, femke, hours=30)
    bea = make_clinic_admin("bea@fysio.nl", clinic)

    tablet = chromium_browser.new_context(viewport={"width": 820, "height": 1180}, locale="nl-NL")
    page = tablet.new_page()
    base = chromium_browser.base_url
    page.goto(base + "/beheer/login/")
    page.fill("input[name=username]", "bea@fysio.nl")
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=otp_token]", f"{totp(bea.totp_device.bin_key):06d}")
    page.locator("form input[type=submit], form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/beheer/$"))  # in at the first try: no device to choose

    page.goto(base + "/beheer/clinic/therapistinvitation/add/")
    page.fill("input[name=email]", "nina@fysio.nl")
    page.fill("input[name=name]", "Nina Nieuw")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/beheer/clinic/therapistinvitation/**")
    assert TherapistInvitation.objects.get().email == "nina@fysio.nl"
    (message,) = mail.outbox
    assert message.to == ["nina@fysio.nl"] and "/praktijk/uitnodiging/#" in message.body
    assert page.evaluate("document.documentElement.scrollWidth") <= 820
    found = axe_violations(page)
    assert found == [], [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found]

    page.goto(base + "/beheer/clinic/booking/")
    assert "Femke de Vries" in page.inner_text("#content")
    assert page.evaluate("document.documentElement.scrollWidth") <= 820
    # Not only the start time: the therapist, the kind of appointment and the status are in view too.
    for cell in ("Femke de Vries", "Gratis kniecheck", "Geboekt"):
        box = page.locator("#result_list td", has_text=cell).first.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 820, cell
    page.screenshot(path=str(artifacts_dir / "admin-bookings-820.png"), full_page=True)
    page.goto(base + f"/beheer/clinic/clinic/{clinic.pk}/change/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 820
    page.screenshot(path=str(artifacts_dir / "admin-clinic-820.png"), full_page=True)

    invited = chromium_browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL").new_page()
    invited.goto(base + "/praktijk/uitnodiging/#" + re.search(r"#(\S+)", message.body).group(1))
    assert "Fysio De Hardloopknie" in invited.inner_text("main")
    tablet.close()
