"""A runner books the knee check from the self-check result with the result attached; the physio signs in with
a TOTP code and sees the appointment and the report; the runner takes consent back and the physio no longer
can. Two phones, one browser."""

import pytest
from django_otp.oath import totp

from ..conftest import make_clinic, make_physio, make_runner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-42"


def _log_in(page, email: str) -> None:
    page.goto(page.base_url + "/account/inloggen/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()


def test_book_from_the_result_physio_sees_it_with_totp_then_consent_is_taken_back(
    chromium_page, artifacts_dir
):
    from kniewijs.clinic.models import Booking, Consent

    clinic = make_clinic("hardloopknie", "Fysio De Hardloopknie")
    physio = make_physio("femke@fysio.nl", clinic, name="Femke de Vries", weekdays=range(7))
    make_runner("anna@example.nl", password=PASSWORD)

    runner_page = chromium_page
    _log_in(runner_page, "anna@example.nl")
    runner_page.wait_for_url("**/log/")

    # The self-check result offers the knee check; the answers travel along.
    runner_page.goto(runner_page.base_url + "/kniecheck/voorbeeld/knieschijf/")
    runner_page.get_by_role("button", name="Plan de gratis kniecheck").click()
    runner_page.locator("form[action$='/tijden/'] button[type=submit]").first.click()
    runner_page.locator("button[name=slot]").first.click()
    runner_page.locator("#id_name").fill("Anna Jansen")
    runner_page.locator("#id_phone").fill("06 12345678")
    runner_page.locator("input[name=send_report]").check()
    runner_page.locator("button[name=confirm]").click()
    runner_page.wait_for_url("**/afspraak/bevestigd/**")
    booking = Booking.objects.get()
    assert booking.has_report and booking.runner.email == "anna@example.nl"
    assert runner_page.evaluate("document.documentElement.scrollWidth") <= 390

    # The runner also shares the training log with the clinic.
    runner_page.goto(runner_page.base_url + "/account/privacy/toestemming/")
    runner_page.locator("main button", has_text="Toestaan: Fysio De Hardloopknie, Trainingslog").click()
    assert Consent.objects.active().filter(category="training").count() == 1

    # The physio: password, then the code from the authenticator app.
    physio_context = runner_page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, locale="nl-NL"
    )
    physio_page = physio_context.new_page()
    physio_page.base_url = runner_page.base_url
    _log_in(physio_page, "femke@fysio.nl")
    physio_page.wait_for_url("**/praktijk/code/**")
    physio_page.fill("input[name=code]", f"{totp(physio.totp_device.bin_key):06d}")
    physio_page.locator("main form button[type=submit]").click()
    physio_page.wait_for_url("**/praktijk/")
    physio_page.get_by_role("link", name="anna@example.nl").first.wait_for()

    physio_page.goto(physio_page.base_url + f"/praktijk/afspraak/{booking.pk}/")
    assert physio_page.get_by_role(
        "heading", name="Uitslag van de kniecheck, meegestuurd met de afspraak"
    ).is_visible()
    assert "Waarom, zoals de loper het las" in physio_page.inner_text("main")
    physio_page.goto(physio_page.base_url + f"/praktijk/patient/{booking.runner_id}/")
    assert physio_page.get_by_role("heading", name="Trainingslog").is_visible()
    physio_page.screenshot(path=str(artifacts_dir / "physio-patient-phone.png"), full_page=True)

    # The runner takes everything back; the physio's next request no longer shows anything.
    runner_page.goto(runner_page.base_url + "/account/privacy/toestemming/")
    runner_page.get_by_role("button", name="Alles intrekken voor Fysio De Hardloopknie").click()
    assert not Consent.objects.active().exists()

    response = physio_page.goto(physio_page.base_url + f"/praktijk/patient/{booking.runner_id}/")
    assert response.status == 404
    physio_page.goto(physio_page.base_url + f"/praktijk/afspraak/{booking.pk}/")
    assert "Waarom, zoals de loper het las" not in physio_page.inner_text("main")

    # And the runner can see who looked.
    runner_page.goto(runner_page.base_url + "/account/privacy/inzage/")
    assert "Femke de Vries" in runner_page.inner_text("main")
    physio_context.close()
