"""Kilometres per pair of shoes, the replacement limit, rotation, and knee pain per pair.

Sources: seed (shoes last 600-800 km; replace at about 700 km; the limit per pair must lie in 600-800,
checked by model.Shoe); Malisoux et al. 2015 (running in more than one pair in parallel, injury HR 0.61).
There is no injury evidence for a fixed km limit, so reaching it is a reminder to check the shoes.

Conventions:
- A pair's km = its start_km + the distance of every activity (any sport) logged with it up to today.
- Approaching from 90% of its limit; at the limit from 100%. Retired pairs get no alerts.
- Rotation: suggested when exactly one pair is active and the runner ran at least 3 times a week on
  average over the last 28 days.
- Pain per pair: of the runs in that pair whose next-morning pain was noted, the share with 4/10 or more
  (the first score above Silbernagel's safe zone), and the mean next-morning pain. A run's next-morning
  pain is the one noted on the entry of the run's local day.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np

from ._types import FloatArray
from .model import NO_SHOE, History, Shoe
from .pain import FIRST_UNSAFE_PAIN, next_morning_pain_on

APPROACHING_SHARE = 0.9
ROTATION_RUNS_PER_WEEK = 3.0
ROTATION_WINDOW_DAYS = 28


class ShoeState(Enum):
    OK = "ok"
    APPROACHING = "approaching"  # 90% of the limit or more
    AT_LIMIT = "at_limit"  # the limit or more
    RETIRED = "retired"


@dataclass(frozen=True, slots=True)
class ShoeStatus:
    shoe: Shoe
    km: float
    activities: int
    state: ShoeState
    runs_with_morning_pain_noted: int
    painful_runs: int  # next-morning pain 4/10 or more
    mean_next_morning_pain: float | None

    @property
    def share_of_limit(self) -> float:
        return self.km / self.shoe.limit_km

    @property
    def pain_rate(self) -> float | None:
        noted = self.runs_with_morning_pain_noted
        return None if noted == 0 else self.painful_runs / noted


def shoe_state(shoe: Shoe, km: float) -> ShoeState:
    if shoe.retired:
        return ShoeState.RETIRED
    if km >= shoe.limit_km:
        return ShoeState.AT_LIMIT
    if km >= APPROACHING_SHARE * shoe.limit_km:
        return ShoeState.APPROACHING
    return ShoeState.OK


def shoe_statuses(history: History, today: int) -> tuple[ShoeStatus, ...]:
    """Every pair's km, state and knee pain after runs in it, up to today."""
    acts = history.activities
    count = len(history.shoes)
    if count == 0:
        return ()
    upto = (acts.local_day <= today) & (acts.shoe != NO_SHOE)
    shoe = acts.shoe[upto]
    km = np.bincount(shoe, weights=acts.km[upto], minlength=count)
    used = np.bincount(shoe, minlength=count)
    runs = upto & acts.running
    morning: FloatArray = next_morning_pain_on(history.days, acts.local_day[runs])
    noted = ~np.isnan(morning)
    run_shoe = acts.shoe[runs][noted]
    morning = morning[noted]
    noted_count = np.bincount(run_shoe, minlength=count)
    painful = np.bincount(run_shoe[morning >= FIRST_UNSAFE_PAIN], minlength=count)
    pain_sum = np.bincount(run_shoe, weights=morning, minlength=count)
    statuses = []
    for i, pair in enumerate(history.shoes):
        total = pair.start_km + float(km[i])
        statuses.append(
            ShoeStatus(
                shoe=pair,
                km=total,
                activities=int(used[i]),
                state=shoe_state(pair, total),
                runs_with_morning_pain_noted=int(noted_count[i]),
                painful_runs=int(painful[i]),
                mean_next_morning_pain=float(pain_sum[i] / noted_count[i]) if noted_count[i] else None,
            )
        )
    return tuple(statuses)


def runs_per_week(history: History, today: int, days: int = ROTATION_WINDOW_DAYS) -> float:
    """Average number of runs a week over the last `days` local days up to today."""
    acts = history.activities
    rows = acts.rows_between(today - days + 1, today)
    return float(acts.running[rows].sum()) * 7.0 / days


def rotation_suggested(statuses: tuple[ShoeStatus, ...], runs_a_week: float) -> bool:
    """One active pair and 3 or more runs a week: suggest a second pair (Malisoux 2015, HR 0.61)."""
    active = [s for s in statuses if s.state is not ShoeState.RETIRED]
    return len(active) == 1 and runs_a_week >= ROTATION_RUNS_PER_WEEK
