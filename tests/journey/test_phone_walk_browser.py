"""Every page a visitor, the demo runner and the demo physio reach, on a 360- and a 390-pixel phone, in Dutch
and in English: nothing wider than the screen, and axe-core finds nothing serious or critical. The booking is
walked through to its end (times, details, confirmation, the mailed link, cancelling). Each first screen is
kept as a screenshot under test-artifacts/walk/."""

from __future__ import annotations

import json
import re

import pytest
from django_otp.oath import totp

from ..browser.accessibility import axe_violations, describe, page_width
from ..conftest import ARTIFACTS, phone_context
from ..walk import walk
from .conftest import SEEDS_ANONYMOUS, SEEDS_PHYSIO, SEEDS_RUNNER, example_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 390)
# The screens the issue names: axe runs on these at both widths, on the rest at 360 px.
KEY_SCREENS = re.compile(
    r"selfcheck:example|training:dashboard|recovery:programme|booking:|privacy:|pages:book|physio:patient"
)


# Buttons, fields and choices smaller than 44 px (a choice counts with its label, which takes the tap too).
SMALL_TARGETS_JS = """() => {
  const small = [];
  const seen = new Set();
  for (const el of document.querySelectorAll(
      'main button, main .button, main input, main select, main textarea, header button')) {
    if (el.type === 'hidden' || el.closest('[hidden]')) continue;
    let target = el;
    if (el.type === 'checkbox' || el.type === 'radio') target = el.closest('label') || (el.id && document.querySelector(`label[for="${el.id}"]`)) || el;
    if (seen.has(target)) continue;
    seen.add(target);
    const box = target.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.height < 43.5) small.push(`${el.tagName.toLowerCase()}${el.name ? '[name=' + el.name + ']' : ''} ${Math.round(box.height)} px: ${(target.innerText || el.value || '').trim().slice(0, 40)}`);
  }
  return small;
}"""


def prefixed(path: str, lang: str) -> str:
    return path if lang == "nl" else "/en" + path


class Walker:
    def __init__(self, lang: str, base_url: str):
        self.lang, self.base_url = lang, base_url
        self.problems: dict[str, list] = {}
        self.walked: list[str] = []
        self.shots = ARTIFACTS / "walk"
        self.shots.mkdir(parents=True, exist_ok=True)

    def check(self, page, role: str, key: str) -> None:
        """The page as it is now, at both widths."""
        found = []
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 780})
            drawn = page_width(page)
            if drawn > width:
                found.append(f"{drawn} px wide at {width} px")
            if width == WIDTHS[0]:
                name = re.sub(r"[^a-z0-9]+", "-", f"{self.lang}-{role}-{key}".lower()).strip("-")
                page.screenshot(path=str(self.shots / f"{name}.png"))
                small = page.evaluate(SMALL_TARGETS_JS)
                if small:
                    found.append({"touch targets under 44 px": small[:8]})
            if width == WIDTHS[0] or KEY_SCREENS.search(key):
                violations = axe_violations(page)
                if violations:
                    found.append({f"axe at {width}": describe(violations)})
        self.walked.append(f"{role} {key}")
        if found:
            self.problems[f"{role} {key} ({page.url.removeprefix(self.base_url)})"] = found

    def check_in_fresh_browser(self, page, path: str, key: str) -> None:
        """A mailed link opened as a visitor without this browser's session would open it."""
        locale = "nl-NL" if self.lang == "nl" else "en-GB"
        fresh = phone_context(page.context.browser, WIDTHS[0], 780, locale).new_page()
        fresh.goto(self.base_url + path)
        fresh.wait_for_load_state()
        self.check(fresh, "visitor", key)
        fresh.context.close()

    def fetch_with(self, page, role: str):
        def fetch(path):
            page.set_viewport_size({"width": WIDTHS[0], "height": 780})
            response = page.goto(self.base_url + path)
            final = page.url.removeprefix(self.base_url)
            content_type = response.headers.get("content-type", "") if response else ""
            status = response.status if response else 0
            return status, content_type, page.content() if "html" in content_type else "", final

        return fetch

    def walk_role(self, page, role: str, seeds: list[str], done: set[str]) -> None:
        for visited in walk(self.fetch_with(page, role), [prefixed(s, self.lang) for s in seeds]):
            if visited.key in done:
                continue
            done.add(visited.key)
            self.check(page, role, visited.key)


def log_in(page, base: str, email: str, password: str) -> None:
    page.goto(base + "/account/inloggen/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()


def book_and_cancel(walker: Walker, page) -> None:
    """The whole booking as a visitor: times, details, confirmation, the mailed link, cancelling."""
    from kniewijs.clinic.links import manage_link
    from kniewijs.clinic.models import Booking

    base, lang = walker.base_url, walker.lang
    page.goto(base + prefixed("/afspraak/", lang))
    page.locator("form[action$='/tijden/'] button[type=submit]").first.click()
    page.locator("button[name=slot]").first.wait_for()
    walker.check(page, "visitor", "booking:slots")
    # The latest time offered: far enough ahead to be moved or cancelled online.
    page.locator("button[name=slot]").last.click()
    page.locator("#id_name").wait_for()
    walker.check(page, "visitor", "booking:details")
    page.locator("#id_name").fill("Anna Jansen")
    page.locator("#id_email").fill(f"anna-{lang}@example.nl")
    page.locator("#id_phone").fill("06 12345678")
    page.locator("button[name=confirm]").click()
    page.wait_for_url("**/afspraak/bevestigd/**")
    walker.check(page, "visitor", "booking:done")
    # The link the confirmation mails (a booking within the day gets none: the page still opens with it).
    booking = Booking.objects.filter(email=f"anna-{lang}@example.nl").latest("created_at")
    link = manage_link(booking)
    page.goto(base + link)
    page.wait_for_url(re.compile(r".*/afspraak/beheer/[0-9a-f-]{36}/$"))
    walker.check(page, "visitor", "booking:manage")
    # Moving it: the times again, then the new time with the newest link.
    page.locator("a[href$='/verzetten/']").first.click()
    page.locator("button[name=slot]").first.wait_for()
    walker.check(page, "visitor", "booking:reschedule")
    page.locator("button[name=slot]").nth(-2).click()
    page.wait_for_load_state()
    booking.refresh_from_db()
    newest = manage_link(booking)
    page.goto(base + newest)
    page.wait_for_url(re.compile(r".*/afspraak/beheer/[0-9a-f-]{36}/$"))
    walker.check(page, "visitor", "booking:manage[moved]")
    # The link from the first e-mail, in a fresh browser: it says the appointment moved.
    walker.check_in_fresh_browser(page, link, "booking:link[replaced]")
    page.locator("a[href$='/annuleren/']").first.click()
    page.locator("form button[type=submit].danger").wait_for()
    walker.check(page, "visitor", "booking:cancel")
    page.locator("form button[type=submit].danger").click()
    page.wait_for_load_state()
    walker.check(page, "visitor", "booking:cancelled")
    # The newest link once more, after cancelling: it says cancelled, and that no newer link exists.
    walker.check_in_fresh_browser(page, newest, "booking:link[cancelled]")


def recordings_of_the_demo(walker: Walker, page, runner) -> None:
    """The demo's activity pages that say what a file left out: a guessed sport, a cut-off run, pauses."""
    from django.urls import reverse

    from kniewijs.training.models import Activity

    mine = Activity.objects.filter(user=runner)
    for key, activity in (
        ("guessed sport", mine.filter(sport_source="guessed").first()),
        ("cut off", mine.exclude(partial_nl="").first()),
        ("paused", mine.filter(pauses__gt=0, partial_nl="").exclude(sport_source="guessed").first()),
    ):
        assert activity is not None, f"the demo has no {key} activity"
        page.goto(walker.base_url + prefixed(reverse("training:activity", args=[activity.pk]), walker.lang))
        walker.check(page, "runner", f"training:activity[{key}]")


def export_being_made(walker: Walker, page, runner) -> None:
    """The export page while the download is being made: a status box that updates itself, no reload."""
    from kniewijs.privacy.models import DataExport

    DataExport.objects.create(user=runner, status=DataExport.Status.RUNNING)
    page.goto(walker.base_url + prefixed("/account/privacy/export/", walker.lang))
    page.locator("#export-status").wait_for()
    walker.check(page, "runner", "privacy:export[being made]")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_fits_a_phone_and_axe_finds_nothing_serious(chromium_browser, demo, lang):
    from kniewijs.clinic.demo import DEMO_PASSWORD as PHYSIO_PASSWORD
    from kniewijs.clinic.demo import DEMO_TOTP_KEY
    from kniewijs.training.demo import DEMO_EMAIL, DEMO_PASSWORD

    _runner, physio = demo
    base = chromium_browser.base_url
    walker = Walker(lang, base)
    done: set[str] = set()
    locale = "nl-NL" if lang == "nl" else "en-GB"

    visitor = phone_context(chromium_browser, 360, 780, locale).new_page()
    walker.walk_role(visitor, "visitor", SEEDS_ANONYMOUS + example_paths(), done)
    book_and_cancel(walker, visitor)

    runner_page = phone_context(chromium_browser, 360, 780, locale).new_page()
    log_in(runner_page, base, DEMO_EMAIL, DEMO_PASSWORD)
    walker.walk_role(runner_page, "runner", SEEDS_RUNNER, done)
    recordings_of_the_demo(walker, runner_page, _runner)
    export_being_made(walker, runner_page, _runner)

    physio_page = phone_context(chromium_browser, 360, 780, locale).new_page()
    log_in(physio_page, base, physio.email, PHYSIO_PASSWORD)
    physio_page.wait_for_url("**/praktijk/code/**")
    physio_page.fill("input[name=code]", f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}")
    physio_page.locator("main form button[type=submit]").click()
    physio_page.wait_for_url("**/praktijk/")
    walker.walk_role(physio_page, "physio", SEEDS_PHYSIO, done)

    (ARTIFACTS / f"walk-{lang}.json").write_text(
        json.dumps({"walked": walker.walked, "problems": walker.problems}, indent=1, ensure_ascii=False)
    )
    expected = {
        "visitor selfcheck:example[slug=knap]",
        "visitor selfcheck:example[slug=warme-knie]",
        "visitor selfcheck:example[slug=knieschijf]",
        "visitor selfcheck:example[slug=blijft-pijn]",
        "visitor selfcheck:example[slug=buitenkant]",
        "visitor booking:cancelled",
        "visitor booking:manage[moved]",
        "visitor booking:link[replaced]",
        "visitor booking:link[cancelled]",
        "runner privacy:export[being made]",
        "runner training:activity[guessed sport]",
        "runner training:activity[cut off]",
        "runner training:activity[paused]",
        "runner training:dashboard",
        "runner recovery:programme",
        "runner privacy:erase",
        "physio physio:patient",
    }
    assert expected <= set(walker.walked), sorted(walker.walked)
    assert len(walker.walked) >= 50
    assert not walker.problems, json.dumps(walker.problems, indent=1, ensure_ascii=False)
