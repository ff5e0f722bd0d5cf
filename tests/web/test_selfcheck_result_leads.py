"""The result page leads: the one next step first, a short summary, the details folded; one booking button."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from kniewijs.selfcheck.examples import EXAMPLES

EXAMPLE_LEVELS = {
    "knap": "emergency",
    "warme-knie": "urgent",
    "blijft-pijn": "gp",
    "knieschijf": "physio",
    "buitenkant": "self_care",
}
GP_ANSWERS = dict(EXAMPLES["knieschijf"][1]) | {"night_pain": True}
BOOKING_PATHS = ("/afspraak/", "/kniecheck-afspraak/")


class _Main(HTMLParser):
    """The start tags inside <main>, in document order, and the text inside it."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.inside = True
        elif self.inside:
            self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        if tag == "main":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)


def main_of(html):
    parser = _Main()
    parser.feed(html)
    return parser


def position(main, css_class):
    found = [i for i, (_tag, attrs) in enumerate(main.tags) if css_class in attrs.get("class", "").split()]
    assert found, f"no .{css_class} on the page"
    return found[0]


def booking_targets(main):
    """Every link or form on the page that leads to booking the knee check."""
    return [
        (tag, attrs.get("href") or attrs.get("action"))
        for tag, attrs in main.tags
        if (tag == "a" and (attrs.get("href") or "").startswith(BOOKING_PATHS))
        or (tag == "form" and (attrs.get("action") or "").startswith(BOOKING_PATHS))
    ]


def result_html(client, slug=None, answers=None):
    if slug:
        return client.get(reverse("selfcheck:example", args=[slug])).content.decode()
    state = json.dumps(answers)
    return client.post(
        reverse("selfcheck:questions"), {"state": state, "step": "recovery", "nav": "next"}
    ).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("slug", list(EXAMPLE_LEVELS))
def test_the_next_step_comes_before_the_summary_which_comes_before_the_folded_details(client, slug):
    main = main_of(result_html(client, slug))
    heading = next(i for i, (tag, _a) in enumerate(main.tags) if tag == "h1")
    next_step = position(main, "next-step")
    assert f"next-step-{EXAMPLE_LEVELS[slug]}" in main.tags[next_step][1]["class"]
    assert heading < next_step < position(main, "result-summary") < position(main, "result-details")
    details = position(main, "result-details")
    assert all(i > details for i, (tag, _a) in enumerate(main.tags) if tag == "details")
    assert not [a for tag, a in main.tags[details:] if "data-next-action" in a], "the action sits in the box"


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["knieschijf", "buitenkant"])
def test_physio_and_self_care_have_exactly_one_booking_button_and_it_carries_the_answers(client, slug):
    html = result_html(client, slug)
    main = main_of(html)
    assert booking_targets(main) == [("form", reverse("booking:start"))]
    button = next(a for tag, a in main.tags if "data-booking" in a)
    assert "data-next-action" in button
    assert (
        position(main, "next-step") < main.tags.index(("button", button)) < position(main, "result-summary")
    )
    assert 'name="state"' in html.split('action="/afspraak/"', 1)[1].split("</form>", 1)[0]


@pytest.mark.django_db
def test_a_signed_in_runner_still_sees_one_booking_button(client, runner):
    client.force_login(runner)
    main = main_of(result_html(client, "knieschijf"))
    assert len(booking_targets(main)) == 1
    assert any(a.get("action") == reverse("recovery:start") for tag, a in main.tags if tag == "form")


@pytest.mark.django_db
@pytest.mark.parametrize("slug", list(EXAMPLE_LEVELS))
def test_tel_112_is_offered_only_for_an_emergency(client, slug):
    main = main_of(result_html(client, slug))
    calls = [a for tag, a in main.tags if tag == "a" and a.get("href") == "tel:112"]
    if EXAMPLE_LEVELS[slug] == "emergency":
        assert len(calls) == 1 and "data-next-action" in calls[0]
        assert booking_targets(main) == []
    else:
        assert calls == []


@pytest.mark.django_db
def test_the_same_day_result_says_call_the_gp_or_the_huisartsenpost_and_how_to_find_the_number(client):
    main = main_of(result_html(client, "warme-knie"))
    text = " ".join(" ".join(main.text).split())
    box = text.split("Vandaag nog naar een arts", 1)[1].split("Waarom dit advies", 1)[0]
    assert "Bel vandaag uw huisarts" in box and "huisartsenpost" in box
    assert "Zo vindt u het nummer" in box and "website van uw huisartsenpraktijk" in box
    assert booking_targets(main) == []
    assert not re.search(r"\b0\d{2,3}[- ]?\d{6,7}\b", text), "no phone number is made up"


@pytest.mark.django_db
def test_a_gp_result_gives_the_gp_advice_and_no_booking(client):
    main = main_of(result_html(client, answers=GP_ANSWERS))
    box_start = position(main, "next-step")
    assert "next-step-gp" in main.tags[box_start][1]["class"]
    text = " ".join(" ".join(main.text).split())
    assert "Bel uw huisarts voor een afspraak" in text
    assert booking_targets(main) == []


@pytest.mark.django_db
def test_open_safety_questions_stay_right_under_the_next_step(client):
    state = {"age": 34, "injury": False, "weeks": 1, "pain_now": 1}
    main = main_of(result_html(client, answers=state))
    assert position(main, "next-step") < position(main, "open-questions") < position(main, "result-summary")


@pytest.mark.django_db
def test_the_summary_is_short_and_the_escalations_name_one_level_per_item(client):
    html = result_html(client, "knieschijf")
    summary = html.split('class="result-summary"', 1)[1].split('class="result-details"', 1)[0]
    assert len(re.sub(r"<[^>]+>|\s+", " ", summary).split()) < 120
    escalate = html.split('class="escalate"', 1)[1].split("</details>", 1)[0]
    titles = re.findall(r"<li><strong>([^<]+)</strong>", escalate)
    assert titles == [
        "Bel nu 112",
        "Vandaag nog naar een arts",
        "Maak binnen een paar dagen een afspraak bij de huisarts",
        "Laat uw knie nakijken door een fysiotherapeut",
    ]
    assert ": Vandaag nog" not in escalate and "bel 112:" not in escalate


# Jargon a runner cannot know, and English sentences, outside <cite> on a Dutch result page.
JARGON = re.compile(r"\b(?:RR|HR|ACWR|U[0-5])\b|praktijkpagina|rest van de keten|Eerst hulp")
ENGLISH = re.compile(r"\b(?:the|and|your|with|guideline|levels|should)\b")


def running_text(html):
    html = re.sub(r"<(cite|script|style|title)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.django_db
@pytest.mark.parametrize("slug", list(EXAMPLE_LEVELS))
def test_the_dutch_result_page_has_no_jargon_and_no_english_outside_a_cited_title(client, slug):
    text = running_text(main_of_html(result_html(client, slug)))
    assert not JARGON.findall(text), JARGON.findall(text)
    assert not ENGLISH.findall(text), ENGLISH.findall(text)


def main_of_html(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]
