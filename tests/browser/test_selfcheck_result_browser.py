"""On a 390 x 844 phone the result's one next step, with its button, is on the first screen for every level."""

import json

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST_SCREEN = 700  # px from the top of the page, leaving the phone's own bars room on an 844 px screen


@pytest.mark.parametrize(
    ("slug", "level"),
    [
        ("knap", "emergency"),
        ("warme-knie", "urgent"),
        ("blijft-pijn", "gp"),
        ("knieschijf", "physio"),
        ("buitenkant", "self_care"),
    ],
)
def test_the_next_step_button_is_on_the_first_phone_screen(chromium_page, artifacts_dir, slug, level):
    page = chromium_page
    page.goto(page.base_url + f"/kniecheck/voorbeeld/{slug}/")
    box = page.locator(f".next-step-{level}")
    action = box.locator("[data-next-action]")
    assert action.count() == 1
    top = action.bounding_box()["y"] + page.evaluate("window.scrollY")
    assert top < FIRST_SCREEN, f"{level}: the next step starts at {top:.0f} px"
    assert action.is_visible()
    if level == "emergency":
        assert action.get_attribute("href") == "tel:112"
    elif level in ("physio", "self_care"):
        assert action.evaluate("el => el.closest('form').getAttribute('action')") == "/afspraak/"
    # Everything else is folded: the page is a few screens, not fifteen thousand pixels.
    assert page.evaluate("document.documentElement.scrollHeight") < 4 * 844
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts_dir / f"selfcheck-result-{level}-phone.png"))


def test_a_result_with_open_questions_still_shows_the_next_step_first(chromium_page, artifacts_dir):
    """Reached from the wizard's last screen with warning-sign questions left open."""
    page = chromium_page
    state = {"age": 34, "injury": False, "weeks": 1, "pain_now": 1}
    page.goto(page.base_url + "/kniecheck/vragen/")
    page.evaluate(
        """([state]) => { const f = document.querySelector('main form:has([name=step])');
             f.querySelector('[name=state]').value = state;
             f.querySelector('[name=step]').value = 'recovery'; }""",
        [json.dumps(state)],
    )
    page.get_by_role("button", name="Volgende").click()
    page.locator(".open-questions").wait_for()
    action = page.locator(".next-step [data-next-action]")
    assert action.bounding_box()["y"] < FIRST_SCREEN
    assert page.locator(".open-questions").bounding_box()["y"] > action.bounding_box()["y"]
    page.screenshot(path=str(artifacts_dir / "selfcheck-result-open-questions-phone.png"))
