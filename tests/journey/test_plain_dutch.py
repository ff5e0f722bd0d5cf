"""Every page a visitor, the demo runner and the demo physio can reach, in Dutch: no English, no "je", no
jargon a runner cannot know (ACWR, RR, HR, U0-U5, "praktijkpagina"), months written the Dutch way. Citations
and code are left out: a source keeps its own title."""

import json

import pytest

from ..conftest import ARTIFACTS, verified_client
from ..walk import plain_dutch_problems, walk
from .conftest import SEEDS_ANONYMOUS, SEEDS_PHYSIO, SEEDS_RUNNER, example_paths


def client_fetch(client):
    def fetch(path):
        response = client.get(path, follow=True)
        final = response.redirect_chain[-1][0] if response.redirect_chain else path
        body = (
            response.content.decode("utf-8", "replace") if "html" in response.get("Content-Type", "") else ""
        )
        return response.status_code, response.get("Content-Type", ""), body, final

    return fetch


def problems_on_every_page(client, seeds, *, runner_facing, role):
    found, keys = {}, []
    for page in walk(client_fetch(client), seeds):
        keys.append(page.key)
        problems = plain_dutch_problems(page.html, runner_facing=runner_facing)
        if problems:
            found[f"{page.key} ({page.path})"] = problems
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"plain-dutch-{role}.json").write_text(
        json.dumps({"pages": keys, "problems": found}, indent=1)
    )
    return found, keys


@pytest.mark.django_db
def test_the_pages_a_visitor_sees_are_plain_dutch(client, demo):
    found, keys = problems_on_every_page(
        client, SEEDS_ANONYMOUS + example_paths(), runner_facing=True, role="visitor"
    )
    assert len(keys) >= 20, keys  # the walk reached the knowledge pages, the examples and the booking
    assert {"selfcheck:example[slug=knap]", "pages:book", "booking:slots[slug=hardloopknie]"} <= set(keys), (
        keys
    )
    assert not found, found


@pytest.mark.django_db
def test_the_pages_the_demo_runner_sees_are_plain_dutch(client, demo):
    runner, _physio = demo
    client.force_login(runner)
    found, keys = problems_on_every_page(client, SEEDS_RUNNER, runner_facing=True, role="runner")
    assert {"training:dashboard", "training:activities", "recovery:programme", "privacy:export"} <= set(keys)
    assert not found, found


@pytest.mark.django_db
def test_the_pages_the_demo_physio_sees_are_dutch_and_say_u(demo):
    _runner, physio = demo
    found, keys = problems_on_every_page(
        verified_client(physio), SEEDS_PHYSIO, runner_facing=False, role="physio"
    )
    assert {"physio:dashboard", "physio:patient"} <= set(keys), keys
    assert not found, found


def test_the_check_finds_english_jargon_and_je_but_not_a_cited_title():
    html = (
        "<main><p>Uw ACWR is 1,7 en je schoenen</p><p>Shoe</p><cite>The hot swollen joint</cite>"
        "<p lang='en'>English</p><p>30 Nov</p></main>"
    )
    problems = " | ".join(plain_dutch_problems(html, runner_facing=True))
    assert "ACWR" in problems and "je/jij" in problems and "English words" in problems
    assert "capitalised month" in problems and "hot swollen" not in problems
    assert plain_dutch_problems("<p>Uw schoenen: 30 nov</p>", runner_facing=True) == []
