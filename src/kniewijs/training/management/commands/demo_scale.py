"""`kniewijs demo_scale --runners N [--years 10] [--clinics K]`: demo data at scale, for load tests.

N runners, each with `years` of runs (3-5 a week, a long run on Sunday, now and then a ride), a daily entry
for every day (resting heart rate, sleep, knee pain in a few episodes a year) and a new pair of shoes every
600-700 km; K clinics, each with `--physios` physiotherapists (3) (open Monday to Saturday, 8:00-18:00) who sign in
with the demo TOTP key, a quarter of the runners consenting to one clinic, and bookings in the past and the
coming two weeks. Everything is written with `bulk_create`; all accounts share one password hash, made once.

It refuses to run a second time on the same database (the accounts would clash); start from a fresh one.
`--manifest FILE` writes the accounts and addresses a load test needs as JSON.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from itertools import repeat
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from kniewijs.clinic.demo import DEMO_TOTP_KEY
from kniewijs.clinic.faq_defaults import add_default_faq
from kniewijs.clinic.models import (
    AppointmentType,
    Booking,
    Clinic,
    Consent,
    Therapist,
    WeeklyAvailability,
)
from kniewijs.selfcheck.examples import EXAMPLES
from kniewijs.training.models import Activity, DailyEntry, RunnerSettings, Shoe

DOMAIN = "schaal.example.nl"
PASSWORD = "kniewijs-schaal-demo"  # noqa: S105 - shared by the generated load-test accounts only
ZONE = ZoneInfo("Europe/Amsterdam")
CONSENT_EVERY = 4  # one runner in four shares their data with a clinic
OPEN_WEEKDAYS = range(6)  # Monday to Saturday
OPEN_FROM, OPEN_UNTIL = clock(8), clock(18)
SLOT_MINUTES = 20
UPCOMING_FILL = 0.15  # the share of the coming two weeks' slots already booked
RUNNERS_PER_CHUNK = 20  # runners written per transaction: bounded memory at any N
BATCH = 2000
FIRST_NAMES = (
    "Anna",
    "Bram",
    "Carmen",
    "Daan",
    "Eva",
    "Finn",
    "Gwen",
    "Hugo",
    "Iris",
    "Jesse",
    "Kim",
    "Lars",
)
LAST_NAMES = ("de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "Mulder")
# Weekdays with a run for 3, 4 and 5 runs a week; Sunday (6) is the long run.
RUN_DAYS = {3: (1, 3, 6), 4: (0, 2, 4, 6), 5: (0, 1, 3, 4, 6)}


def runner_email(index: int) -> str:
    return f"loper{index:05d}@{DOMAIN}"


def physio_email(clinic: int, number: int) -> str:
    return f"fysio-{clinic}-{number}@{DOMAIN}"


def clinic_slug(clinic: int) -> str:
    return f"schaalpraktijk-{clinic}"


@dataclass
class Made:
    """What was written, for the summary and the manifest."""

    runners: int = 0
    activities: int = 0
    entries: int = 0
    shoes: int = 0
    clinics: int = 0
    physios: int = 0
    consents: int = 0
    bookings: int = 0
    patients: dict[str, list[int]] = field(default_factory=dict)  # clinic slug -> consenting runner ids


class Command(BaseCommand):
    help = "Make load-test data: N runners with years of runs and daily entries, clinics with slots."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--runners", type=int, required=True)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--clinics", type=int, default=2)
        parser.add_argument("--physios", type=int, default=3, help="physiotherapists per clinic")
        parser.add_argument("--seed", type=int, default=6)
        parser.add_argument("--manifest", type=Path, help="write the accounts and addresses as JSON here")

    def handle(self, *args: Any, **options: Any) -> None:
        runners, years, clinics = options["runners"], options["years"], options["clinics"]
        if min(runners, years, clinics, options["physios"]) < 1:
            raise CommandError("--runners, --years, --clinics and --physios must each be at least 1.")
        already = get_user_model().objects.filter(username__endswith="@" + DOMAIN).count()
        if already:
            raise CommandError(
                f"This database already holds scale demo data ({already} accounts @{DOMAIN}); "
                "demo_scale only fills a database once. Start from a fresh database."
            )
        began = time.perf_counter()
        today = timezone.localdate()
        made = Made()
        password = make_password(PASSWORD)  # hashed once: Argon2 per account would take minutes
        rng = np.random.default_rng(options["seed"])
        ids: list[int] = []
        for first in range(0, runners, RUNNERS_PER_CHUNK):
            count = min(RUNNERS_PER_CHUNK, runners - first)
            with transaction.atomic():
                ids += _runners(first, count, password, years, today, rng, made)
        with transaction.atomic():
            _clinics(clinics, options["physios"], ids, password, today, random.Random(options["seed"]), made)
        seconds = time.perf_counter() - began
        self.stdout.write(
            f"Made {made.runners} runners ({years} year{'s' if years != 1 else ''} each): {made.activities} activities, "
            f"{made.entries} daily entries, {made.shoes} shoes; {made.clinics} clinics with {made.physios} "
            f"physiotherapists, {made.consents} consents, {made.bookings} bookings; in {seconds:.1f} s."
        )
        self.stdout.write(f"Every account's password: {PASSWORD}; physios' TOTP key (hex): {DEMO_TOTP_KEY}")
        if options["manifest"]:
            manifest = _manifest(runners, clinics, options["physios"], made, seconds)
            options["manifest"].write_text(json.dumps(manifest, indent=1))
            self.stdout.write(f"Manifest: {options['manifest']}")


def _manifest(runners: int, clinics: int, physios: int, made: Made, seconds: float) -> dict[str, Any]:
    return {
        "password": PASSWORD,
        "totp_key": DEMO_TOTP_KEY,
        "runners": [runner_email(i) for i in range(runners)],
        "physios": [
            {"email": physio_email(k, j), "clinic": clinic_slug(k), "patients": made.patients[clinic_slug(k)]}
            for j in range(physios)
            for k in range(clinics)
        ],
        "clinics": [clinic_slug(k) for k in range(clinics)],
        "counts": {
            "runners": made.runners,
            "activities": made.activities,
            "entries": made.entries,
            "clinics": made.clinics,
            "physios": made.physios,
            "consents": made.consents,
            "bookings": made.bookings,
        },
        "seconds": round(seconds, 1),
    }


# --- runners ---------------------------------------------------------------------------------------------
def _runners(
    first: int, count: int, password: str, years: int, today: date, rng: np.random.Generator, made: Made
) -> list[int]:
    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        user_model(
            username=runner_email(i),
            email=runner_email(i),
            password=password,
            first_name=FIRST_NAMES[i % len(FIRST_NAMES)],
            last_name=LAST_NAMES[(i // len(FIRST_NAMES)) % len(LAST_NAMES)],
        )
        for i in range(first, first + count)
    )
    if users[0].pk is None:  # a backend that gives no ids back from bulk_create
        users = list(user_model.objects.filter(username__in=[u.username for u in users]).order_by("pk"))
    RunnerSettings.objects.bulk_create(RunnerSettings(user=u) for u in users)
    activities: dict[str, list[Any]] = {}
    entries: dict[str, list[Any]] = {}
    for user in users:
        runs, days, shoes = _training_log(user.pk, years, today, rng)
        for into, columns in ((activities, runs), (entries, days)):
            for name, values in columns.items():
                into.setdefault(name, []).extend(values)
        made.shoes += shoes
    made.activities += _insert(Activity, activities)
    made.entries += _insert(DailyEntry, entries)
    made.runners += count
    return [u.pk for u in users]


def _insert(model: type[models.Model], columns: dict[str, list[Any]]) -> int:
    """Rows of `model` given column by column, in batches of `executemany`; columns left out get the model
    default. Not bulk_create: it spent three quarters of this command's time compiling SQL value by value.
    Dates and times still go through Django's own adaptation for the database in use."""
    fields = {f.attname: f for f in model._meta.concrete_fields if not f.primary_key}
    unknown = set(columns) - set(fields)
    if unknown:
        raise ValueError(f"{model.__name__} has no field {sorted(unknown)[0]!r}")
    count = len(next(iter(columns.values())))
    ops = connection.ops
    data: list[Any] = []
    for name, f in fields.items():
        adapt: Any = None
        if isinstance(f, models.DateTimeField):
            adapt = ops.adapt_datetimefield_value
        elif isinstance(f, models.DateField):
            adapt = ops.adapt_datefield_value
        if name in columns:
            values = columns[name]
            data.append(list(map(adapt, values)) if adapt else values)
        else:
            value = timezone.now() if getattr(f, "auto_now_add", False) else f.get_default()
            data.append(repeat(adapt(value) if adapt else value, count))
    table = ops.quote_name(model._meta.db_table)
    names = ", ".join(ops.quote_name(f.column) for f in fields.values())
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(fields))})"
    rows = list(zip(*data, strict=True))
    with connection.cursor() as cursor:
        for at in range(0, count, BATCH):
            cursor.executemany(sql, rows[at : at + BATCH])
    return count


def _training_log(
    user_id: int, years: int, today: date, rng: np.random.Generator
) -> tuple[dict[str, list[Any]], dict[str, list[Any]], int]:
    """Years of one runner's training worked out in numpy: activity and daily-entry columns, and the number
    of shoes (written here, as the activities need their ids)."""
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=52 * years)
    weeks = (today - first_monday).days // 7 + 1
    per_week = int(rng.choice([3, 4, 5], p=[0.3, 0.45, 0.25]))
    run_days = RUN_DAYS[per_week]
    base_km = rng.uniform(3.5, 9.0) * per_week
    week = np.arange(weeks)
    volume = base_km * (1 + 0.2 * np.sin(2 * np.pi * week / 52)) * rng.uniform(0.85, 1.15, weeks)
    volume[week % 4 == 3] *= 0.7  # a lighter week every fourth week
    if rng.random() < 0.35:  # some runners build up too fast in the last three weeks: the warnings
        volume[-3:] *= np.array([1.35, 1.55, 1.75])
    shares = np.array([0.35 if d == 6 else 0.65 / (per_week - 1) for d in run_days])
    km = (volume[:, None] * shares[None, :] * rng.lognormal(0, 0.12, (weeks, per_week))).reshape(-1)
    day = np.repeat(week * 7, per_week) + np.tile(np.array(run_days), weeks)
    kept = (rng.random(day.size) > 0.08) & (day <= (today - first_monday).days)  # holidays, colds
    day, km = day[kept], km[kept]
    n = day.size
    pace = rng.uniform(300, 380) + rng.normal(0, 10, n) + np.where(day % 7 == 6, 15, 0)
    pair = (np.cumsum(km) // rng.uniform(600, 700)).astype(int)
    shoe_ids = _shoes(user_id, first_monday, day, pair)
    minutes = rng.integers(0, 59, n).tolist()
    dates = [first_monday + timedelta(days=d) for d in day.tolist()]
    long_run = (day % 7 == 6).tolist()
    runs: dict[str, list[Any]] = {
        "user_id": [user_id] * n,
        "sport": ["running"] * n,
        "name": ["Lange duurloop" if long else "Duurloop" for long in long_run],
        "start": [
            datetime.combine(on, clock(7 if on.day % 2 else 18, m), ZONE)
            for on, m in zip(dates, minutes, strict=True)
        ],
        "local_date": dates,
        "distance_m": (km * 1000).tolist(),
        "duration_s": (km * pace).tolist(),
        "records": (km * pace).astype(int).tolist(),
        "avg_heart_rate": (rng.uniform(135, 150) + rng.normal(0, 5, n)).tolist(),
        "avg_cadence_spm": (rng.normal(166, 3) + rng.normal(0, 2, n)).tolist(),
        "avg_vertical_oscillation_mm": rng.normal(88, 4, n).tolist(),
        "avg_ground_contact_ms": rng.normal(262, 8, n).tolist(),
        "avg_stride_length_m": rng.normal(1.04, 0.04, n).tolist(),
        "rpe": rng.integers(2, 8, n).tolist(),
        "shoe_id": [shoe_ids[p] for p in pair.tolist()],
        "device": ["Forerunner (schaaldemo)"] * n,
    }
    rides = np.flatnonzero(rng.random(weeks) < 0.15) * 7 + 5  # a Saturday ride now and then
    rides = rides[rides <= (today - first_monday).days]
    ride_dates = [first_monday + timedelta(days=d) for d in rides.tolist()]
    ride_columns = {
        "user_id": [user_id] * rides.size,
        "sport": ["cycling"] * rides.size,
        "name": ["Fietsen"] * rides.size,
        "start": [datetime.combine(on, clock(10), ZONE) for on in ride_dates],
        "local_date": ride_dates,
        "distance_m": (rng.uniform(25, 60, rides.size) * 1000).tolist(),
        "duration_s": rng.uniform(3600, 9000, rides.size).tolist(),
    }
    for name, values in runs.items():
        values.extend(ride_columns.get(name, [None] * rides.size))
    runs["records"][n:] = [0] * rides.size
    runs["device"][n:] = [""] * rides.size
    return runs, _entries(user_id, first_monday, today, rng), len(shoe_ids)


def _shoes(user_id: int, first_monday: date, day: np.ndarray, pair: np.ndarray) -> list[int]:
    """One pair per `pair` number, every pair but the last retired on the day of its last run; their ids."""
    last = int(pair.max()) if pair.size else 0
    shoes = []
    for n in range(last + 1):
        runs = day[pair == n]
        retired = first_monday + timedelta(days=int(runs.max())) if n < last and runs.size else None
        shoes.append(
            Shoe(
                user_id=user_id, name=f"Paar {n + 1}", limit_km=700, retired_on=retired, is_default=n == last
            )
        )
    made = Shoe.objects.bulk_create(shoes)
    if made[0].pk is None:
        return list(Shoe.objects.filter(user_id=user_id).order_by("pk").values_list("pk", flat=True))
    return [s.pk for s in made]


def _entries(user_id: int, first_monday: date, today: date, rng: np.random.Generator) -> dict[str, list[Any]]:
    days = (today - first_monday).days + 1
    pain = np.zeros(days, dtype=int)
    for start in rng.integers(0, days, max(1, days // 150)):  # a few episodes of knee pain a year
        length = int(rng.integers(7, 22))
        pain[start : start + length] = np.maximum(pain[start : start + length], rng.integers(1, 6))
    hurts = (pain > 0).tolist()
    values = pain.tolist()
    return {
        "user_id": [user_id] * days,
        "date": [first_monday + timedelta(days=d) for d in range(days)],
        "resting_heart_rate": np.round(rng.normal(51, 2, days)).astype(int).tolist(),
        "sleep_hours": np.round(np.clip(rng.normal(7.2, 0.7, days), 4, 10), 1).tolist(),
        "pain_during": [p if h else None for p, h in zip(values, hurts, strict=True)],
        "pain_after": [min(10, p + 1) if h else None for p, h in zip(values, hurts, strict=True)],
        "pain_next_morning": [max(0, p - 1) if h else None for p, h in zip(values, hurts, strict=True)],
        "pain_location": ["kneecap" if h else "" for h in hurts],
        "swelling": (rng.random(days) < 0.002).tolist(),
    }


# --- clinics ---------------------------------------------------------------------------------------------
def _clinics(
    count: int,
    physios: int,
    runner_ids: list[int],
    password: str,
    today: date,
    rng: random.Random,
    made: Made,
) -> None:
    user_model = get_user_model()
    runners = {u.pk: u for u in user_model.objects.filter(pk__in=runner_ids[::CONSENT_EVERY])}
    answers = [a for _title, a in EXAMPLES.values()]
    for k in range(count):
        clinic = Clinic.objects.create(
            name=f"Schaalpraktijk {k + 1}",
            slug=clinic_slug(k),
            address=f"Looppad {k + 1}\n3500 AA Utrecht",
            phone="030 000 00 00",
        )
        knee_check = AppointmentType.objects.create(
            clinic=clinic,
            name_nl="Gratis kniecheck",
            name_en="Free knee check",
            duration_minutes=SLOT_MINUTES,
            is_knee_check=True,
            free_of_charge=True,
        )
        AppointmentType.objects.create(
            clinic=clinic, name_nl="Behandeling knie", name_en="Knee treatment", duration_minutes=30
        )
        add_default_faq(clinic)
        therapists = _therapists(clinic, k, physios, password)
        patients = [runners[pk] for pk in runner_ids[::CONSENT_EVERY][k::count]]
        Consent.objects.bulk_create(
            Consent(runner=r, clinic=clinic, category=c) for r in patients for c in Consent.Category.values
        )
        bookings = list(_bookings(clinic, knee_check, therapists, patients, answers, today, rng))
        Booking.objects.bulk_create(bookings, batch_size=BATCH)
        made.clinics += 1
        made.physios += len(therapists)
        made.consents += len(patients) * len(Consent.Category.values)
        made.bookings += len(bookings)
        made.patients[clinic.slug] = [r.pk for r in patients]


def _therapists(clinic: Clinic, k: int, count: int, password: str) -> list[Therapist]:
    user_model = get_user_model()
    therapists = []
    for j in range(count):
        email = physio_email(k, j)
        user = user_model.objects.create(
            username=email, email=email, password=password, first_name="Fysio", last_name=f"{k}-{j}"
        )
        # One device per physio, all with the demo key: each keeps its own replay guard.
        TOTPDevice.objects.create(user=user, name="schaaldemo", key=DEMO_TOTP_KEY, confirmed=True)
        therapist = Therapist.objects.create(user=user, name=f"Fysio {k + 1}.{j + 1}")
        therapist.clinics.add(clinic)
        therapists.append(therapist)
    WeeklyAvailability.objects.bulk_create(
        WeeklyAvailability(therapist=t, clinic=clinic, weekday=d, start_time=OPEN_FROM, end_time=OPEN_UNTIL)
        for t in therapists
        for d in OPEN_WEEKDAYS
    )
    return therapists


def _slot_starts(first: date, last: date) -> list[datetime]:
    per_day = (OPEN_UNTIL.hour - OPEN_FROM.hour) * 60 // SLOT_MINUTES
    starts = []
    day = first
    while day <= last:
        if day.weekday() in OPEN_WEEKDAYS:
            opening = datetime.combine(day, OPEN_FROM, ZONE)
            starts += [opening + timedelta(minutes=SLOT_MINUTES * n) for n in range(per_day)]
        day += timedelta(days=1)
    return starts


def _bookings(
    clinic: Clinic,
    knee_check: AppointmentType,
    therapists: list[Therapist],
    patients: list[Any],
    answers: list[dict[str, Any]],
    today: date,
    rng: random.Random,
) -> Iterator[Booking]:
    """Two past appointments per patient (the first with their self-check attached) and the coming two weeks
    booked for UPCOMING_FILL: every other patient once, the other times by people without an account."""
    past = [
        (t, s)
        for s in _slot_starts(today - timedelta(days=365), today - timedelta(days=1))
        for t in therapists
    ]
    upcoming = [
        (t, s)
        for s in _slot_starts(today + timedelta(days=1), today + timedelta(days=14))
        for t in therapists
    ]
    chosen_past = rng.sample(past, min(len(past), 2 * len(patients)))
    chosen_upcoming = rng.sample(upcoming, int(len(upcoming) * UPCOMING_FILL))
    who = [(patients[n % len(patients)], n < len(patients)) for n in range(len(chosen_past))]
    who += [
        (patients[2 * n], True) if 2 * n < len(patients) else (None, False)
        for n in range(len(chosen_upcoming))
    ]
    now = timezone.now()
    for n, ((therapist, start), (runner, attached)) in enumerate(
        zip(chosen_past + chosen_upcoming, who, strict=True)
    ):
        yield Booking(
            clinic=clinic,
            therapist=therapist,
            appointment_type=knee_check,
            starts_at=start,
            ends_at=start + timedelta(minutes=SLOT_MINUTES),
            runner=runner,
            name=runner.get_full_name() if runner is not None else f"Gast {n}",
            email=runner.email if runner is not None else f"gast{n}@{DOMAIN}",
            phone="06 00 00 00 00",
            selfcheck_answers=answers[n % len(answers)] if attached else None,
            report_consent_at=now if attached else None,
        )
