"""The clue and hint texts: every rule reachable, both languages, and in our own words (no run of eight
words shared with the clinic page)."""

import re
from pathlib import Path

import pytest

from kniewijs.core.answers import Answers
from kniewijs.core.causes import RULES, rank_causes
from kniewijs.core.conditions import HINTS

SEED_DIR = Path(__file__).parents[2].parent / "shared/seed"
WORD = re.compile(r"[a-zà-ÿ0-9]+")
RUN = 8

# Answer sets that together fire every clue rule, with the numbers that reach each text variant.
EXAMPLES = [
    Answers(weekly_km_now=15, weekly_km_4_weeks_ago=0),
    Answers(weekly_km_now=30, weekly_km_4_weeks_ago=10),
    Answers(weekly_km_now=30, weekly_km_4_weeks_ago=20),
    Answers(
        weekly_km_now=29, weekly_km_4_weeks_ago=20, location="outside", worse_with=frozenset({"downhill"})
    ),
    Answers(
        last_long_run_km=25, longest_run_km_30d=10, worse_with=frozenset({"running", "stairs", "sitting"})
    ),
    Answers(strength_sessions_per_week=0, location="front", cadence_spm=150, shoe_km=720),
    Answers(
        shoe_km=900, deep_squat_heels_down=False, rest_days_per_week=0, sleep_hours=6, pain_next_morning=6
    ),
]


def words(text):
    return WORD.findall(text.lower())


def runs(text):
    w = words(text)
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


@pytest.fixture(scope="module")
def seed_runs():
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        pytest.skip(f"the seed page is not available at {SEED_DIR}")
    return runs("\n".join(f.read_text(encoding="utf-8") for f in files))


def clue_texts():
    return [clue.text for a in EXAMPLES for cause in rank_causes(a) for clue in cause.clues]


def test_the_examples_fire_every_clue_rule():
    fired = {rule.__name__ for a in EXAMPLES for rules in RULES.values() for rule in rules if rule(a)}
    assert fired == {rule.__name__ for rules in RULES.values() for rule in rules}


def test_every_clue_and_hint_text_is_in_dutch_and_english():
    for text in clue_texts() + [t for h in HINTS for t in (h.name, h.text)]:
        assert text.nl.strip() and text.en.strip() and text.nl != text.en


def test_no_clue_or_hint_text_shares_a_run_of_eight_words_with_the_seed(seed_runs):
    texts = clue_texts() + [t for h in HINTS for t in (h.name, h.text)]
    shared = [(t.nl, run) for t in texts for language in (t.nl, t.en) for run in runs(language) & seed_runs]
    assert shared == []
