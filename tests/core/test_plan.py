from kniewijs.core.answers import Answers
from kniewijs.core.causes import rank_causes
from kniewijs.core.conditions import condition_hint
from kniewijs.core.levels import Level
from kniewijs.core.plan import REST_DAYS, build_plan, severity
from kniewijs.core.triage import triage


def plan_for(**answers):
    a = Answers(**answers)
    level, _ = triage(a)
    causes = rank_causes(a)
    return build_plan(a, level, causes, condition_hint(a, level >= Level.URGENT))


def sections(plan):
    return {s.key: s for s in plan.sections}


def test_rest_follows_the_clinic_pages_severity_bands():
    assert severity(Answers(pain_now=1, pain_running=3)) == "light"
    assert severity(Answers(pain_now=2, pain_running=5)) == "moderate"
    assert severity(Answers(pain_now=7)) == "severe"
    assert REST_DAYS == {"light": (3, 7), "moderate": (7, 14), "severe": (14, 28)}
    assert plan_for(pain_running=5).rest_days == (7, 14)


def test_a_same_day_case_gets_care_first_and_no_self_treatment():
    plan = plan_for(locking=True)
    assert plan.severity is None and [s.key for s in plan.sections] == ["now"]
    assert plan_for(pop=True, lost_function=True).headline.nl == "Bel nu 112. Aan herstel denkt u later."


def test_the_self_care_plan_has_the_clinic_pages_parts():
    keys = set(sections(plan_for(pain_running=2)))
    assert {"rest", "cooling", "cross_training", "strength", "shoes", "training"} <= keys


def test_front_knee_pain_adds_the_consensus_hip_and_knee_exercises():
    assert (
        "step_down"
        in sections(plan_for(location="front", worse_with=frozenset({"stairs"})))["strength"].exercises
    )
    assert "step_down" not in sections(plan_for(location="outside"))["strength"].exercises


def test_severe_pain_starts_with_gentle_exercises_and_swimming_first():
    plan = sections(plan_for(pain_now=7))
    assert "bulgarian_split_squat" not in plan["strength"].exercises
    assert plan["cross_training"].exercises[0] == "swimming"


def test_mobility_appears_when_the_deep_squat_fails_or_is_untested_but_not_when_it_passes():
    assert "mobility" in sections(plan_for(deep_squat_heels_down=False))
    assert "mobility" in sections(plan_for())
    assert "mobility" not in sections(plan_for(deep_squat_heels_down=True))


def test_a_known_cadence_gets_a_target_five_to_ten_percent_higher():
    training = sections(plan_for(cadence_spm=160))["training"]
    assert any("168" in t.nl and "176" in t.nl for t in training.items)
    assert "cadence_180" in training.evidence


def test_a_spike_caps_the_next_long_run_at_ten_percent_over_the_previous_longest():
    training = sections(plan_for(longest_run_km_30d=10, last_long_run_km=15))["training"]
    assert any("11 km" in t.nl for t in training.items)


def test_worn_shoes_are_flagged_for_replacement():
    assert "vervanging" in sections(plan_for(shoe_km=750))["shoes"].items[0].nl


def test_gait_analysis_is_offered_only_when_technique_plays_a_part():
    assert "gait_analysis" in sections(plan_for(cadence_spm=150))
    assert "gait_analysis" not in sections(plan_for(cadence_spm=178))


def test_every_plan_says_when_to_escalate_including_112():
    plan = plan_for(pain_running=2)
    assert {e.level for e in plan.escalate_when} >= {Level.EMERGENCY, Level.URGENT, Level.GP, Level.PHYSIO}


def test_a_growing_runners_front_knee_pain_gets_less_of_what_hurts_not_a_patellofemoral_label():
    plan = plan_for(age=13, injury=False, location="front", worse_with=frozenset({"jumping", "running"}))
    condition = next(s for s in plan.sections if s.key == "condition")
    assert "groei" in condition.items[0].nl


def test_an_older_runners_wear_hint_says_keep_moving_and_a_meniscus_hint_says_when_to_be_seen():
    older = plan_for(age=60, injury=False, location="inside", worse_with=frozenset({"sitting", "stairs"}))
    assert "actief" in sections(older)["condition"].items[0].nl
    twist = plan_for(
        age=30, injury=True, fall=False, pop=False, giving_way=False, location="inside", swelling="slow"
    )
    section = sections(twist)["condition"]
    assert "dezelfde dag" in section.items[0].nl


def test_no_condition_section_without_a_hint_that_adds_advice():
    assert "condition" not in sections(plan_for(location="back"))


def test_each_escalation_names_one_level_and_only_the_112_ones_say_112():
    """A line that said 'swollen calf; with chest pain: call 112' ran two levels into one item."""
    for escalation in plan_for(pain_running=2).escalate_when:
        assert ":" not in escalation.when.nl and ";" not in escalation.when.nl, escalation.when.nl
        assert "112" not in escalation.when.nl
    calf = [e for e in plan_for(pain_running=2).escalate_when if "kuit" in e.when.nl]
    assert {e.level for e in calf} == {Level.EMERGENCY, Level.URGENT}
