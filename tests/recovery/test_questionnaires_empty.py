"""A questionnaire sent without a single answer is refused with a Dutch error: no empty answer row, and so no
questionnaire marked done (with nothing in it) that pushes the next one two weeks away."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kniewijs.core.questionnaires import KOOS_PF, KUJALA
from kniewijs.recovery.models import QuestionnaireResponse

pytestmark = pytest.mark.django_db

ERROR = "Kies bij minstens één vraag een antwoord. Er is nog niets opgeslagen."


def best(questionnaire):
    return {item.key: max(item.options, key=lambda o: o.points).value for item in questionnaire.items}


@pytest.mark.parametrize("questionnaire", [KUJALA, KOOS_PF], ids=["kujala", "koos_pf"])
@pytest.mark.parametrize(
    "sent",
    [
        {},  # nothing at all
        {"csrfmiddlewaretoken": "x"},  # what a browser sends for a form with no choice made
        "blank",  # every question present with an empty value
    ],
    ids=["nothing", "token-only", "all-blank"],
)
def test_an_empty_post_is_refused_with_a_dutch_error(runner_client, runner, questionnaire, sent):
    data = {item.key: "" for item in questionnaire.items} if sent == "blank" else sent
    key = "kujala" if questionnaire is KUJALA else "koos_pf"
    response = runner_client.post(reverse("recovery:questionnaire", args=[key]), data)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert ERROR in response.content.decode()
    assert not QuestionnaireResponse.objects.filter(user=runner).exists()
    overview = runner_client.get(reverse("recovery:questionnaires")).content.decode()
    assert "Uw antwoorden zijn opgeslagen" not in overview


def test_one_answer_is_not_empty_and_is_kept_as_before(runner_client, runner):
    (first_key, first_value), *_rest = best(KUJALA).items()
    response = runner_client.post(
        reverse("recovery:questionnaire", args=["kujala"]), {first_key: first_value}
    )
    assert response.status_code == 302
    saved = QuestionnaireResponse.objects.get(user=runner)
    assert saved.answers == {first_key: first_value} and saved.score is None  # too few for a score, as before


def test_after_the_refusal_the_full_form_saves(runner_client, runner):
    url = reverse("recovery:questionnaire", args=["kujala"])
    runner_client.post(url, {"csrfmiddlewaretoken": "x"})
    assert runner_client.post(url, best(KUJALA)).status_code == 302
    assert QuestionnaireResponse.objects.get(user=runner).score == 100
