from datetime import date, timedelta

import pytest

from kniewijs.core.plan import SEED_STRENGTH
from kniewijs.core.recovery import Programme, SessionLog, planned_sessions, replay
from kniewijs.core.recovery.new_sources import source
from kniewijs.core.sources import SOURCES


def test_the_delaware_progression_is_defined_with_a_citation_and_a_note_in_both_languages():
    delaware = SOURCES["delaware_2018"]
    assert "Delaware" in delaware.citation and "2018" in delaware.citation
    assert delaware.note.nl and delaware.note.en and delaware.note.nl != delaware.note.en


def test_a_key_is_found_in_the_core_catalogue():
    assert source("silbernagel_2007") is SOURCES["silbernagel_2007"]
    assert source("delaware_2018") is SOURCES["delaware_2018"]


def test_an_unknown_key_is_an_error_not_a_silent_gap():
    with pytest.raises(KeyError, match="no_such_source"):
        source("no_such_source")


def test_every_source_the_programme_names_can_be_looked_up():
    start = date(2027, 3, 1)
    programme = Programme(start=start, severity="moderate", strength_exercises=SEED_STRENGTH)
    logs = []
    day = start + timedelta(days=7)
    for pain in (2, 2, 4, 6, 2, 7):
        logs.append(
            SessionLog(day, "run", pain_during=pain, pain_next_morning=min(pain, 3), swelling=pain == 4)
        )
        logs.append(SessionLog(day, "strength", pain_during=1, easy_and_pain_free=True))
        day += timedelta(days=2)
    logs.append(SessionLog(day, "mobility", signs=frozenset({"locking"}), giving_way=True))
    state = replay(programme, logs, day)
    named = {r.source for d in state.decisions for r in d.reasons}
    named |= {r.source for e in state.escalations for r in e.reasons}
    named |= {
        s
        for d in planned_sessions(replay(programme, logs[:-1], day), 28)
        for p in d.sessions
        for s in p.sources
    }
    named |= {s.reason.source for s in state.strength_steps}
    assert {"silbernagel_2007", "delaware_2018", "seed"} <= named
    for key in named:
        assert source(key).citation
