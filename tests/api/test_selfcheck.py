"""POST /api/v1/selfcheck: the same result as `kniewijs check --json`, nothing stored, no token needed."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from .conftest import bearer

pytestmark = pytest.mark.django_db

URL = "/api/v1/selfcheck"
ANSWERS = {
    "age": 34,
    "weeks": 3,
    "pain_running": 5,
    "location": "kneecap",
    "worse_with": ["stairs", "downhill"],
    "swelling": "none",
    "weekly_km_now": 40,
    "weekly_km_4_weeks_ago": 25,
}


def cli_result(answers, lang: str, tmp_path) -> dict:
    path = tmp_path / "antwoorden.json"
    path.write_text(json.dumps(answers))
    out = StringIO()
    call_command("check", "--answers", str(path), "--json", "--lang", lang, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(("accept", "lang"), [("", "nl"), ("en", "en"), ("fr, en;q=0.5", "en")])
def test_the_api_gives_exactly_what_the_cli_prints(client, tmp_path, accept, lang):
    response = client.post(URL, ANSWERS, content_type="application/json", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 200
    assert response.json() == cli_result(ANSWERS, lang, tmp_path)
    assert response.json()["language"] == lang


def test_red_flags_give_the_emergency_level(client):
    body = client.post(
        URL, {"injury": True, "pop": True, "lost_function": True}, content_type="application/json"
    )
    assert body.json()["level"] == "emergency"


def test_invalid_answers_are_422_listing_every_bad_field(client):
    response = client.post(
        URL, {"age": 300, "injury": "ja", "location": "elleboog", "extra": 1}, content_type="application/json"
    )
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors == {
        "age": "Dit getal mag hoogstens 110 zijn.",
        "injury": "Kies ja of nee.",
        "location": "Kies een van de mogelijkheden.",
    }


def test_the_errors_are_english_when_asked(client):
    response = client.post(URL, {"injury": "yes"}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["errors"] == [{"field": "injury", "message": "Choose yes or no."}]


@pytest.mark.parametrize("body", ["[1, 2]", '"ja"', "null"])
def test_a_body_that_is_not_an_object_is_422(client, body):
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "(answers)"


@pytest.mark.parametrize("body", ["{kapot", "[" * 100_000, b"\xff\xfe"])
def test_a_body_that_is_not_json_is_400(client, body):
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 400


def test_a_token_is_welcome_but_not_needed(client, runner, read_secret):
    assert client.post(URL, {}, content_type="application/json", **bearer(read_secret)).status_code == 200
    assert client.post(URL, {}, content_type="application/json").status_code == 200


def test_nothing_is_stored(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.post(URL, ANSWERS, content_type="application/json").status_code == 200
