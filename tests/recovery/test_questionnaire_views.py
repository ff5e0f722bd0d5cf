"""The questionnaires through the web: scored by the core, stored per runner, trend with the MIC."""

import pytest
from django.urls import reverse

from kniewijs.core.questionnaires import KOOS_PF, KUJALA
from kniewijs.recovery.models import QuestionnaireResponse

pytestmark = pytest.mark.django_db


def best_answers(questionnaire):
    return {item.key: max(item.options, key=lambda o: o.points).value for item in questionnaire.items}


def test_all_best_answers_score_100_and_are_kept_for_the_runner(runner_client, runner):
    response = runner_client.post(reverse("recovery:questionnaire", args=["kujala"]), best_answers(KUJALA))
    assert response.status_code == 302
    saved = QuestionnaireResponse.objects.get(user=runner)
    assert saved.questionnaire == "kujala" and saved.score == 100


def test_too_few_answers_give_no_score_and_a_dutch_explanation(runner_client, runner):
    answers = dict(list(best_answers(KOOS_PF).items())[:5])
    response = runner_client.post(reverse("recovery:questionnaire", args=["koos_pf"]), answers, follow=True)
    assert QuestionnaireResponse.objects.get(user=runner).score is None
    from kniewijs.core.questionnaires import score

    reason = score(KOOS_PF, answers).reason.nl
    assert reason in response.content.decode()


def test_the_overview_marks_a_change_of_at_least_the_mic_as_real(runner_client, runner):
    from datetime import date

    QuestionnaireResponse.objects.create(
        user=runner, questionnaire="koos_pf", date=date(2027, 1, 1), score=40
    )
    QuestionnaireResponse.objects.create(
        user=runner, questionnaire="koos_pf", date=date(2027, 1, 15), score=60
    )
    html = runner_client.get(reverse("recovery:questionnaires")).content.decode()
    assert "een echte verbetering" in html


def test_an_unknown_questionnaire_is_404_and_anonymous_visitors_must_log_in(runner_client):
    from django.test import Client

    assert runner_client.get(reverse("recovery:questionnaire", args=["sf36"])).status_code == 404
    response = Client().get(reverse("recovery:questionnaires"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_another_runner_never_sees_these_scores(client, runner, second_runner):
    from datetime import date

    QuestionnaireResponse.objects.create(user=runner, questionnaire="kujala", date=date(2027, 1, 1), score=71)
    client.force_login(second_runner)
    page = client.get(reverse("recovery:questionnaires")).content.decode()
    # The score's cell and its date, not the bare digits: a random CSRF token may hold "71".
    assert ">71</td>" not in page and "1 jan 2027" not in page
    client.force_login(runner)
    assert ">71</td>" in client.get(reverse("recovery:questionnaires")).content.decode()  # the check works
