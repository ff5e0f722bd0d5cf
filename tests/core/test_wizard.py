from kniewijs.core.answers import FIELD_BY_NAME
from kniewijs.core.wizard import STEPS, next_step, path, previous_step, progress, prune

QUIET_AFTER_SIGNS = {
    "age": 30,
    "injury": False,
    "swelling": "none",
    "warm": False,
    "red": False,
    "fever": False,
    "locking": False,
    "giving_way": False,
    "calf_swelling": False,
}


def keys(raw):
    return [s.key for s in path(raw)]


def test_every_step_field_is_in_the_catalogue():
    for step in STEPS:
        for name in step.fields + step.required + step.checkbox_group:
            assert name in FIELD_BY_NAME


def test_a_runner_without_red_flags_sees_six_screens_and_ten_required_questions():
    assert keys(QUIET_AFTER_SIGNS) == ["about", "signs", "pain", "where", "training", "recovery"]
    required = sum(len(s.required) + (1 if s.checkbox_group else 0) for s in path(QUIET_AFTER_SIGNS))
    assert 10 <= required <= 15


def test_injury_questions_only_follow_an_injury_and_breathing_only_a_swollen_calf():
    assert "injury" in keys({"injury": True})
    assert "injury" not in keys({"injury": False})
    assert "breath" in keys({"calf_swelling": True})


def test_the_check_stops_early_when_the_answers_call_for_112():
    assert next_step({"injury": True, "pop": True, "lost_function": True}, "injury") is None


def test_the_check_stops_after_the_pain_screen_for_a_same_day_case_but_not_before():
    raw = QUIET_AFTER_SIGNS | {"locking": True}
    assert next_step(raw, "signs").key == "pain"
    assert next_step(raw | {"weeks": 1, "pain_now": 3}, "pain") is None


def test_it_walks_forward_and_back():
    assert next_step({}, None).key == "about"
    assert next_step(QUIET_AFTER_SIGNS, "about").key == "signs"
    assert previous_step(QUIET_AFTER_SIGNS, "signs").key == "about"
    assert previous_step(QUIET_AFTER_SIGNS, "about") is None
    assert next_step(QUIET_AFTER_SIGNS, "recovery") is None
    assert progress(QUIET_AFTER_SIGNS, "pain") == (3, 6)


def test_answers_to_screens_no_longer_on_the_path_are_dropped():
    raw = {"injury": False, "pop": True, "lost_function": True, "age": 40}
    assert prune(raw) == {"injury": False, "age": 40}
