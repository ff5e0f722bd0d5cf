"""A demo runner with a realistic year: 3-4 runs a week, a build-up that goes too fast in the last weeks,
one long run that spikes, knee pain that follows, two shoes (one near its limit), sleep and resting heart
rate. Deterministic (seeded) and relative to today, so `make run` always shows current warnings.

Three recordings show what a file may leave out: a ride whose file named no sport (guessed from its
speed), a run whose watch stopped early (a note on what was lost) and a run with pauses (moving time
shorter than the total time). They lie more than three weeks back, before the recovery programme's
days, and change none of the figures the warnings are built on."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction

from kniewijs.core.text import T

from .models import Activity, DailyEntry, RunnerSettings, Shoe

DEMO_EMAIL = "demo@kniewijs.nl"
DEMO_PASSWORD = "kniewijs-demo"  # noqa: S105 - a published demo account on a local install
ZONE = ZoneInfo("Europe/Amsterdam")


def _week_plan(week_index: int, weeks: int, rng: random.Random) -> float:
    """Weekly km: a steady base, a cut-back week every fourth week, and a jump in the final three weeks."""
    base = 24 + 8 * (week_index / weeks)
    if week_index % 4 == 3:
        base *= 0.7
    if week_index >= weeks - 3:
        base *= 1.45 + 0.1 * (week_index - (weeks - 3))
    return base * rng.uniform(0.92, 1.08)


@transaction.atomic
def load_demo(today: date | None = None) -> object:
    today = today or datetime.now(ZONE).date()
    rng = random.Random(20261124)
    User = get_user_model()
    user, _ = User.objects.get_or_create(
        username=DEMO_EMAIL, defaults={"email": DEMO_EMAIL, "first_name": "Sanne"}
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    RunnerSettings.objects.update_or_create(
        user=user, defaults={"time_zone": "Europe/Amsterdam", "language": "nl"}
    )
    Activity.objects.filter(user=user).delete()
    DailyEntry.objects.filter(user=user).delete()
    Shoe.objects.filter(user=user).delete()
    retired = Shoe.objects.create(
        user=user, name="Ghost (afgedankt)", limit_km=700, retired_on=today - timedelta(weeks=28)
    )
    old = Shoe.objects.create(user=user, name="Pegasus (blauw)", limit_km=700, start_km=40)
    new = Shoe.objects.create(user=user, name="Novablast (nieuw)", limit_km=750, is_default=True)
    weeks = 52
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    activities = []
    entries = []
    cadence_base = 164.0
    for w in range(weeks):
        monday = first_monday + timedelta(weeks=w)
        target = _week_plan(w, weeks, rng)
        run_days = [0, 2, 4, 6] if target > 26 else [1, 3, 6]
        long_share = 0.38
        for i, offset in enumerate(run_days):
            day = monday + timedelta(days=offset)
            if day > today:
                continue
            is_long = offset == 6
            share = long_share if is_long else (1 - long_share) / (len(run_days) - 1)
            km = target * share
            if w == weeks - 2 and is_long:
                km *= 1.6  # the spike: a long run far beyond anything in the previous month
            pace_s_per_km = rng.uniform(330, 370) + (15 if is_long else 0)
            start = datetime.combine(day, time(7 if i % 2 else 18, rng.choice([0, 15, 30])), ZONE)
            if w < weeks - 28:
                shoe = retired
            else:
                shoe = old if w < weeks - 10 or i % 2 == 0 else new
            activities.append(
                Activity(
                    user=user,
                    sport="running",
                    name="Lange duurloop" if is_long else "Rustige duurloop",
                    start=start,
                    local_date=day,
                    distance_m=km * 1000,
                    duration_s=km * pace_s_per_km,
                    records=int(km * pace_s_per_km),
                    avg_heart_rate=rng.uniform(138, 152),
                    avg_cadence_spm=cadence_base + rng.uniform(-3, 3),
                    avg_vertical_oscillation_mm=rng.uniform(86, 96),
                    avg_ground_contact_ms=rng.uniform(255, 275),
                    avg_stride_length_m=rng.uniform(0.98, 1.08),
                    rpe=7 if is_long else rng.choice([3, 4, 4, 5]),
                    shoe=shoe,
                    device="Forerunner (demo)",
                )
            )
        if w % 2 == 0 and monday + timedelta(days=5) <= today:
            day = monday + timedelta(days=5)
            activities.append(
                Activity(
                    user=user,
                    sport="cycling",
                    name="Fietsen",
                    start=datetime.combine(day, time(10), ZONE),
                    local_date=day,
                    distance_m=rng.uniform(25, 40) * 1000,
                    duration_s=rng.uniform(4800, 6000),
                )
            )
    last_day = today
    day = first_monday
    while day <= last_day:
        days_left = (last_day - day).days
        recent = days_left < 18
        pain = None
        if recent:
            pain = min(7, 1 + (18 - days_left) // 3 + rng.choice([0, 0, 1]))
        entries.append(
            DailyEntry(
                user=user,
                date=day,
                resting_heart_rate=round(rng.gauss(52, 1.5) + (4 if days_left < 6 else 0)),
                sleep_hours=round(rng.uniform(6.2, 7.0) if recent else rng.uniform(6.8, 8.4), 1),
                pain_during=pain,
                pain_after=None if pain is None else min(10, pain + 1),
                pain_next_morning=None if pain is None else max(0, pain - 1),
                pain_location="kneecap" if pain else "",
                swelling=False,
            )
        )
        day += timedelta(days=1)
    _recordings_with_a_story(user, activities, today)
    Activity.objects.bulk_create(activities)
    DailyEntry.objects.bulk_create(entries)
    return user


GUESSED = T("geraden uit {speed} km/u", "guessed from {speed} km/h")
CUT_OFF = T(
    "opname stopt na {km} km: het bestand houdt daar op (het horloge viel uit)",
    "the recording stops after {km} km: the file ends there (the watch switched off)",
)


def _easy_run_between(activities: list[Activity], first: date, last: date) -> Activity | None:
    return next(
        (
            a
            for a in activities
            if a.sport == "running" and a.name == "Rustige duurloop" and first <= a.local_date <= last
        ),
        None,
    )


def _recordings_with_a_story(user: object, activities: list[Activity], today: date) -> None:
    """The paused run and the cut-off run are runs of the plan with their times told apart (the moving
    time stays the duration, so no figure changes); the ride is one more, without effort or shoe."""
    paused = _easy_run_between(activities, today - timedelta(days=41), today - timedelta(days=29))
    if paused is not None:
        paused.moving_s = paused.duration_s
        paused.elapsed_s = (paused.duration_s or 0) + 265  # two waits at the lights
        paused.pauses = 2
    cut = _easy_run_between(activities, today - timedelta(days=55), today - timedelta(days=43))
    if cut is not None:
        km = round((cut.distance_m or 0) / 1000, 1)
        note = CUT_OFF.format(km=km)
        cut.moving_s = cut.elapsed_s = cut.duration_s
        cut.partial_nl, cut.partial_en = note.nl, note.en
    saturday = today - timedelta(days=today.weekday() + 2) - timedelta(weeks=4)
    distance, moving = 40_600.0, 6000.0
    evidence = GUESSED.format(speed=round(distance / moving * 3.6, 1))
    activities.append(
        Activity(
            user=user,
            sport="cycling",
            sport_source="guessed",
            sport_evidence_nl=evidence.nl,
            sport_evidence_en=evidence.en,
            name="Rondje over de dijk",
            start=datetime.combine(saturday, time(14), ZONE),
            local_date=saturday,
            distance_m=distance,
            duration_s=moving,
            moving_s=moving,
            elapsed_s=moving + 420,
            pauses=1,
            records=6420,  # a GPX without <type> or device: only the points and their times
        )
    )
