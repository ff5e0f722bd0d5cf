"""Free times of a clinic, read from the database and worked out by `kniewijs.core.scheduling`.

A therapist is busy wherever they have an active booking, at any of their clinics: one person cannot be
in two places. A time is offered when at least one of the clinic's active therapists is free then.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from django.db.models import QuerySet
from django.utils import timezone

from kniewijs.core import scheduling

from .models import AppointmentType, AvailabilityException, Booking, Clinic, Therapist, WeeklyAvailability

# No slot starts within the next hour: the clinic needs a moment to see the booking come in.
MIN_NOTICE = timedelta(hours=1)
NEXT_COUNT = 6


def clinic_tz() -> tzinfo:
    """The clinics' time zone (Europe/Amsterdam); every clinic is in the Netherlands."""
    return timezone.get_default_timezone()


@dataclass(frozen=True, slots=True)
class Offer:
    """One bookable time and the therapists free at it (lowest id first)."""

    start: datetime
    end: datetime
    therapist_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    offers: list[Offer] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Week:
    monday: date
    days: list[Day]
    previous: date | None
    next: date | None

    @property
    def is_empty(self) -> bool:
        return not any(day.offers for day in self.days)


@dataclass(frozen=True, slots=True)
class DayHours:
    """One weekday of the clinic's hours: the ranges in which an appointment can start."""

    weekday: int
    label: str
    ranges: list[scheduling.StartRange]


def opening_hours(clinic: Clinic, appointment_type: AppointmentType) -> list[DayHours]:
    """The clinic's hours from the weekly hours of its active therapists, the very data the free times come
    from (core.scheduling.start_ranges), so the page never promises a time that is not offered."""
    ids = [t.pk for t in bookable_therapists(clinic)]
    rows = WeeklyAvailability.objects.filter(clinic=clinic, therapist_id__in=ids)
    blocks = [scheduling.WeeklyBlock(row.weekday, row.start_time, row.end_time) for row in rows]
    ranges = scheduling.start_ranges(blocks, timedelta(minutes=appointment_type.duration_minutes))
    days: dict[int, list[scheduling.StartRange]] = {}
    for found in ranges:
        days.setdefault(found.weekday, []).append(found)
    return [
        DayHours(weekday, str(WeeklyAvailability.Weekday(weekday).label), found)
        for weekday, found in sorted(days.items())
    ]


def bookable_therapists(clinic: Clinic) -> list[Therapist]:
    return list(clinic.therapists.filter(active=True).order_by("pk"))


def bookable_window(clinic: Clinic, now: datetime) -> tuple[date, date]:
    return scheduling.bookable_days(now, clinic_tz(), clinic.booking_days_ahead)


def _day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    tz = clinic_tz()
    start = timezone.make_aware(datetime.combine(first, datetime.min.time()), tz)
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), datetime.min.time()), tz)
    return start, end


def bookings_during(
    therapist_ids: Iterable[int], start: datetime, end: datetime, *, ignore: Booking | None = None
) -> QuerySet[Booking]:
    """The active bookings of these therapists, at any of their clinics, that overlap [start, end). What
    keeps a time from being offered online, what refuses a phone booking and an absence over a booking."""
    rows = Booking.objects.filter(
        therapist_id__in=list(therapist_ids),
        status=Booking.Status.ACTIVE,
        starts_at__lt=end,
        ends_at__gt=start,
    )
    return rows.exclude(pk=ignore.pk) if ignore is not None and ignore.pk else rows


def absences_during(
    therapist_ids: Iterable[int], start: datetime, end: datetime
) -> QuerySet[AvailabilityException]:
    """The absences of these therapists that overlap [start, end)."""
    return AvailabilityException.objects.filter(
        therapist_id__in=list(therapist_ids), starts_at__lt=end, ends_at__gt=start
    )


@dataclass(frozen=True, slots=True)
class _Calendar:
    """What the database says about some therapists over a stretch of days, read once."""

    blocks: dict[int, list[scheduling.WeeklyBlock]]
    absences: dict[int, list[scheduling.Interval]]
    busy: dict[int, list[scheduling.Interval]]


def _calendar(clinic: Clinic, ids: list[int], first: date, last: date, ignore: Booking | None) -> _Calendar:
    begin, finish = _day_bounds(first, last)
    blocks: dict[int, list[scheduling.WeeklyBlock]] = {pk: [] for pk in ids}
    for row in WeeklyAvailability.objects.filter(clinic=clinic, therapist_id__in=ids):
        blocks[row.therapist_id].append(scheduling.WeeklyBlock(row.weekday, row.start_time, row.end_time))
    absences: dict[int, list[scheduling.Interval]] = {pk: [] for pk in ids}
    for row in absences_during(ids, begin, finish):
        absences[row.therapist_id].append(scheduling.Interval(row.starts_at, row.ends_at))
    busy: dict[int, list[scheduling.Interval]] = {pk: [] for pk in ids}
    for row in bookings_during(ids, begin, finish, ignore=ignore):
        busy[row.therapist_id].append(scheduling.Interval(row.starts_at, row.ends_at))
    return _Calendar(blocks, absences, busy)


def _free(
    calendar: _Calendar,
    clinic: Clinic,
    appointment_type: AppointmentType,
    now: datetime,
    first: date,
    last: date,
) -> dict[int, list[scheduling.Slot]]:
    return {
        pk: scheduling.free_slots(
            blocks=calendar.blocks[pk],
            absences=calendar.absences[pk],
            busy=calendar.busy[pk],
            duration=timedelta(minutes=appointment_type.duration_minutes),
            tz=clinic_tz(),
            now=now,
            days_ahead=clinic.booking_days_ahead,
            min_notice=MIN_NOTICE,
            first_day=first,
            last_day=last,
        )
        for pk in calendar.blocks
    }


def _window(
    clinic: Clinic, now: datetime, first_day: date | None, last_day: date | None
) -> tuple[date, date]:
    window_first, window_last = bookable_window(clinic, now)
    return max(window_first, first_day or window_first), min(window_last, last_day or window_last)


def therapist_slots(
    clinic: Clinic,
    appointment_type: AppointmentType,
    therapists: Sequence[Therapist],
    *,
    now: datetime,
    first_day: date | None = None,
    last_day: date | None = None,
    ignore: Booking | None = None,
) -> dict[int, list[scheduling.Slot]]:
    """Free slots per therapist id. `ignore` leaves one booking out of the busy times (when moving it)."""
    first, last = _window(clinic, now, first_day, last_day)
    if not therapists or first > last:
        return {}
    calendar = _calendar(clinic, [t.pk for t in therapists], first, last, ignore)
    return _free(calendar, clinic, appointment_type, now, first, last)


def _merge(per_therapist: dict[int, list[scheduling.Slot]]) -> list[Offer]:
    free_at: dict[tuple[datetime, datetime], list[int]] = {}
    for therapist_id, found in per_therapist.items():
        for slot in found:
            free_at.setdefault((slot.start, slot.end), []).append(therapist_id)
    return [Offer(start, end, tuple(sorted(ids))) for (start, end), ids in sorted(free_at.items())]


def offers(
    clinic: Clinic,
    appointment_type: AppointmentType,
    *,
    now: datetime,
    first_day: date | None = None,
    last_day: date | None = None,
    ignore: Booking | None = None,
) -> list[Offer]:
    """Every offered time of the clinic, sorted, with the therapists free at each."""
    return _merge(
        therapist_slots(
            clinic,
            appointment_type,
            bookable_therapists(clinic),
            now=now,
            first_day=first_day,
            last_day=last_day,
            ignore=ignore,
        )
    )


def next_offers(
    clinic: Clinic,
    appointment_type: AppointmentType,
    *,
    now: datetime,
    count: int = NEXT_COUNT,
    ignore: Booking | None = None,
) -> list[Offer]:
    """The first `count` offered times. The calendar is read once for the whole window, but the free times are
    worked out a week at a time and only until enough are found: usually the first week holds them."""
    first, last = _window(clinic, now, None, None)
    therapists = bookable_therapists(clinic)
    if not therapists or first > last:
        return []
    calendar = _calendar(clinic, [t.pk for t in therapists], first, last, ignore)
    found: list[Offer] = []
    day = first
    while day <= last and len(found) < count:
        week_end = min(day + timedelta(days=6), last)
        found += _merge(_free(calendar, clinic, appointment_type, now, day, week_end))
        day = week_end + timedelta(days=1)
    return found[:count]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_grid(
    clinic: Clinic,
    appointment_type: AppointmentType,
    *,
    now: datetime,
    monday: date | None = None,
    ignore: Booking | None = None,
) -> Week:
    """One week of offered times, Monday to Sunday, kept inside the bookable window."""
    first, last = bookable_window(clinic, now)
    earliest, latest = monday_of(first), monday_of(last)
    chosen = min(max(monday_of(monday or first), earliest), latest)
    sunday = chosen + timedelta(days=6)
    found = offers(clinic, appointment_type, now=now, first_day=chosen, last_day=sunday, ignore=ignore)
    days = [Day(chosen + timedelta(days=n)) for n in range(7)]
    tz = clinic_tz()
    for offer in found:
        days[(offer.start.astimezone(tz).date() - chosen).days].offers.append(offer)
    return Week(
        monday=chosen,
        days=days,
        previous=chosen - timedelta(days=7) if chosen > earliest else None,
        next=chosen + timedelta(days=7) if chosen < latest else None,
    )


def free_therapists(
    clinic: Clinic,
    appointment_type: AppointmentType,
    therapists: Iterable[Therapist],
    starts_at: datetime,
    *,
    now: datetime,
    ignore: Booking | None = None,
) -> list[Therapist]:
    """Those of `therapists` for whom `starts_at` is still an offered, free slot right now."""
    chosen = list(therapists)
    day = starts_at.astimezone(clinic_tz()).date()
    per_therapist = therapist_slots(
        clinic, appointment_type, chosen, now=now, first_day=day, last_day=day, ignore=ignore
    )
    return [t for t in chosen if any(slot.start == starts_at for slot in per_therapist.get(t.pk, []))]
