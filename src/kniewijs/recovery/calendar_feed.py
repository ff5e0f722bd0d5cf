"""The programme's planned sessions as an iCalendar feed. Each session keeps a stable UID (date + kind),
so when the programme adapts, a subscribed calendar replaces the old entries instead of adding new ones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from django.utils.translation import get_language
from icalendar import Calendar, Event

from kniewijs.core.recovery.schedule import planned_sessions
from kniewijs.core.text import normalise_language

from .models import Programme
from .state import state_for

DAYS = 28


def calendar_bytes(programme: Programme, today: date) -> bytes:
    lang = normalise_language(get_language())
    state = state_for(programme, today)
    feed = Calendar()
    feed.add("prodid", "-//Kniewijs//herstelprogramma//NL")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", "Kniewijs herstelprogramma" if lang == "nl" else "Kniewijs recovery programme")
    stamp = datetime.now(UTC)
    for day in planned_sessions(state, DAYS):
        for session in day.sessions:
            if session.kind in ("rest", "care", "paused"):
                continue  # on hold after a red flag the feed has nothing: the page says what to do
            event = Event()
            event.add("uid", f"{programme.pk}-{day.date.isoformat()}-{session.kind}@kniewijs")
            event.add("dtstamp", stamp)
            event.add("dtstart", day.date)
            event.add("dtend", day.date + timedelta(days=1))
            event.add("summary", session.title.get(lang))
            event.add("description", "\n".join(line.get(lang) for line in session.what))
            feed.add_component(event)
    return feed.to_ical()
