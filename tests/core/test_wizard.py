from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.answers import FIELD_BY_NAME, parse_answers
from kniewijs.core.levels import Level
from kniewijs.core.triage import level_of, unanswered_safety
from kniewijs.core.wizard import STEPS, next_step, path, previous_step, progress, prune, step_asking

from .strategies import value_strategy

QUIET_AFTER_SIGNS = {
    "age": 30,
    "injury": False,
    "weeks": 1,
    "can_take_4_steps": True,
    "can_bend_90": True,
    "swelling": "none",
    "warm": False,
    "red": False,
    "locking": False,
    "giving_way": False,
    "deformity": False,
    "kneecap_shifted": False,
    "calf_swelling": False,
    "limp": False,
    "hip_or_groin_pain": False,
}


def keys(raw):
    return [s.key for s in path(raw)]


def test_every_step_field_is_in_the_catalogue():
    for step in STEPS:
        for name in step.fields + step.required + step.checkbox_group:
            assert name in FIELD_BY_NAME


def test_no_question_is_asked_on_two_screens():
    names = [name for step in STEPS for name in step.fields]
    assert len(names) == len(set(names))


def test_a_runner_without_an_injury_sees_five_screens_to_answer_and_two_optional_ones():
    assert keys(QUIET_AFTER_SIGNS) == ["about", "signs", "body", "pain", "where", "training", "recovery"]
    required = sum(len(s.required) + (1 if s.checkbox_group else 0) for s in path(QUIET_AFTER_SIGNS))
    assert 12 <= required <= 16


def test_injury_questions_only_follow_an_injury_and_the_calf_question_only_a_swollen_calf():
    assert "injury" in keys({"injury": True})
    assert "injury" not in keys({"injury": False})
    assert "clot" in keys({"calf_swelling": True})
    assert "clot" not in keys({"calf_swelling": False})


def test_after_a_pop_the_check_asks_whether_the_runner_walks_now_before_it_says_112():
    raw = {"age": 30, "injury": True, "weeks": 0, "pop": True, "lost_function": True}
    assert next_step(raw, "injury").key == "signs"
    assert (
        next_step(raw | {"can_take_4_steps": False, "can_bend_90": False, "swelling": "fast"}, "signs")
        is None
    )
    walking = raw | {"can_take_4_steps": True, "can_bend_90": True, "swelling": "fast"}
    assert next_step(walking, "signs").key == "body"


def test_the_check_stops_after_the_pain_screen_for_a_same_day_case_but_not_before():
    raw = QUIET_AFTER_SIGNS | {"locking": True}
    assert next_step(raw, "signs").key == "body"
    assert next_step(raw | {"pain_now": 3}, "pain") is None


def test_breathlessness_ends_the_check_at_112_straight_after_the_body_screen():
    raw = QUIET_AFTER_SIGNS | {"breathless_or_chest_pain": True}
    assert next_step(raw, "body") is None
    assert level_of(parse_answers(raw)) is Level.EMERGENCY


def test_it_walks_forward_and_back():
    assert next_step({}, None).key == "about"
    assert next_step(QUIET_AFTER_SIGNS, "about").key == "signs"
    assert previous_step(QUIET_AFTER_SIGNS, "signs").key == "about"
    assert previous_step(QUIET_AFTER_SIGNS, "about") is None
    assert next_step(QUIET_AFTER_SIGNS, "recovery") is None
    assert progress(QUIET_AFTER_SIGNS, "pain") == (4, 7)


def test_answers_to_screens_no_longer_on_the_path_are_dropped():
    raw = {"injury": False, "pop": True, "lost_function": True, "age": 40}
    assert prune(raw) == {"injury": False, "age": 40}


def test_the_screen_for_an_open_question_is_found_on_the_runners_path():
    assert step_asking({"injury": True}, ["tender_kneecap_only"]).key == "injury"
    assert step_asking({"injury": False}, ["improving_with_rest", "fever"]).key == "body"
    assert step_asking({"injury": False}, ["tender_kneecap_only"]) is None


@st.composite
def wizard_walk(draw):
    """Answers as the wizard collects them: every required question answered, every tick box ticked or
    not, optional questions sometimes skipped ("I don't know")."""
    raw: dict = {}
    skipped: set[str] = set()
    step = next_step(raw, None)
    while step is not None:
        for name in step.fields:
            if name in step.checkbox_group:
                raw[name] = draw(st.booleans())
            elif name in step.required or draw(st.booleans()):
                raw[name] = draw(value_strategy(FIELD_BY_NAME[name]))
            else:
                skipped.add(name)
        raw = prune(raw)
        step = next_step(raw, step.key)
    return raw, skipped


@given(wizard_walk())
@settings(max_examples=400)
def test_the_wizard_asks_every_safety_question_a_case_needs_before_it_gives_a_level(walk):
    raw, skipped = walk
    # Only a question the runner chose to skip ("I don't know") can be left open, at any level.
    assert set(unanswered_safety(parse_answers(raw))) <= skipped
