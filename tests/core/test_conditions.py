import pytest

from kniewijs.core.answers import Answers
from kniewijs.core.conditions import HINT_CODES, HINTS, condition_hint
from kniewijs.core.sources import SOURCES

STAIRS = frozenset({"stairs"})


def hint(acute=False, **answers):
    found = condition_hint(Answers(**answers), acute_or_red_flag=acute)
    return found.code if found else None


def worse(*activities):
    return frozenset(activities)


# --- the tester's case --------------------------------------------------------------------------------


def test_a_growing_runner_with_front_knee_pain_is_no_longer_called_patellofemoral_pain():
    assert hint(age=13, location="front", worse_with=STAIRS) == "osgood_schlatter"
    assert hint(age=13, location="front", worse_with=worse("running", "jumping")) == "osgood_schlatter"
    assert hint(age=12, location="kneecap", worse_with=worse("jumping")) == "sinding_larsen_johansson"


# --- the earlier pictures -----------------------------------------------------------------------------


def test_front_knee_pain_on_stairs_may_fit_patellofemoral_pain():
    assert hint(location="front", worse_with=STAIRS) == "patellofemoral_pain"
    assert hint(age=30, location="kneecap", worse_with=worse("squatting")) == "patellofemoral_pain"


def test_outside_pain_worse_downhill_or_running_may_fit_itb_syndrome():
    assert hint(location="outside", worse_with=worse("downhill")) == "itb_syndrome"
    assert hint(age=35, location="outside", worse_with=worse("running")) == "itb_syndrome"


def test_kneecap_pain_only_when_jumping_may_fit_patellar_tendinopathy():
    assert hint(location="kneecap", worse_with=worse("jumping")) == "patellar_tendinopathy"
    assert hint(location="kneecap", worse_with=worse("jumping", "stairs")) == "patellofemoral_pain"


# --- growing runners ----------------------------------------------------------------------------------


def test_osgood_schlatter_fits_front_pain_from_about_ten_to_fifteen_with_any_load():
    for age in (10, 15):
        assert hint(age=age, location="front", worse_with=worse("squatting")) == "osgood_schlatter"
    assert hint(age=16, location="front", worse_with=worse("squatting")) == "patellofemoral_pain"
    assert hint(age=13, location="front") is None


def test_sinding_larsen_johansson_fits_kneecap_pain_from_jumping_or_running_at_ten_to_fourteen():
    assert hint(age=14, location="kneecap", worse_with=worse("running")) == "sinding_larsen_johansson"
    assert hint(age=15, location="kneecap", worse_with=worse("jumping")) == "patellar_tendinopathy"
    assert hint(age=12, location="kneecap", worse_with=STAIRS) == "patellofemoral_pain"


def test_an_unknown_age_is_not_taken_for_a_growing_child():
    assert hint(location="front", worse_with=worse("running")) == "patellofemoral_pain"


def test_children_under_ten_get_no_hint():
    assert hint(age=9, location="front", worse_with=STAIRS) is None


# --- the meniscus -------------------------------------------------------------------------------------


def test_joint_line_pain_with_slow_swelling_after_a_twist_may_fit_the_meniscus():
    assert hint(injury=True, location="inside", swelling="slow") == "meniscus"
    assert hint(injury=True, fall=False, location="back", worse_with=worse("squatting")) == "meniscus"


def test_after_an_injury_a_fall_a_pop_or_giving_way_point_elsewhere_so_there_is_no_meniscus_hint():
    base = {"injury": True, "location": "inside", "swelling": "slow"}
    assert hint(fall=True, **base) is None
    assert hint(pop=True, **base) is None
    assert hint(giving_way=True, **base) is None


def test_after_an_injury_no_overuse_picture_is_hinted():
    assert hint(injury=True, location="front", worse_with=STAIRS) is None
    assert hint(injury=True, location="outside", worse_with=worse("downhill")) is None
    assert hint(injury=True, location="inside") is None


def test_at_same_day_care_the_meniscus_hint_is_left_to_the_examination():
    assert hint(acute=True, injury=True, location="inside", swelling="slow") is None


def test_from_forty_joint_line_pain_on_squatting_or_with_slow_swelling_may_fit_a_worn_meniscus():
    assert hint(age=48, location="inside", worse_with=worse("squatting")) == "meniscus"
    assert hint(age=40, location="back", swelling="slow") == "meniscus"
    assert hint(age=39, location="back", swelling="slow") is None


def test_the_worn_meniscus_hint_says_the_knee_may_swell_slowly_and_locking_needs_a_doctor_today():
    worn = condition_hint(Answers(age=50, location="inside", swelling="slow"), False)
    assert worn is not None and "zonder duidelijk ongeluk" in worn.text.nl and "same day" in worn.text.en


# --- osteoarthritis and pes anserinus -----------------------------------------------------------------


def test_from_45_activity_pain_with_start_up_pain_after_sitting_may_fit_knee_osteoarthritis():
    assert hint(age=55, location="diffuse", worse_with=worse("stairs", "sitting")) == "knee_osteoarthritis"
    assert hint(age=45, location="inside", worse_with=worse("running", "sitting")) == "knee_osteoarthritis"
    assert hint(age=44, location="diffuse", worse_with=worse("stairs", "sitting")) is None
    assert hint(age=60, location="diffuse", worse_with=worse("sitting")) is None


def test_inside_pain_on_stairs_may_fit_pes_anserinus():
    assert hint(age=30, location="inside", worse_with=STAIRS) == "pes_anserinus"
    assert hint(location="inside", worse_with=worse("running")) is None


# --- the order when several fit -----------------------------------------------------------------------


def test_osteoarthritis_comes_before_patellofemoral_pain_the_meniscus_and_pes_anserinus():
    assert hint(age=55, location="front", worse_with=worse("stairs", "sitting")) == "knee_osteoarthritis"
    assert hint(age=55, location="inside", worse_with=worse("stairs", "squatting", "sitting")) == (
        "knee_osteoarthritis"
    )


def test_a_worn_meniscus_comes_before_pes_anserinus():
    assert hint(age=50, location="inside", worse_with=worse("stairs", "squatting")) == "meniscus"
    assert hint(age=50, location="inside", worse_with=STAIRS) == "pes_anserinus"


def test_itb_comes_before_a_worn_meniscus_unless_the_knee_is_swollen():
    assert hint(age=50, location="outside", worse_with=worse("downhill", "squatting")) == "itb_syndrome"
    assert hint(age=50, location="outside", worse_with=worse("downhill"), swelling="slow") == "meniscus"


def test_the_growth_pictures_come_before_tendinopathy():
    assert hint(age=13, location="front", worse_with=worse("jumping")) == "osgood_schlatter"


def test_the_hints_are_listed_in_the_documented_order():
    assert HINT_CODES == (
        "meniscus",
        "osgood_schlatter",
        "sinding_larsen_johansson",
        "knee_osteoarthritis",
        "itb_syndrome",
        "pes_anserinus",
        "patellar_tendinopathy",
        "patellofemoral_pain",
    )


# --- when no hint is given ----------------------------------------------------------------------------


def test_no_hint_with_a_red_flag_or_without_a_clear_picture():
    assert hint(acute=True, location="front", worse_with=STAIRS) is None
    assert hint(location="back", worse_with=STAIRS) is None
    assert hint(location="front") is None
    assert hint() is None


@pytest.mark.parametrize(
    "sign",
    [
        {"fever": True},
        {"warm": True},
        {"red": True},
        {"swelling": "fast"},
        {"locking": True},
        {"deformity": True},
        {"kneecap_shifted": True},
        {"straight_leg_raise": False},
        {"calf_swelling": True},
        {"breathless_or_chest_pain": True},
        {"night_pain": True},
        {"feeling_ill_or_weight_loss": True},
        {"hip_or_groin_pain": True},
    ],
)
def test_no_hint_beside_a_sign_that_needs_an_examination_first(sign):
    assert hint(age=30, location="front", worse_with=STAIRS) == "patellofemoral_pain"
    assert hint(age=30, location="front", worse_with=STAIRS, **sign) is None
    assert hint(age=13, location="front", worse_with=STAIRS, **sign) is None


def test_a_limp_or_pain_at_rest_stops_a_hint_for_a_child_but_not_for_an_adult():
    assert hint(age=13, location="front", worse_with=STAIRS, limp=True) is None
    assert hint(age=13, location="front", worse_with=STAIRS, pain_at_rest=True) is None
    assert hint(age=30, location="front", worse_with=STAIRS, limp=True) == "patellofemoral_pain"


# --- the wording --------------------------------------------------------------------------------------


def test_every_hint_says_it_may_fit_and_that_only_a_clinician_can_tell():
    for h in HINTS:
        assert "kunnen passen" in h.text.nl and "Alleen een zorgverlener" in h.text.nl
        assert "may fit" in h.text.en and "Only a clinician can tell." in h.text.en
        assert h.name.nl and h.name.en
        assert h.source in SOURCES


def test_the_growth_hints_name_the_age_and_the_spot():
    osgood, sinding = (next(h for h in HINTS if h.code == code) for code in HINT_CODES[1:3])
    assert "10 tot 15" in osgood.text.nl and "scheenbeen" in osgood.text.nl
    assert "10 to 14" in sinding.text.en and "lower tip of the kneecap" in sinding.text.en
