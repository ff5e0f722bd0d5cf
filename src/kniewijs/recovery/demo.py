"""The demo runner three weeks into a programme: every planned session of the past 21 days logged, with
pain that stays low so the walk-run ladder climbs, and one harder day that sets it back.

The programme's days belong to the programme: from its start the training log holds the walk-run sessions
the programme planned (as runs, linked to their sessions) and the knee pain the runner noted with them, in
the one record of a day's pain (the daily entry). So the training log, its warnings and the programme tell
one story; before the start the training demo's own year stands."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kniewijs.core.answers import parse_answers
from kniewijs.core.recovery.ladder import run_level
from kniewijs.selfcheck.examples import NO_WARNING_SIGNS
from kniewijs.training.models import Activity, DailyEntry, Shoe

from .models import Programme, SessionLog
from .recording import KneeFigures, record_session
from .starting import start_from_selfcheck
from .state import state_for

DEMO_DAYS = 21
HARD_DAY = 15  # one day the knee protests: the model steps back
WARM_UP_MINUTES = 5
WALK_RUN_KMH = 7.5
ZONE = ZoneInfo("Europe/Amsterdam")

DEMO_ANSWERS = {
    "age": 38,
    **NO_WARNING_SIGNS,
    "weeks": 3,
    "pain_now": 2,
    "pain_running": 3,
    "pain_next_morning": 1,
    "improving_with_rest": True,
    "location": "kneecap",
    "worse_with": ["stairs", "downhill"],
    "strength_sessions_per_week": 0,
    "deep_squat_heels_down": False,
}


def _hand_the_days_to_the_programme(user: Any, start: date) -> None:
    """From the start on, no runs of the training demo (a runner resting her knee does not run 10 km) and
    no knee pain but what the programme's sessions note."""
    Activity.objects.filter(user=user, sport="running", local_date__gte=start).delete()
    DailyEntry.objects.filter(user=user, date__gte=start).update(
        pain_during=None, pain_after=None, pain_next_morning=None, pain_location="", swelling=False
    )


def _walk_run(user: Any, day: date, level: int) -> Activity:
    minutes = run_level(level).total_minutes + WARM_UP_MINUTES
    return Activity.objects.create(
        user=user,
        sport="running",
        name=f"Wandelen en hardlopen, niveau {level}",
        start=datetime.combine(day, time(18, 0), ZONE),
        local_date=day,
        duration_s=minutes * 60.0,
        distance_m=WALK_RUN_KMH * minutes / 60 * 1000,
        records=minutes * 60,
        rpe=3,
        shoe=Shoe.objects.filter(user=user, is_default=True).first(),
        device="Forerunner (demo)",
    )


def load_demo_programme(user: Any, today: date) -> Programme:
    Programme.objects.filter(user=user).delete()
    start = today - timedelta(days=DEMO_DAYS)
    programme = start_from_selfcheck(user, parse_answers(DEMO_ANSWERS), start)
    _hand_the_days_to_the_programme(user, start)
    for offset in range(DEMO_DAYS):
        day = start + timedelta(days=offset)
        for session in state_for(programme, day).today_plan.sessions:
            if session.kind == "run" and session.level is not None:
                hard = offset == HARD_DAY
                figures = KneeFigures(
                    pain_during=6 if hard else 2,
                    pain_after=6 if hard else 2,
                    pain_next_morning=4 if hard else 1,
                )
                log = SessionLog(date=day, kind="run", level=session.level)
                record_session(programme, log, figures, _walk_run(user, day, session.level))
            elif session.kind == "strength":
                log = SessionLog(date=day, kind="strength", easy_and_pain_free=offset > 7)
                record_session(programme, log, KneeFigures())
            elif session.kind == "squat_test":
                log = SessionLog(date=day, kind="squat_test", squat_heels_down=offset > 10)
                record_session(programme, log, KneeFigures())
            elif session.kind == "mobility":
                record_session(programme, SessionLog(date=day, kind="mobility"), KneeFigures())
    return programme
