"""A runner on a phone completes the self-check in a real browser and sees the result and plan."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_runner_on_a_phone_completes_the_self_check_and_sees_the_plan(chromium_page, artifacts_dir):
    page = chromium_page
    page.goto(page.base_url + "/kniecheck/")
    # Our own stylesheet is served (no CDN): the header wears the brand colour.
    header_colour = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert header_colour == "rgb(0, 90, 112)"
    page.get_by_role("link", name="Start de kniecheck").click()

    page.get_by_label("Hoe oud bent u?").fill("34")
    page.locator("label[for=id_injury_1]").click()  # nee
    page.get_by_label("Hoeveel weken heeft u de klachten al?").fill("3")
    page.get_by_role("button", name="Volgende").click()

    page.locator("label[for=id_can_take_4_steps_0]").click()  # ja
    page.locator("label[for=id_can_bend_90_0]").click()  # ja
    page.locator("label[for=id_swelling_0]").click()  # geen zwelling
    page.get_by_role("button", name="Volgende").click()

    # How you are otherwise: nothing ticked.
    assert page.get_by_text("Ik ben kortademig of heb pijn op de borst").is_visible()
    page.get_by_role("button", name="Volgende").click()

    for name, value in (("pain_now", "1"), ("pain_running", "3"), ("pain_next_morning", "0")):
        page.locator(f"label[for=id_{name}_{value}]").click()
    page.locator("label[for=id_improving_with_rest_0]").click()
    page.get_by_role("button", name="Volgende").click()

    page.locator("label[for=id_location_1]").click()  # rond de knieschijf
    page.locator("label[for=id_worse_with_0]").click()  # traplopen
    page.get_by_role("button", name="Volgende").click()

    page.get_by_label("Hoeveel kilometer loopt u nu per week?").fill("30")
    page.get_by_role("button", name="Volgende").click()
    page.get_by_label("Hoeveel kilometer hebben uw hardloopschoenen ongeveer gelopen?").fill("750")
    page.get_by_role("button", name="Volgende").click()

    heading = page.get_by_role("heading", name="Laat uw knie nakijken door een fysiotherapeut")
    heading.wait_for()
    # The plan is folded under the next step and the summary; it opens with one tap.
    page.locator("details.result-plan > summary").click()
    assert page.get_by_role("heading", name="Krachtoefeningen").is_visible()
    assert page.get_by_text("Patellofemorale pijn").first.is_visible()
    # Mobile first: nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts_dir / "selfcheck-result-phone.png"), full_page=True)
