"""Which warnings the dashboard opens first, and where each action leads."""

import inspect
import re

import pytest
from django.urls import reverse

from kniewijs.core.metrics import Warning
from kniewijs.core.metrics.actions import ACTIONS, CARE
from kniewijs.core.metrics.warnings import CHECKS
from kniewijs.core.text import T
from kniewijs.training.priorities import OPEN_WARNINGS, cards, split


def warning(code, severity):
    return Warning(code, severity, T("t", "t"), T("u", "u"), "seed", "waarschuwingssignalen")


def test_within_a_severity_a_warning_that_calls_for_care_comes_before_the_others():
    found = [
        warning("shoe_at_limit", "warn"),
        warning("pain_rising", "warn"),
        warning("pain_too_much", "alert"),
    ]
    made = cards(found)
    assert [c.warning.code for c in made] == ["pain_too_much", "pain_rising", "shoe_at_limit"]
    opened, folded = split(made + [*cards([warning("few_rest_days", "warn")])])
    assert len(opened) == OPEN_WARNINGS and [c.warning.code for c in folded] == ["few_rest_days"]


@pytest.mark.parametrize(
    ("code", "target"),
    [
        ("pain_too_much", ("booking:start", ())),
        ("pain_rising", ("selfcheck:start", ())),
        ("shoe_near_limit", ("training:shoes", ())),
    ],
)
def test_each_action_leads_to_its_own_page(code, target):
    (card,) = cards([warning(code, "warn")])
    assert card.url == reverse(target[0], args=target[1])


def test_a_swollen_knee_leads_to_the_gp_advice_and_rest_to_the_page_on_resting():
    swollen, rest = cards([warning("knee_swelling", "alert"), warning("few_rest_days", "warn")])
    assert swollen.url.endswith("/kennis/wanneer-naar-de-dokter/#see-gp") and swollen.is_care
    assert rest.url.endswith("/kennis/zelf-doen/#rest") and not rest.is_care


def test_every_warning_the_core_can_give_has_an_action_in_plain_words_in_both_languages():
    codes = {c for check in CHECKS for c in re.findall(r'code="(\w+)"', inspect.getsource(check))}
    assert codes and codes <= set(ACTIONS), codes - set(ACTIONS)
    for action in ACTIONS.values():
        assert action.step.nl.endswith(".") and action.label.nl and action.label.en
        assert " je " not in f" {action.step.nl} " and "ACWR" not in action.step.nl
    assert {"physio", "gp", "selfcheck"} == set(CARE)
