"""The knowledge content: complete in both languages, in our own words, and consistent with its keys.

Plain pytest; no Django needed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kniewijs.core.content import knowledge
from kniewijs.core.content.model import Action, Cause, EvidenceNote, Exercise, Section
from kniewijs.core.sources import SOURCES
from kniewijs.core.text import Text

SEED_DIR = Path(__file__).parents[2].parent / "shared/seed"
WORD = re.compile(r"[a-zà-ÿ0-9]+")
RUN = 8

PAGE_SLUGS = (
    "knie",
    "oorzaken",
    "waarschuwingssignalen",
    "zelf-doen",
    "oefeningen",
    "behandeling",
    "voorkomen",
    "wanneer-naar-de-dokter",
    "veelgestelde-vragen",
    "bewijs",
)


def texts_in(value: object, where: str) -> Iterator[tuple[str, Text]]:
    """Every Text inside a piece of content, with a path that says where it sits."""
    if isinstance(value, Text):
        yield where, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from texts_in(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_in(item, f"{where}[{key!r}]")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts_in(item, f"{where}[{index}]")


def all_texts() -> list[tuple[str, Text]]:
    return [found for name in knowledge.__all__ for found in texts_in(getattr(knowledge, name), name)]


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


@pytest.fixture(scope="module")
def seed_text() -> str:
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        pytest.skip(f"the seed page is not available at {SEED_DIR}")
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def evidence_keys_used() -> list[tuple[str, str]]:
    used = []
    for name in knowledge.__all__:
        value = getattr(knowledge, name)
        items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else (value,)
        for item in items:
            if isinstance(item, Cause | Action | Section):
                used.extend((f"{name}:{item.key}", key) for key in item.evidence)
    return used


def test_the_content_holds_a_good_number_of_texts() -> None:
    assert len(all_texts()) > 300


def test_every_text_has_both_dutch_and_english() -> None:
    empty = [where for where, text in all_texts() if not text.nl.strip() or not text.en.strip()]
    assert empty == []


def test_dutch_and_english_are_not_the_same_sentence() -> None:
    same = [where for where, text in all_texts() if len(text.nl.split()) > 3 and text.nl == text.en]
    assert same == []


def test_no_text_shares_a_run_of_eight_words_with_the_seed(seed_text: str) -> None:
    seed_runs = runs(seed_text)
    copied = [
        (where, " ".join(run))
        for where, text in all_texts()
        for language in (text.nl, text.en)
        for run in runs(language) & seed_runs
    ]
    assert copied == []


def test_no_title_repeats_a_heading_of_the_seed(seed_text: str) -> None:
    seed_lines = {" ".join(words(line)) for line in seed_text.splitlines() if words(line)}
    titles = [("SECTION_TITLES", t) for t in knowledge.SECTION_TITLES.values()]
    for name in knowledge.__all__:
        value = getattr(knowledge, name)
        items = value if isinstance(value, tuple) else (value,)
        titles += [(f"{name}:{i.key}", i.title) for i in items if isinstance(i, Cause | Action | Section)]
    repeated = [where for where, t in titles if " ".join(words(t.nl)) in seed_lines]
    assert repeated == []


def test_the_six_causes_come_in_the_order_of_the_clinic_page() -> None:
    assert [c.key for c in knowledge.CAUSES] == [
        "overload",
        "weak_muscles",
        "technique",
        "worn_shoes",
        "stiffness",
        "recovery",
    ]
    assert list(knowledge.CAUSE_BY_KEY) == [c.key for c in knowledge.CAUSES]


def test_every_cause_explains_why_and_gives_signals_and_things_to_do() -> None:
    for cause in knowledge.CAUSES:
        assert 1 <= len(cause.why) <= 3, cause.key
        assert cause.signals, cause.key
        assert cause.what_to_do, cause.key


def test_the_causes_carry_the_evidence_notes_that_belong_to_them() -> None:
    expected = {
        "overload": "ten_percent_rule",
        "technique": "cadence_180",
        "worn_shoes": "shoe_km_limit",
        "weak_muscles": "strength_effect",
    }
    for key, note in expected.items():
        assert note in knowledge.CAUSE_BY_KEY[key].evidence


def test_the_six_actions_come_in_order_with_their_evidence() -> None:
    assert [a.key for a in knowledge.ACTIONS] == [
        "rest",
        "cooling",
        "cross_training",
        "strength",
        "shoes",
        "gait_analysis",
    ]
    expected = {
        "rest": "protect_then_load",
        "cooling": "ice_dose",
        "strength": "strength_effect",
        "shoes": "shoe_km_limit",
    }
    for key, note in expected.items():
        assert note in knowledge.ACTION_BY_KEY[key].evidence
    assert all(a.protocol for a in knowledge.ACTIONS)


def test_cross_training_names_the_five_alternatives() -> None:
    assert [key for key, _, _ in knowledge.CROSS_TRAINING] == [
        "swimming",
        "aqua_jogging",
        "cycling",
        "cross_trainer",
        "walking",
    ]


def test_the_exercises_cover_the_clinic_five_the_consensus_and_mobility() -> None:
    strength = {e.key for e in knowledge.EXERCISES if e.kind == "strength"}
    mobility = {e.key for e in knowledge.EXERCISES if e.kind == "mobility"}
    assert strength == {
        "single_leg_squat",
        "glute_bridge",
        "side_lying_leg_raise",
        "bulgarian_split_squat",
        "calf_raise",
        "clamshell",
        "side_plank",
        "step_down",
        "wall_squat",
    }
    assert mobility == {"calf_stretch", "knee_to_wall", "hip_flexor_stretch", "deep_squat_hold"}
    assert set(knowledge.EXERCISE_BY_KEY) == strength | mobility


def test_every_exercise_has_three_to_five_steps() -> None:
    for exercise in knowledge.EXERCISES:
        assert isinstance(exercise, Exercise)
        assert 3 <= len(exercise.how) <= 5, exercise.key


def test_the_evidence_notes_have_exactly_the_agreed_keys() -> None:
    assert [n.key for n in knowledge.EVIDENCE] == [
        "ten_percent_rule",
        "single_run_spikes",
        "cadence_180",
        "ice_dose",
        "call_112",
        "protect_then_load",
        "shoe_km_limit",
        "strength_effect",
    ]
    assert all(isinstance(n, EvidenceNote) for n in knowledge.EVIDENCE_BY_KEY.values())


def test_every_evidence_key_referenced_exists() -> None:
    missing = [(where, key) for where, key in evidence_keys_used() if key not in knowledge.EVIDENCE_BY_KEY]
    assert missing == []


def test_every_evidence_note_cites_known_sources() -> None:
    for note in knowledge.EVIDENCE:
        assert note.sources, note.key
        assert all(source in SOURCES for source in note.sources), note.key


def test_every_section_page_has_content_and_a_title() -> None:
    assert tuple(knowledge.SECTIONS) == PAGE_SLUGS
    assert tuple(knowledge.SECTION_TITLES) == PAGE_SLUGS
    assert tuple(knowledge.SECTION_LEADS) == PAGE_SLUGS
    assert all(knowledge.SECTIONS[slug] for slug in PAGE_SLUGS)


def test_the_prevention_page_shows_the_ten_percent_rule_beside_single_run_spikes() -> None:
    assert knowledge.PREVENTION.evidence == ("ten_percent_rule", "single_run_spikes")
    assert knowledge.CALL_112.evidence == ("call_112",)


def test_the_figures_give_the_key_numbers_without_promising_full_recovery() -> None:
    values = [f.value for f in knowledge.FIGURES]
    assert values == ["3x", "4-6", "10%", "600-800", "7-9", "2-3x", "~50%"]
    assert all(
        "100%" not in text.nl and "100%" not in text.en for _, text in texts_in(knowledge.FIGURES, "F")
    )


def test_the_faq_answers_the_clinic_questions_too() -> None:
    assert len(knowledge.FAQ) == 8
    referral = knowledge.FAQ[4]
    assert "2006" in referral.answer[0].nl


def test_the_disclaimer_says_it_is_not_personal_advice() -> None:
    assert "persoonlijk medisch advies" in knowledge.DISCLAIMER.nl
    assert "personal medical advice" in knowledge.DISCLAIMER.en


# Words a runner cannot know: statistics' abbreviations, triage codes, and "the clinic page" (which page?).
RUNNER_JARGON = re.compile(r"\b(?:RR|HR|ACWR|U[0-5])\b|praktijkpagina|rest van de keten|clinic page")


def test_no_content_text_uses_jargon_a_runner_cannot_know() -> None:
    from kniewijs.core import levels, plan

    found = [(where, text.nl) for where, text in all_texts() if RUNNER_JARGON.search(text.nl + " " + text.en)]
    for module in (levels, plan):
        for name in dir(module):
            for where, text in texts_in(getattr(module, name), f"{module.__name__}.{name}"):
                if RUNNER_JARGON.search(text.nl + " " + text.en) or "Eerst hulp" in text.nl:
                    found.append((where, text.nl))
    assert found == []


def test_source_citations_are_titles_without_triage_codes_or_english_sentences() -> None:
    """A citation is shown inside <cite> on Dutch pages; a title may stay in its language, a sentence may not."""
    for source in SOURCES.values():
        assert not re.search(r"\bU[0-5]\b", source.citation), source.key
        assert len(source.citation) <= 100, source.citation  # a title and where it appeared, not a summary
        assert source.note.nl.strip() and source.note.nl != source.note.en
