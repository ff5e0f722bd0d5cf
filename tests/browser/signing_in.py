"""Signing in through the browser as the cast does: the password, then for a physio the code of their app."""

from django_otp.oath import totp

PASSWORD = "een-lang-wachtwoord-42"


def sign_in(page, base_url: str, email: str) -> None:
    page.goto(base_url + "/account/inloggen/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()


def sign_in_physio(page, base_url: str, physio) -> None:
    """Password, then the current code of the physio's authenticator (`make_physio` keeps its device)."""
    sign_in(page, base_url, physio.email)
    page.wait_for_url("**/praktijk/code/**")
    page.fill("input[name=code]", f"{totp(physio.totp_device.bin_key):06d}")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/praktijk/")
