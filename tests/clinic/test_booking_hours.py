"""The clinic's hours on the booking pages come from the therapists' weekly hours, the data the free times
come from, so the hours shown and the last time offered always agree."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.urls import reverse

from kniewijs.clinic.models import WeeklyAvailability
from kniewijs.core.scheduling import StartRange, WeeklyBlock, start_ranges

from ..conftest import make_physio
from .test_booking_helpers import knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")

TUESDAY = 1


def last_tuesday_start(client, clinic) -> str:
    """The last time the times page offers on Tuesday 3 June, as the page writes it."""
    response = client.get(reverse("booking:slots", args=[clinic.slug]), {"soort": knee_check(clinic).pk})
    (tuesday,) = [day for day in response.context["week"].days if day.date.weekday() == TUESDAY]
    assert tuesday.offers, "the therapist works on Tuesday"
    last = tuesday.offers[-1].start.astimezone(clinic_tz())
    assert f">{last:%H:%M}<" in response.content.decode()
    return f"{last:%H:%M}"


def clinic_tz():
    from kniewijs.clinic.slots import clinic_tz as tz

    return tz()


def tuesday_line(client, clinic) -> str:
    page = client.get(reverse("booking:clinic", args=[clinic.slug])).content.decode()
    (line,) = [li for li in page.split("<li>") if li.startswith("dinsdag:")]
    return line.split("</li>")[0]


def test_the_tuesday_hours_end_at_the_last_tuesday_time_the_times_page_offers(client, clinic):
    make_physio("tess@fysio.nl", clinic, name="Tess", weekdays=(TUESDAY,))  # Tuesdays 9:00 to 17:00
    last = last_tuesday_start(client, clinic)
    assert last == "16:40"  # a 20-minute knee check that ends at 17:00
    assert tuesday_line(client, clinic) == f"dinsdag: 09:00 tot {last}"

    WeeklyAvailability.objects.filter(weekday=TUESDAY).update(end_time=time(20))  # she stays late now
    later = last_tuesday_start(client, clinic)
    assert later == "19:40" and tuesday_line(client, clinic) == f"dinsdag: 09:00 tot {later}"


def test_hours_come_from_the_schedule_and_cannot_be_typed_in(client, clinic, physio):
    from kniewijs.clinic.models import Clinic

    # A typed-in text could say "di tot 20.00" while no slot is offered then; the field is gone.
    assert "opening_hours" not in {f.name for f in Clinic._meta.get_fields()}
    page = client.get(reverse("booking:clinic", args=[clinic.slug])).content.decode()
    assert "di tot 20.00" not in page
    assert "maandag: 09:00 tot 16:40" in page and "zaterdag" not in page  # from the weekdays 9-17 she works


def test_a_clinic_without_therapists_shows_no_hours(client, clinic):
    page = client.get(reverse("booking:clinic", args=[clinic.slug])).content.decode()
    assert 'class="hours"' not in page


def test_start_ranges_step_like_the_slots_and_join_blocks_that_follow_on():
    twenty = timedelta(minutes=20)
    blocks = [
        WeeklyBlock(0, time(8, 30), time(12)),
        WeeklyBlock(0, time(13), time(17)),
        WeeklyBlock(1, time(9), time(17)),
        WeeklyBlock(1, time(12), time(20)),  # a colleague who works later
        WeeklyBlock(2, time(9), time(9, 10)),  # too short for one appointment
    ]
    assert start_ranges(blocks, twenty) == [
        StartRange(0, time(8, 30), time(11, 30)),  # 11:50 would end after 12:00
        StartRange(0, time(13), time(16, 40)),
        StartRange(1, time(9), time(19, 40)),
    ]
    with pytest.raises(ValueError):
        start_ranges(blocks, timedelta(0))
