"""On a 360-pixel phone in chromium: the account pages and the recovery programme pages fit the screen (no
sideways scrolling), and every checkbox of the programme log is a touch target of at least 44 px."""

import pytest

from ..answers import KNEECAP
from ..conftest import make_runner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-42"


def signed_in_runner_with_a_programme_and_a_token(page):
    from kniewijs.api.models import ApiToken
    from kniewijs.core.answers import parse_answers
    from kniewijs.recovery.models import QuestionnaireResponse
    from kniewijs.recovery.starting import start_from_selfcheck
    from kniewijs.training.history import local_today

    runner = make_runner("een.heel.lang.adres.van.een.hardloper@voorbeeld-hardloopvereniging.nl", PASSWORD)
    start_from_selfcheck(runner, parse_answers(KNEECAP), local_today(runner))
    ApiToken.issue(runner, "Mijn hardloophorloge-synchronisatiescript", ApiToken.Scope.WRITE)
    # A score already there, so the questionnaires page shows its table.
    QuestionnaireResponse.objects.create(
        user=runner, questionnaire="kujala", date=local_today(runner), score=71
    )
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(page.base_url + "/account/inloggen/")
    page.fill("input[name=username]", runner.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/log/")


def width(page, path: str) -> tuple[int, list[str]]:
    """The page's width, and the elements that reach past the screen (to say what pushes it sideways)."""
    page.goto(page.base_url + path)
    return page.evaluate(
        """[document.documentElement.scrollWidth,
            [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361)
              .slice(-5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40))]"""
    )


def assert_boxes_are_44_pixels(page, path: str) -> None:
    """Every checkbox and radio sits in a label (the whole label is the tap target) at least 44 px high."""
    page.goto(page.base_url + path)
    heights = page.evaluate(
        """[...document.querySelectorAll('main input[type=checkbox], main input[type=radio]')].map(
            input => { const label = input.closest('label');
                       return [input.name, label ? label.getBoundingClientRect().height : 0]; })"""
    )
    assert heights and all(h >= 44 for _, h in heights), (path, heights)


def test_the_account_and_programme_pages_fit_a_360_pixel_phone_and_the_log_boxes_are_44_pixels(
    chromium_page, artifacts_dir
):
    page = chromium_page
    signed_in_runner_with_a_programme_and_a_token(page)
    paths = [
        "/account/",
        "/account/api/",
        "/account/api/nieuw/",
        "/herstel/",
        "/herstel/loggen/",
        "/herstel/vragenlijsten/",
        "/herstel/vragenlijsten/kujala/",
    ]
    widths = {path: width(page, path) for path in paths}
    assert all(w <= 360 for w, _ in widths.values()), widths

    # "Herstelprogramma" stays one word on one line, not "Herstelprogramm / a".
    page.goto(page.base_url + "/herstel/")
    lines = page.evaluate(
        """(() => { const h1 = document.querySelector('main h1');
                    return h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight); })()"""
    )
    assert lines < 1.5, lines
    page.screenshot(path=str(artifacts_dir / "recovery-next-step-360.png"), full_page=True)

    # Each token is a card; its short code stays beside "Naam", not under the label.
    page.goto(page.base_url + "/account/api/")
    indent = page.evaluate(
        """(() => { const code = document.querySelector('table.reflow td code');
                    return code.getBoundingClientRect().left - code.closest('td').getBoundingClientRect().left; })()"""
    )
    assert indent > 80, indent
    page.screenshot(path=str(artifacts_dir / "account-api-tokens-360.png"), full_page=True)

    for path in ("/herstel/vragenlijsten/kujala/", "/account/api/nieuw/", "/herstel/loggen/"):
        assert_boxes_are_44_pixels(page, path)
    page.screenshot(path=str(artifacts_dir / "recovery-log-360.png"), full_page=True)

    # The new token is shown once, whole: it wraps rather than pushing the page sideways.
    page.goto(page.base_url + "/account/api/nieuw/")
    page.fill("input[name=name]", "Tweede-script-met-een-lange-naam")
    page.locator("main form button[type=submit]").click()
    page.get_by_role("heading", name="Uw nieuwe sleutel").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
