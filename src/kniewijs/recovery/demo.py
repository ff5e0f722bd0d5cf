"""The demo runner three weeks into a programme: every planned session of the past 21 days logged, with
pain that stays low so the walk-run ladder climbs, and one harder day that sets it back."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kniewijs.core.answers import parse_answers

from .models import Programme, SessionLog
from .starting import start_from_selfcheck
from .state import core_log, core_programme

DEMO_ANSWERS = {
    "age": 38,
    "injury": False,
    "swelling": "none",
    "warm": False,
    "red": False,
    "fever": False,
    "locking": False,
    "giving_way": False,
    "calf_swelling": False,
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


def load_demo_programme(user: Any, today: date) -> Programme:
    from kniewijs.core.recovery.replay import replay

    Programme.objects.filter(user=user).delete()
    start = today - timedelta(days=21)
    programme = start_from_selfcheck(user, parse_answers(DEMO_ANSWERS), start)
    logs: list[SessionLog] = []
    for offset in range(21):
        day = start + timedelta(days=offset)
        plan = replay(core_programme(programme), [core_log(log) for log in logs], day).today_plan
        for session in plan.sessions:
            if session.kind == "run":
                hard = offset == 15  # one day the knee protests: the model steps back
                logs.append(
                    SessionLog(
                        programme=programme,
                        date=day,
                        kind="run",
                        level=session.level,
                        pain_during=6 if hard else 2,
                        pain_after=6 if hard else 2,
                        pain_next_morning=4 if hard else 1,
                    )
                )
            elif session.kind == "strength":
                logs.append(
                    SessionLog(programme=programme, date=day, kind="strength", easy_and_pain_free=offset > 7)
                )
            elif session.kind == "squat_test":
                logs.append(
                    SessionLog(programme=programme, date=day, kind="squat_test", squat_heels_down=offset > 10)
                )
            elif session.kind == "mobility":
                logs.append(SessionLog(programme=programme, date=day, kind="mobility"))
    SessionLog.objects.bulk_create(logs)
    return programme
