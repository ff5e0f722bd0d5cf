from kniewijs.core.answers import Answers
from kniewijs.core.conditions import condition_hint


def hint(acute=False, **answers):
    found = condition_hint(Answers(**answers), acute_or_red_flag=acute)
    return found.code if found else None


def test_front_knee_pain_on_stairs_may_fit_patellofemoral_pain():
    assert hint(location="front", worse_with=frozenset({"stairs"})) == "patellofemoral_pain"


def test_outside_pain_worse_downhill_may_fit_itb_syndrome():
    assert hint(location="outside", worse_with=frozenset({"downhill"})) == "itb_syndrome"


def test_kneecap_pain_only_when_jumping_may_fit_patellar_tendinopathy():
    assert hint(location="kneecap", worse_with=frozenset({"jumping"})) == "patellar_tendinopathy"
    assert hint(location="kneecap", worse_with=frozenset({"jumping", "stairs"})) == "patellofemoral_pain"


def test_no_hint_after_an_injury_or_with_a_red_flag_or_without_a_clear_picture():
    assert hint(injury=True, location="front", worse_with=frozenset({"stairs"})) is None
    assert hint(acute=True, location="front", worse_with=frozenset({"stairs"})) is None
    assert hint(location="back", worse_with=frozenset({"stairs"})) is None
    assert hint(location="front") is None


def test_every_hint_says_it_may_fit_and_is_not_a_diagnosis():
    from kniewijs.core.conditions import ITB, PATELLOFEMORAL, TENDINOPATHY

    for h in (ITB, PATELLOFEMORAL, TENDINOPATHY):
        assert "kunnen passen" in h.text.nl and "zorgverlener" in h.text.nl
        assert "may fit" in h.text.en and "clinician" in h.text.en
