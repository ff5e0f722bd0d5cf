from datetime import date

from kniewijs.core.content.knowledge import CROSS_TRAINING, EVIDENCE_BY_KEY, EXERCISE_BY_KEY
from kniewijs.core.levels import Level
from kniewijs.core.plan import MOBILITY, REST_DAYS, SEED_STRENGTH
from kniewijs.core.recovery.escalation import gave_way
from kniewijs.core.recovery.ladder import run_level
from kniewijs.core.recovery.sessions import (
    care_session,
    cooling_advice,
    cross_training_keys,
    cross_training_session,
    free_run_session,
    mobility_session,
    protect_session,
    rest_day_session,
    run_session,
    squat_test_session,
    strength_session,
)
from kniewijs.core.recovery.strength import first_dose


def every_session():
    doses = tuple(first_dose(k) for k in SEED_STRENGTH)
    return [
        *(protect_session(s, days) for s, days in REST_DAYS.items()),
        cross_training_session("light"),
        rest_day_session("moderate"),
        run_session(1),
        free_run_session(),
        strength_session(doses),
        mobility_session(),
        squat_test_session(),
        care_session(gave_way(date(2027, 3, 1))),
    ]


def test_every_part_of_a_day_says_what_and_why_in_both_languages_and_names_a_source():
    for session in every_session():
        for text in (session.title, session.why, *session.what):
            assert text.nl and text.en and text.nl != text.en
        assert session.sources
        assert all(key in EVIDENCE_BY_KEY for key in session.evidence)


def test_the_protect_phase_names_the_rest_range_per_severity_and_shows_the_protect_then_load_note():
    for severity, (low, high) in REST_DAYS.items():
        session = protect_session(severity, (low, high))
        assert f"{low} tot {high} dagen" in session.what[0].nl
        assert session.evidence == ("protect_then_load",)
    assert protect_session("severe", REST_DAYS["severe"]).link == "book"
    assert protect_session("light", REST_DAYS["light"]).link is None


def test_the_pain_free_alternatives_are_the_contents_list_without_walking_when_the_pain_is_severe():
    assert cross_training_keys("light") == tuple(key for key, _, _ in CROSS_TRAINING)
    assert "walking" not in cross_training_keys("severe")
    assert cross_training_session("severe").activities == cross_training_keys("severe")


def test_a_run_shows_its_level_intervals_minutes_and_easy_effort_on_flat_ground():
    session = run_session(3)
    assert session.level == 3 and session.minutes == run_level(3).total_minutes
    assert run_level(3).describe() in session.what
    assert any("3 tot 5 op 10" in t.nl and "flat" in t.en for t in session.what)
    assert session.sources == ("delaware_2018", "silbernagel_2007")


def test_after_the_ladder_the_ten_percent_rule_and_the_spike_rule_take_over():
    assert free_run_session().evidence == ("ten_percent_rule", "single_run_spikes")


def test_strength_names_crossley_only_when_a_hip_and_knee_exercise_of_the_consensus_is_in_the_set():
    seed_only = strength_session(tuple(first_dose(k) for k in SEED_STRENGTH))
    assert seed_only.sources == ("seed",) and seed_only.evidence == ("strength_effect",)
    with_consensus = strength_session((first_dose("clamshell"),))
    assert "crossley_2016" in with_consensus.sources


def test_mobility_is_five_to_ten_minutes_of_the_plans_exercises_and_the_squat_test_is_the_deep_squat():
    mobility = mobility_session()
    assert mobility.activities == MOBILITY and mobility.minutes == 10
    assert all(EXERCISE_BY_KEY[k].kind == "mobility" for k in mobility.activities)
    assert squat_test_session().activities == ("deep_squat_hold",)


def test_the_care_part_carries_the_levels_advice_and_the_booking_link():
    care = care_session(gave_way(date(2027, 3, 1)))
    assert care.title == Level.GP.title and care.what == (Level.GP.action,) and care.link == "book"


def test_cooling_is_optional_comfort_with_the_ice_dose_note_and_is_suggested_after_swelling_or_pain():
    calm, sore = cooling_advice(False), cooling_advice(True)
    assert calm.evidence == sore.evidence == ("ice_dose",) and calm.action == "cooling"
    assert not calm.suggested_now and sore.suggested_now
    assert len(sore.items) == len(calm.items) + 1
