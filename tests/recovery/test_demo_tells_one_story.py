"""The demo runner's programme page, training log and warnings agree on every level and every pain figure
of a day: the header, the text under the chart, the chart's table, the decisions and the log's warnings."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from kniewijs.recovery.access import active_programme
from kniewijs.recovery.state import state_for
from kniewijs.training.demo import DEMO_EMAIL
from kniewijs.training.history import local_today
from kniewijs.training.models import DailyEntry

pytestmark = pytest.mark.django_db

# Written out here rather than taken from kniewijs.core.text, so the test reads the page on its own terms.
DUTCH_MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december".split()  # noqa: SIM905
)


def dutch_day(text: str, year: int) -> date:
    day, month = text.split()[:2]
    return date(year, DUTCH_MONTHS.index(month) + 1, int(day))


@pytest.fixture
def demo(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - the command's listing is not asked
    runner = get_user_model().objects.get(username=DEMO_EMAIL)
    client.force_login(runner)
    return runner


def test_the_demo_shows_one_level_in_the_header_the_chart_and_the_decisions(client, demo):
    response = client.get(reverse("recovery:programme"))
    html = response.content.decode()
    state = response.context["state"]
    header = re.search(r"Wandel-hardloopniveau nu: (\d) van 8", html)
    assert header and int(header.group(1)) == state.level
    chart = response.context["figure"]["chart"]
    assert f"u zit nu op niveau {state.level}." in chart.summary
    assert int(chart.table[-1][2]) == state.level, "the chart ends at today's level"
    last = state.decisions[-1]
    assert last.level_after == state.level


def test_every_pain_figure_of_a_day_is_the_same_in_the_programme_and_the_training_log(client, demo):
    programme = active_programme(demo)
    today = local_today(demo)
    state = state_for(programme, today)
    entries = {e.date: e for e in DailyEntry.objects.filter(user=demo, date__gte=programme.started_on)}
    # The replay's pain of each day is the day's entry in the training log.
    for day in state.history:
        entry = entries.get(day.date)
        noted = (
            [p for p in (entry.pain_during, entry.pain_after, entry.pain_next_morning) if p is not None]
            if entry
            else []
        )
        assert day.pain == (max(noted) if noted else None), day.date
    # The chart's table on the programme page gives the same figures.
    chart = client.get(reverse("recovery:programme")).context["figure"]["chart"]
    charted = [pain for _when, pain, _level in chart.table[1:] if any(ch.isdigit() for ch in pain)]
    assert charted == [str(d.pain) for d in state.history if d.pain is not None]
    # The training log's warnings name days and figures; the programme's decision of that day agrees.
    warnings = client.get(reverse("training:dashboard")).context["warnings"]
    pain_warnings = {w.code: w for w in warnings if w.code in ("pain_too_much", "pain_not_settled")}
    assert pain_warnings, "the demo's harder day is in the last week"
    decisions = {d.date: d for d in state.decisions}
    for warning in pain_warnings.values():
        text = warning.explanation.nl
        day = dutch_day(re.search(r"(?:Op|De ochtend na) (\d+ \w+)", text).group(1), today.year)
        if day > today:
            day = day.replace(year=today.year - 1)
        entry = entries[day]
        figure = re.search(r"(\d+) op 10", text).group(1)
        if warning.code == "pain_too_much":
            assert int(figure) == max(entry.pain_during or 0, entry.pain_after or 0)
        else:
            assert int(figure) == entry.pain_next_morning
        said = " ".join(r.text.nl for r in decisions[day].reasons)
        assert f"{figure} op 10" in said, (warning.code, day, said)


def test_the_demo_logs_no_ordinary_runs_while_the_programme_runs_only_its_walk_runs(client, demo):
    programme = active_programme(demo)
    runs = demo.activities.filter(sport="running", local_date__gte=programme.started_on)
    sessions = programme.sessions.filter(kind="run")
    assert runs.count() == sessions.count() > 0
    assert all(s.activity_id is not None for s in sessions)
