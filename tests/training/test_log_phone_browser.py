"""The training log on a 360 px phone: no page wider than the screen, and no heading word broken in two."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/log/", "/log/importeren/", "/log/trainingen/", "/log/schoenen/", "/account/privacy/zones/"]
# The first word of the heading on one line: a word that wraps has more than one box.
FIRST_WORD_BOXES = """() => {
  const text = document.querySelector('main h1').firstChild;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, text.textContent.trim().split(/\\s+/)[0].length);
  return range.getClientRects().length;
}"""


def test_the_demo_runners_log_pages_fit_a_360_px_phone(chromium_page):
    from kniewijs.privacy.models import PrivacyZone
    from kniewijs.training.demo import DEMO_EMAIL, DEMO_PASSWORD, load_demo

    user = load_demo()
    # A zone's table once pushed its page to 442 px (a hidden label escaped the scroll box).
    PrivacyZone.objects.create(user=user, name="Thuis", lat=52.09073, lon=5.12142, radius_m=500)
    page = chromium_page
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(page.base_url + "/account/inloggen/")
    page.fill("input[name=username], input[name=email]", DEMO_EMAIL)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/log/")
    for url in PAGES:
        page.goto(page.base_url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, url
        assert page.evaluate(FIRST_WORD_BOXES) == 1, url
