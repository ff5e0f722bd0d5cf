"""What a clinic may see of a runner, as data: the runner's history cut down to the categories they share.

Source: the consent page's four categories (a runner shares each with one clinic, and can withdraw it) and
the GDPR's data minimisation (art. 5(1)(c) AVG): a physio's page is built from the shared data alone, so
no sentence, warning or chart can repeat a value of a category that was not shared. The categories:

- training: the activities and shoes, and the day's sleep and resting heart rate;
- pain: the day's knee pain scores and swelling, and the pain and knee signs noted in programme sessions;
- recovery: the programme itself, its sessions (kind, level, date) and the physio's reviews;
- selfcheck: the self-check answers and their advice.

Whatever is computed from several (a warning about pain after a long run, the programme's decision to
move up a level because the pain stayed low) needs all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from kniewijs.core.metrics.model import ActivityTable, DailyTable, History

CATEGORIES = ("selfcheck", "training", "pain", "recovery")


@dataclass(frozen=True)
class Sharing:
    """The categories one runner shares with one clinic."""

    selfcheck: bool = False
    training: bool = False
    pain: bool = False
    recovery: bool = False

    @classmethod
    def of(cls, categories: Iterable[str]) -> Sharing:
        """From any collection of category names (unknown names are refused: a typo must not share)."""
        names = set(categories)
        unknown = names - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown category {sorted(unknown)[0]!r}")
        return cls(**{name: name in names for name in CATEGORIES})

    @property
    def programme_decisions(self) -> bool:
        """The programme's level, phase and decisions are worked out from the pain: both are needed."""
        return self.recovery and self.pain


def shared_history(history: History, sharing: Sharing) -> History:
    """`history` with only what `sharing` allows: no activities or shoes without training; no sleep or
    resting heart rate without training; no pain or swelling without pain; and no day left whose every
    value was taken out (that a day was noted is itself part of the category)."""
    activities = history.activities if sharing.training else _no_activities(history)
    days = _shared_days(history.days, sharing)
    shoes = history.shoes if sharing.training else ()
    return replace(history, activities=activities, days=days, shoes=shoes)


def _no_activities(history: History) -> ActivityTable:
    return ActivityTable.from_columns(history.time_zone, start=np.empty(0), sport=np.empty(0, dtype=np.int64))


def _shared_days(days: DailyTable, sharing: Sharing) -> DailyTable:
    def kept(values: np.ndarray, allowed: bool) -> np.ndarray:
        return values if allowed else np.full(values.shape, np.nan)

    columns = {
        "resting_heart_rate": kept(days.resting_heart_rate, sharing.training),
        "sleep_hours": kept(days.sleep_hours, sharing.training),
        "pain_during": kept(days.pain_during, sharing.pain),
        "pain_after": kept(days.pain_after, sharing.pain),
        "pain_next_morning": kept(days.pain_next_morning, sharing.pain),
    }
    swelling = days.swelling if sharing.pain else np.zeros(len(days), dtype=np.bool_)
    noted = swelling.copy()
    for values in columns.values():
        noted |= np.isfinite(values)
    return DailyTable.from_columns(
        day=days.day[noted],
        swelling=swelling[noted],
        **{name: values[noted] for name, values in columns.items()},
    )
