"""Properties of the whole self-check that must hold for every possible answer set."""

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.answers import FIELDS, InvalidAnswers, parse_answers
from kniewijs.core.levels import Level
from kniewijs.core.selfcheck import evaluate_raw, result_to_dict
from kniewijs.core.triage import triage

from .strategies import RED_FLAGS, raw_answers

SCHEMA_PATH = (
    Path(__file__).resolve().parents[2].parent / "shared" / "contracts" / "selfcheck-answers.schema.json"
)


@given(raw_answers, st.sampled_from(RED_FLAGS))
@settings(max_examples=400)
def test_adding_a_red_flag_never_lowers_the_level(raw, flag):
    field, value = flag
    if field == "swelling" and raw.get("swelling") == "fast" and value == "slow":
        value = "fast"  # slow after fast would take a sign away, not add one
    before, _ = triage(parse_answers(raw))
    after, _ = triage(parse_answers(raw | {field: value}))
    assert after >= before


@given(raw_answers)
@settings(max_examples=200)
def test_the_result_is_deterministic(raw):
    first = result_to_dict(evaluate_raw(raw), "nl")
    second = result_to_dict(evaluate_raw(dict(reversed(list(raw.items())))), "nl")
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


@given(raw_answers)
@settings(max_examples=200)
def test_every_result_lists_the_six_causes_and_a_reason_for_its_level(raw):
    result = evaluate_raw(raw)
    assert sorted(c.cause for c in result.causes) == sorted(
        ["overload", "weak_muscles", "technique", "worn_shoes", "stiffness", "recovery"]
    )
    assert result.reasons[0].level is result.level
    scores = [c.score for c in result.causes]
    assert scores == sorted(scores, reverse=True)


def test_every_level_is_reachable():
    examples = {
        Level.EMERGENCY: {"pop": True, "lost_function": True},
        Level.URGENT: {"locking": True},
        Level.GP: {"red": True},
        Level.PHYSIO: {"pain_running": 7},
        Level.SELF_CARE: {"pain_running": 2},
    }
    for level, raw in examples.items():
        assert evaluate_raw(raw).level is level


@pytest.mark.skipif(not SCHEMA_PATH.exists(), reason="shared/contracts is not beside the project")
@given(
    st.dictionaries(
        st.sampled_from([f.name for f in FIELDS if not f.name.startswith("tender_")]),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(-5, 600),
            st.floats(-5, 600, allow_nan=False),
            st.sampled_from(["front", "outside", "slow", "fast", "none", "elsewhere"]),
            st.lists(st.sampled_from(["stairs", "running", "skipping"]), max_size=3),
        ),
    )
)
@settings(max_examples=500)
def test_our_validation_agrees_with_the_contract_schema(raw):
    schema = json.loads(SCHEMA_PATH.read_text())
    # The contract has no nulls; ours reads null as 'not answered', so compare without them.
    raw = {k: v for k, v in raw.items() if v is not None}
    schema_ok = jsonschema.Draft202012Validator(schema).is_valid(raw)
    try:
        parse_answers(raw)
        ours_ok = True
    except InvalidAnswers:
        ours_ok = False
    assert ours_ok == schema_ok, raw


def test_every_contract_field_is_in_our_catalogue():
    if not SCHEMA_PATH.exists():
        pytest.skip("shared/contracts is not beside the project")
    schema = json.loads(SCHEMA_PATH.read_text())
    assert set(schema["properties"]) <= {f.name for f in FIELDS}
