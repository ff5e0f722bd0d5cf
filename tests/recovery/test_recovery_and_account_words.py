"""The recovery and account pages in plain Dutch: "u", no English words, no jargon, no "praktijkpagina",
dates in the one format; and the programme's next step comes first, the programme PDF prints its addresses."""

import json
import re
from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse

from kniewijs.api.models import ApiToken
from kniewijs.recovery.models import Programme, SessionLog

from ..answers import KNEECAP
from ..walk import plain_dutch_problems

pytestmark = pytest.mark.django_db

FRESH = dict(KNEECAP, weeks=1)  # a week of pain: self-care, no advice to see anyone
GP_ADVISED = dict(KNEECAP, weeks=4, improving_with_rest=False)  # pain over weeks despite rest


def start(client, answers=KNEECAP) -> Programme:
    client.post(reverse("recovery:start"), {"state": json.dumps(answers)})
    return Programme.objects.get(active=True)


def red_flag(programme: Programme) -> None:
    SessionLog.objects.create(
        programme=programme, date=programme.started_on, kind="mobility", signs=["calf_swelling"]
    )


def questionnaire_keys() -> list[str]:
    from kniewijs.core.questionnaires import QUESTIONNAIRES

    return list(QUESTIONNAIRES)


def html_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def problems(client, paths) -> dict[str, list[str]]:
    found = {path: plain_dutch_problems(html_of(client, path), runner_facing=True) for path in paths}
    return {path: words for path, words in found.items() if words}


def test_the_account_and_sign_in_pages_speak_plain_dutch():
    anonymous = Client()
    paths = [
        "/account/inloggen/",
        "/account/aanmelden/",
        "/account/aanmelden/verstuurd/",
        "/account/wachtwoord-vergeten/",
        "/account/wachtwoord-vergeten/verstuurd/",
        "/account/wachtwoord-vergeten/klaar/",
    ]
    assert problems(anonymous, paths) == {}


def test_the_signed_in_account_and_token_pages_speak_plain_dutch(runner_client, runner):
    token, _secret = ApiToken.issue(runner, "Horloge", ApiToken.Scope.READ)
    paths = [
        "/account/",
        "/account/uitloggen/",
        "/account/api/",
        "/account/api/nieuw/",
        reverse("api_tokens:revoke", args=[token.pk]),
        "/account/wachtwoord-wijzigen/",
        "/account/wachtwoord-wijzigen/klaar/",
    ]
    assert problems(runner_client, paths) == {}


def test_the_programme_pages_speak_plain_dutch_in_each_state(runner_client, runner):
    start(runner_client, FRESH)
    paths = ["/herstel/", "/herstel/loggen/", "/herstel/vragenlijsten/", "/herstel/stoppen/"]
    paths += [reverse("recovery:questionnaire", args=[key]) for key in questionnaire_keys()]
    assert problems(runner_client, paths) == {}
    for answers in (KNEECAP, GP_ADVISED):  # a physio's check advised, then the GP
        start(runner_client, answers)
        assert problems(runner_client, ["/herstel/"]) == {}
    red_flag(Programme.objects.get(active=True))
    assert problems(runner_client, ["/herstel/"]) == {}


def order_of(html: str, *needles: str) -> list[int]:
    main = html.split("<main", 1)[1]
    return [main.index(needle) for needle in needles]


def test_todays_sessions_and_the_log_button_come_first_and_the_details_are_folded(runner_client):
    start(runner_client, FRESH)
    html = html_of(runner_client, reverse("recovery:programme"))
    box = html.split('class="next-step"', 1)[1].split("</section>", 1)[0]
    assert "Vandaag" in box and f'href="{reverse("recovery:log")}"' in box and 'class="button"' in box
    # The next step sits right under the heading, before the start date, the sessions' details, the week.
    heading, step, started, card, week = order_of(
        html, "<h1", 'class="next-step"', "Begonnen op", 'class="card"', "De komende week"
    )
    assert heading < step < started < card < week
    card_html = html.split('class="card"', 1)[1].split("</section>", 1)[0]
    assert re.search(r"<details>\s*<summary>", card_html), "a session's details start folded"


def test_a_rest_day_says_so_in_the_next_step(runner_client):
    start(runner_client, FRESH)  # the first days of a programme are rest for the knee: no running
    box = html_of(runner_client, reverse("recovery:programme")).split('class="next-step"', 1)[1]
    assert "Vandaag geen hardlopen" in box.split("</section>", 1)[0]


def test_pain_that_needs_a_doctor_is_the_next_step_with_the_booking_button(runner_client):
    start(runner_client, GP_ADVISED)
    html = html_of(runner_client, reverse("recovery:programme"))
    box = html.split('class="next-step', 1)[1].split("</section>", 1)[0]
    assert "huisarts" in box and f'href="{reverse("booking:start")}"' in box
    assert reverse("recovery:reviewed") in box
    heading, step, started = order_of(html, "<h1", 'class="next-step', "Begonnen op")
    assert heading < step < started


def test_a_red_flag_is_the_next_step_with_112_once_and_the_doctor_button(runner_client):
    red_flag(start(runner_client))
    html = html_of(runner_client, reverse("recovery:programme"))
    box = html.split('next-step"', 1)[1].split("</section>", 1)[0]
    assert 'href="tel:112"' in box and reverse("recovery:reviewed") in box
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert main.count('href="tel:112"') == 1
    heading, step, started = order_of(html, "<h1", 'next-step"', "Begonnen op")
    assert heading < step < started


def pdf_text(response) -> str:
    from pypdf import PdfReader

    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    return re.sub(r"\s+", "", text)  # a long address may be broken over two lines


def test_the_programme_pdf_prints_the_whole_address_of_the_booking_link(runner_client):
    start(runner_client, GP_ADVISED)
    text = pdf_text(runner_client.get(reverse("recovery:pdf")))
    assert "http://testserver" + reverse("booking:start") in text
    assert "http://testserver" + reverse("pages:knowledge_section", args=["oefeningen"]) in text
