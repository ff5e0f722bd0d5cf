from kniewijs.core.answer_list import answered
from kniewijs.core.answers import FIELDS, Answers


def test_each_answer_comes_with_its_question_as_asked_in_question_order():
    rows = answered(
        Answers(weeks=3, age=34, injury=False, location="kneecap", worse_with=("stairs", "squatting"))
    )
    questions = [q.nl for q, _a in rows]
    order = [f.label.nl for f in FIELDS]
    assert questions == sorted(questions, key=order.index) and len(rows) == 5
    answers = dict((q.nl, a.nl) for q, a in rows)
    assert answers["Hoe oud bent u?"] == "34 jaar"
    assert answers[next(f.label.nl for f in FIELDS if f.name == "injury")] == "nee"
    assert answers[next(f.label.nl for f in FIELDS if f.name == "location")] == "Rond of achter de knieschijf"


def test_a_question_left_open_is_not_listed_as_a_no():
    rows = answered(Answers(age=20))
    assert [a.en for _q, a in rows] == ["20 years"]


def test_several_choices_are_all_named_and_numbers_are_written_the_dutch_way():
    rows = dict((q.en, a) for q, a in answered(Answers(worse_with=("stairs", "squatting"), sleep_hours=6.5)))
    worse = next(f.label.en for f in FIELDS if f.name == "worse_with")
    sleep = next(f.label.en for f in FIELDS if f.name == "sleep_hours")
    assert rows[worse].en.count(";") == 1
    assert rows[sleep].nl.startswith("6,5")
