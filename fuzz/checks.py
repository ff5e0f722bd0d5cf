"""The checks every fuzz harness and the corpus test apply to a reader's answer.

A reader passes when, for any bytes, it either returns activities that hold together (times finite and
never going back, every channel as long as the time, no infinities, totals finite, a UTC start a day
clear of datetime's limits, no NUL in any text) or raises the project's own `FileProblem` with a
reason in Dutch and English. Anything else is a crash.
kniewijs is imported inside the functions, so that atheris can instrument it first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from typing import Any


class Broken(AssertionError):
    """A reader answered, but with something that does not hold together."""


def check_problem(problem: Any) -> None:
    from kniewijs.core.text import Text
    from kniewijs.formats.errors import FileProblem

    if not isinstance(problem, FileProblem):
        raise Broken(f"not a FileProblem: {problem!r}")
    reason = problem.reason
    if not isinstance(reason, Text) or not reason.nl.strip() or not reason.en.strip():
        raise Broken(f"a problem without a reason in both languages: {reason!r}")


def _finite_or_none(name: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise Broken(f"summary.{name} is {value!r}")


def check_activities(activities: object) -> None:
    import numpy as np

    from kniewijs.core.activity import SPORTS, ActivityData, Summary

    if not isinstance(activities, list) or not activities:
        raise Broken(f"a reader returned {activities!r} instead of raising")
    for activity in activities:
        if not isinstance(activity, ActivityData) or activity.sport not in SPORTS:
            raise Broken(f"not an activity: {activity!r}")
        if activity.start.utcoffset() != timedelta(0):
            raise Broken(f"start is not UTC: {activity.start!r}")
        time_ = activity.track.time
        if time_.ndim != 1 or time_.dtype != np.float64 or not np.isfinite(time_).all():
            raise Broken("track time is not a finite float64 vector")
        if time_.size > 1 and (np.diff(time_) < 0).any():
            raise Broken("track time goes back")
        for name, values in activity.track.channels.items():
            if values.shape != time_.shape or values.dtype != np.float64:
                raise Broken(f"channel {name} does not match the time")
            if np.isinf(values).any():
                raise Broken(f"channel {name} holds an infinity")
        for name in Summary.__slots__:
            _finite_or_none(name, getattr(activity.summary, name))
        _finite_or_none("distance_m", activity.distance_m)
        _finite_or_none("duration_s", activity.duration_s)
        # The import looks for the same run a day either side; that must stay within datetime's years.
        activity.start - timedelta(days=1), activity.start + timedelta(days=1)
        for name in ("name", "device", "sub_sport", "notes", "shoe"):
            text = getattr(activity, name, None)
            if text is not None and (not isinstance(text, str) or "\x00" in text):
                raise Broken(f"{name} is {text!r}: PostgreSQL refuses a NUL in text")


def run_reader(reader: Callable[[bytes], object], data: bytes) -> str:
    """'parse' or 'reject'; raises Broken for a bad answer and lets any other exception out."""
    from kniewijs.formats.errors import FileProblem

    try:
        activities = reader(data)
    except FileProblem as problem:
        check_problem(problem)
        return "reject"
    check_activities(activities)
    return "parse"
