"""The self-check wizard through Django's test client, in Dutch and in English."""

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

QUESTIONS = reverse("selfcheck:questions")

QUIET_SCREENS = [
    ("about", {"age": "34", "injury": "no", "weeks": "3"}),
    ("signs", {"can_take_4_steps": "yes", "can_bend_90": "yes", "swelling": "none"}),
    ("body", {}),
    (
        "pain",
        {
            "pain_now": "1",
            "pain_running": "3",
            "pain_next_morning": "0",
            "improving_with_rest": "yes",
        },
    ),
    ("where", {"location": "kneecap", "worse_with": ["stairs", "squatting"]}),
    (
        "training",
        {
            "weekly_km_now": "30",
            "weekly_km_4_weeks_ago": "18",
            "longest_run_km_30d": "10",
            "last_long_run_km": "15",
        },
    ),
    (
        "recovery",
        {
            "sleep_hours": "6,5",
            "shoe_km": "750",
            "strength_sessions_per_week": "0",
            "deep_squat_heels_down": "no",
        },
    ),
]


def walk(client, screens, prefix=""):
    """Post each screen with the state the previous response carried; return the last response."""
    state = ""
    response = client.get(prefix + QUESTIONS)
    for step, data in screens:
        assert f'name="step" value="{step}"' in response.content.decode(), step
        response = client.post(prefix + QUESTIONS, {"state": state, "step": step, "nav": "next", **data})
        assert response.status_code == 200
        state = response.context.get("state_json", state)
    return response


def test_the_start_page_explains_and_offers_one_start_button(client):
    html = client.get(reverse("selfcheck:start")).content.decode()
    assert 'lang="nl"' in html and "Start de kniecheck" in html
    assert html.count('class="button"') == 1


def test_a_runner_without_red_flags_reaches_a_physio_result_with_plan_in_dutch(client):
    response = walk(client, QUIET_SCREENS)
    html = response.content.decode()
    assert response.context["level_code"] == "physio"
    assert "Laat uw knie nakijken door een fysiotherapeut" in html
    assert "Patellofemorale pijn" in html
    assert "Uw plan" in html and "Krachtoefeningen" in html
    assert 'role="alert"' not in html
    assert response["Cache-Control"] == "no-store"


def test_the_same_walk_in_english(client):
    response = walk(client, QUIET_SCREENS, prefix="/en")
    html = response.content.decode()
    assert 'lang="en"' in html and "Have a physiotherapist check your knee" in html and "Your plan" in html


INJURY_SCREENS = [
    ("about", {"age": "29", "injury": "yes", "weeks": "0"}),
    (
        "injury",
        {
            "fall": "no",
            "pop": "yes",
            "sudden_severe_pain": "yes",
            "lost_function": "yes",
            "straight_leg_raise": "no",
        },
    ),
]


def test_a_pop_with_loss_of_function_that_cannot_walk_stops_the_check_with_a_112_banner(client):
    screens = [
        *INJURY_SCREENS,
        ("signs", {"can_take_4_steps": "no", "can_bend_90": "no", "swelling": "fast"}),
    ]
    html = walk(client, screens).content.decode()
    assert 'role="alert"' in html and 'href="tel:112"' in html and "Bel nu 112" in html


def test_after_a_pop_the_check_asks_about_walking_now_before_any_112(client):
    response = walk(client, INJURY_SCREENS)
    assert response.context["step"].key == "signs"
    assert 'name="can_take_4_steps"' in response.content.decode()


def test_a_pop_that_walks_again_is_same_day_with_the_evidence_note_and_no_112_button(client):
    screens = [
        ("about", {"age": "29", "injury": "yes", "weeks": "0"}),
        (
            "injury",
            {
                "fall": "no",
                "pop": "yes",
                "sudden_severe_pain": "no",
                "lost_function": "yes",
                "straight_leg_raise": "yes",
            },
        ),
        ("signs", {"can_take_4_steps": "yes", "can_bend_90": "yes", "swelling": "none"}),
        ("body", {}),
        (
            "pain",
            {"pain_now": "2", "pain_running": "0", "pain_next_morning": "0", "improving_with_rest": "yes"},
        ),
    ]
    response = walk(client, screens)
    html = response.content.decode()
    assert response.context["level_code"] == "urgent"
    assert "112 is niet meer nodig" in html and "Wat het onderzoek zegt" in html
    assert 'class="call" href="tel:112"' not in html


def test_a_hot_swollen_knee_gets_the_same_day_banner_after_the_pain_screen(client):
    screens = [
        ("about", {"age": "50", "injury": "no", "weeks": "0,3"}),
        (
            "signs",
            {"can_take_4_steps": "yes", "can_bend_90": "yes", "swelling": "slow", "warm": "on", "red": "on"},
        ),
        ("body", {}),
        (
            "pain",
            {
                "pain_now": "5",
                "pain_running": "5",
                "pain_next_morning": "5",
                "improving_with_rest": "no",
            },
        ),
    ]
    response = walk(client, screens)
    assert response.context["level_code"] == "urgent"
    assert "next-step-urgent" in response.content.decode()


def test_breathlessness_ends_the_check_at_112_naming_a_clot_not_the_knee(client):
    screens = [
        ("about", {"age": "40", "injury": "no", "weeks": "1"}),
        (
            "signs",
            {"can_take_4_steps": "yes", "can_bend_90": "yes", "swelling": "none", "calf_swelling": "on"},
        ),
        ("body", {"breathless_or_chest_pain": "on"}),
    ]
    html = walk(client, screens).content.decode()
    assert "Bel nu 112" in html and "bloedstolsel" in html
    assert "knieletsel" not in html


def test_a_result_with_open_safety_questions_lists_them_and_leads_back_to_their_screen(client):
    state = {"age": 34, "injury": False, "weeks": 1, "pain_now": 1}
    complete = client.get(reverse("selfcheck:example", args=["knieschijf"])).content.decode()
    assert "Beantwoord eerst deze vragen" not in complete
    # A result reached with answers from an older check: the last screen posted with a partial state.
    response = client.post(QUESTIONS, {"state": json.dumps(state), "step": "recovery", "nav": "next"})
    html = response.content.decode()
    assert "calf_swelling" in response.context["result"].unanswered_safety
    assert "Beantwoord eerst deze vragen" in html and "Mijn kuit is dik, pijnlijk of gespannen" in html
    assert 'name="goto" value="signs"' in html
    assert client.post(reverse("selfcheck:pdf"), {"state": json.dumps(state)}).status_code == 200
    back = client.post(QUESTIONS, {"state": json.dumps(state), "nav": "goto", "goto": "signs"})
    assert back.context["step"].key == "signs"
    # A screen the runner's path does not pass is not offered.
    refused = client.post(QUESTIONS, {"state": json.dumps(state), "nav": "goto", "goto": "injury"})
    assert refused.status_code == 400


def test_missing_answers_are_named_in_dutch_and_nothing_is_lost(client):
    response = client.post(QUESTIONS, {"state": "", "step": "about", "nav": "next", "age": "200"})
    html = response.content.decode()
    assert response.context["step"].key == "about"
    assert "Beantwoord deze vraag" in html  # injury left out
    assert "hoogstens 110" in html  # Django's own Dutch message for the bound
    assert 'value="200"' in html


def test_going_back_shows_the_earlier_answers(client):
    state = json.dumps({"age": 34, "injury": False, "weeks": 2})
    response = client.post(QUESTIONS, {"state": state, "step": "signs", "nav": "back"})
    assert response.context["step"].key == "about"
    html = response.content.decode()
    assert 'value="34"' in html and 'value="no" id="id_injury_1" checked' in html


def test_a_tampered_state_is_refused_with_a_clear_message(client):
    response = client.post(QUESTIONS, {"state": '{"pain_now": 99}', "step": "pain", "nav": "next"})
    assert response.status_code == 400
    assert "opnieuw" in response.content.decode()
    assert client.post(QUESTIONS, {"state": "{", "step": "pain"}).status_code == 400
    assert client.post(QUESTIONS, {"state": "", "step": "nope"}).status_code == 400


def test_anonymous_use_stores_nothing(client, django_db_blocker):
    from django.contrib.sessions.models import Session

    walk(client, QUIET_SCREENS)
    assert Session.objects.count() == 0
    assert "sessionid" not in client.cookies


def test_the_pdf_is_a_real_pdf_with_the_result_in_it(client):
    from io import BytesIO

    from pypdf import PdfReader

    state = json.dumps({"age": 34, "injury": False, "swelling": "none", "pain_now": 1, "pain_running": 7})
    response = client.post(reverse("selfcheck:pdf"), {"state": state})
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "fysiotherapeut" in text and "Uw plan" in text


def test_examples_show_every_kind_of_result_and_unknown_ones_are_404(client):
    levels = {
        client.get(reverse("selfcheck:example", args=[slug])).context["level_code"]
        for slug in ("knieschijf", "buitenkant", "blijft-pijn", "warme-knie", "knap")
    }
    assert levels == {"self_care", "physio", "gp", "urgent", "emergency"}
    assert client.get(reverse("selfcheck:example", args=["bestaat-niet"])).status_code == 404


def test_the_call_to_action_carries_the_answers_to_the_booking_which_asks_before_sharing_them(client):
    html = client.get(reverse("selfcheck:example", args=["knieschijf"])).content.decode()
    assert f'action="{reverse("booking:start")}"' in html and reverse("pages:book") not in html


@pytest.mark.parametrize(
    ("prefix", "typed", "expected"),
    [
        ("", "6,5", 6.5),
        ("", "6.5", 6.5),
        ("", "1.000", 1000),
        ("/en", "6.5", 6.5),
        ("/en", "6,5", 6.5),
        ("/en", "1,000", 1000),
    ],
)
def test_numbers_are_read_the_way_runners_type_them(client, prefix, typed, expected):
    state = json.dumps(
        {
            "age": 34,
            "injury": False,
            "swelling": "none",
            "weeks": 1,
            "pain_now": 1,
            "pain_running": 1,
            "pain_next_morning": 0,
            "improving_with_rest": True,
            "location": "front",
        }
    )
    response = client.post(
        prefix + QUESTIONS, {"state": state, "step": "recovery", "nav": "next", "shoe_km": typed}
    )
    assert response.context["result"].answers.shoe_km == expected


def test_a_logged_in_runner_finds_the_training_questions_filled_in_from_the_log(client):
    from kniewijs.training.demo import DEMO_EMAIL, load_demo

    load_demo()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=DEMO_EMAIL))
    state = json.loads(client.get(QUESTIONS).context["state_json"])
    assert state["weekly_km_now"] > 0 and state["last_long_run_km"] > state["longest_run_km_30d"]
    assert 600 > state["shoe_km"] >= 0 and 150 < state["cadence_spm"] < 180
    assert "sleep_hours" in state and "rest_days_per_week" in state
    # The anonymous check starts empty.
    client.logout()
    assert client.get(QUESTIONS).context["state_json"] == "{}"


def test_a_clue_from_the_training_log_says_so_until_the_runner_changes_the_answer(client):
    from kniewijs.selfcheck.examples import EXAMPLES

    answers = dict(EXAMPLES["knieschijf"][1])
    logged = {
        "weekly_km_now": answers["weekly_km_now"],
        "weekly_km_4_weeks_ago": answers["weekly_km_4_weeks_ago"],
    }
    state = answers | {"_from_log": logged}
    response = client.post(QUESTIONS, {"state": json.dumps(state), "step": "recovery", "nav": "next"})
    html = response.content.decode()
    assert "(uit uw trainingslog)" in html and "+3: Uw weekafstand" in html
    changed = state | {"weekly_km_now": answers["weekly_km_now"] + 1}
    response = client.post(QUESTIONS, {"state": json.dumps(changed), "step": "recovery", "nav": "next"})
    html = response.content.decode()
    assert "(uit uw trainingslog)" not in html and "(deels uit uw trainingslog)" in html


def test_causes_with_equal_points_are_marked_equally_likely(client):
    state = {"age": 30, "injury": False, "rest_days_per_week": 0}
    recovery_screen = {"sleep_hours": "8", "strength_sessions_per_week": "3", "deep_squat_heels_down": "no"}
    response = client.post(
        QUESTIONS, {"state": json.dumps(state), "step": "recovery", "nav": "next", **recovery_screen}
    )
    causes = response.context["likely_causes"]
    tied = [c for c in causes if c.tied]
    assert tied and len({c.rank for c in tied}) < len(tied)
    assert "even waarschijnlijk" in response.content.decode()
