"""The knowledge pages by keyboard and at 200% zoom, in a real browser."""

import pytest

from kniewijs.pages.views import SLUGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cause_card_opens_by_keyboard_without_javascript(chromium_page):
    page = chromium_page
    page.context.set_extra_http_headers({})
    page.goto(page.base_url + "/kennis/oorzaken/")
    card = page.locator("details").first
    assert card.get_attribute("open") is None
    card.locator("summary").focus()
    page.keyboard.press("Enter")
    assert card.get_attribute("open") is not None
    page.keyboard.press("Enter")
    assert card.get_attribute("open") is None


def test_every_knowledge_page_reflows_at_320_css_pixels(chromium_page, artifacts_dir):
    """320 CSS pixels is a 1280-pixel screen at 400% or a phone at 200% zoom (WCAG 1.4.10)."""
    page = chromium_page
    page.set_viewport_size({"width": 320, "height": 640})
    for url in ["/", "/kniecheck/", "/kniecheck/vragen/", "/kniecheck/voorbeeld/knieschijf/"] + [
        f"/kennis/{slug}/" for slug in SLUGS
    ]:
        page.goto(page.base_url + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{url} is {width}px wide"
    page.screenshot(path=str(artifacts_dir / "knowledge-320px.png"), full_page=True)
