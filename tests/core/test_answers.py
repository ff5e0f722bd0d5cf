import ast
from pathlib import Path

import pytest

from kniewijs.core.answers import InvalidAnswers, parse_answers
from kniewijs.core.text import T, format_number

CORE = Path(__file__).resolve().parents[2] / "src" / "kniewijs" / "core"


def test_valid_answers_become_typed_values():
    a = parse_answers(
        {"age": 30.0, "weeks": 3, "worse_with": ["stairs"], "injury": False, "unknown_extra": 1}
    )
    assert a.age == 30 and isinstance(a.age, int)
    assert a.weeks == 3.0 and a.worse_with == frozenset({"stairs"}) and a.injury is False


def test_every_bad_field_is_named_at_once_in_both_languages():
    with pytest.raises(InvalidAnswers) as info:
        parse_answers(
            {"age": 3, "pain_now": 11, "location": "elbow", "injury": "yes", "worse_with": ["flying"]}
        )
    fields = {e.field for e in info.value.errors}
    assert fields == {"age", "pain_now", "location", "injury", "worse_with"}
    assert all(e.message.nl and e.message.en for e in info.value.errors)


def test_booleans_are_not_numbers_and_fractions_are_not_whole_numbers():
    with pytest.raises(InvalidAnswers):
        parse_answers({"pain_now": True})
    with pytest.raises(InvalidAnswers):
        parse_answers({"rest_days_per_week": 2.5})


def test_a_non_object_is_refused():
    with pytest.raises(InvalidAnswers):
        parse_answers([1, 2])  # type: ignore[arg-type]


def test_numbers_are_written_the_dutch_way_in_dutch():
    assert format_number(12.5, "nl") == "12,5" and format_number(12.5, "en") == "12.5"
    assert T("{x} km", "{x} km").format(x=7.25).nl == "7,2 km"


def test_the_core_never_imports_django():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] == "django" for n in names), path


def test_infinity_and_nan_are_not_numbers_a_runner_can_mean():
    for bad in (float("inf"), float("nan")):
        with pytest.raises(InvalidAnswers):
            parse_answers({"weekly_km_now": bad})


def test_a_list_where_one_choice_is_expected_is_refused_not_crashed_on():
    with pytest.raises(InvalidAnswers):
        parse_answers({"location": ["front"], "worse_with": [["stairs"]]})
