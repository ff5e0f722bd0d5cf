from datetime import date, timedelta

from kniewijs.core.content.knowledge import EXERCISE_BY_KEY
from kniewijs.core.plan import CONSENSUS_HIP_KNEE, GENTLE_START, SEED_STRENGTH
from kniewijs.core.recovery.model import Dose, ExerciseDose, SessionLog
from kniewijs.core.recovery.strength import (
    FAMILIES,
    after_session,
    first_dose,
    step_down,
    step_up,
)

DAY = date(2027, 3, 1)


def session(offset=0, **values):
    return SessionLog(DAY + timedelta(days=offset), "strength", **values)


def easy(offset=0):
    return session(offset, pain_during=1, easy_and_pain_free=True)


def test_every_family_member_is_a_strength_exercise_of_the_content_and_covers_the_plans_choices():
    members = [key for family in FAMILIES for key in family]
    assert len(members) == len(set(members))
    assert all(EXERCISE_BY_KEY[key].kind == "strength" for key in members)
    assert set(SEED_STRENGTH) | set(CONSENSUS_HIP_KNEE) | set(GENTLE_START) <= set(members)


def test_every_exercise_starts_at_three_sets_of_ten_and_the_side_plank_at_twenty_seconds():
    assert first_dose("glute_bridge").dose == Dose(3, 10, "reps")
    assert first_dose("side_plank").dose == Dose(3, 20, "seconds")


def test_the_dose_goes_from_ten_to_twelve_to_fifteen_and_then_to_the_next_harder_exercise():
    dose = first_dose("wall_squat")
    path = []
    for _ in range(4):
        dose = step_up(dose, frozenset())
        path.append((dose.exercise, dose.dose.amount))
    assert path == [("wall_squat", 12), ("wall_squat", 15), ("step_down", 10), ("step_down", 12)]


def test_at_the_top_of_a_family_or_when_the_harder_exercise_is_already_done_the_dose_stays():
    assert step_up(ExerciseDose("calf_raise", Dose(3, 15, "reps")), frozenset()) is None
    top = ExerciseDose("clamshell", Dose(3, 15, "reps"))
    assert step_up(top, frozenset({"side_lying_leg_raise"})) is None
    assert step_up(top, frozenset()).exercise == "side_lying_leg_raise"


def test_a_step_down_from_the_first_dose_goes_to_the_easier_family_member_at_its_top():
    assert step_down(first_dose("step_down"), frozenset()) == ExerciseDose("wall_squat", Dose(3, 15, "reps"))
    assert step_down(first_dose("glute_bridge"), frozenset()) is None


def test_two_easy_and_pain_free_sessions_in_a_row_step_every_exercise_up_once():
    doses = tuple(first_dose(k) for k in ("glute_bridge", "side_plank"))
    doses, streak, steps = after_session(doses, 0, easy(0))
    assert streak == 1 and not steps
    doses, streak, steps = after_session(doses, streak, easy(2))
    assert streak == 0 and [d.dose.amount for d in doses] == [12, 25]
    assert [s.after.dose.amount for s in steps] == [12, 25]
    assert all(s.reason.code == "strength_up" and s.date == DAY + timedelta(days=2) for s in steps)


def test_a_session_that_was_not_easy_starts_the_count_again():
    doses = (first_dose("glute_bridge"),)
    doses, streak, _ = after_session(doses, 0, easy(0))
    doses, streak, _ = after_session(doses, streak, session(2, easy_and_pain_free=False))
    doses, streak, steps = after_session(doses, streak, easy(4))
    assert streak == 1 and not steps and doses[0].dose.amount == 10


def test_pain_of_four_or_five_holds_the_dose_and_pain_above_five_takes_it_one_step_down():
    doses = (ExerciseDose("glute_bridge", Dose(3, 12, "reps")),)
    held, streak, steps = after_session(doses, 1, session(pain_during=5, easy_and_pain_free=True))
    assert held == doses and streak == 0 and not steps
    lower, _, steps = after_session(doses, 1, session(pain_during=6))
    assert lower[0].dose.amount == 10 and steps[0].reason.source == "silbernagel_2007"


def test_a_session_without_a_verdict_changes_nothing():
    doses = (first_dose("calf_raise"),)
    assert after_session(doses, 1, session()) == (doses, 1, [])


def test_one_slot_moving_up_frees_its_exercise_for_the_easier_slot_of_the_same_family():
    doses = (ExerciseDose("wall_squat", Dose(3, 15, "reps")), ExerciseDose("step_down", Dose(3, 15, "reps")))
    doses, _, _ = after_session(doses, 1, easy())
    # The wall squat cannot move to the step-down the other slot is doing; the step-down moves on.
    assert [d.exercise for d in doses] == ["wall_squat", "bulgarian_split_squat"]
    doses, _, _ = after_session(doses, 1, easy(2))
    assert [d.exercise for d in doses] == ["step_down", "bulgarian_split_squat"]
