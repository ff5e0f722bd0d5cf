"""The dashboard a runner with knee pain sees: a few warnings open, each with its one action, one
definition of this week and last week, and honest words when the log knows too little."""

import re
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from kniewijs.core.metrics.warning import SEVERITY_ORDER, week_words
from kniewijs.training.history import local_today
from kniewijs.training.models import Activity, DailyEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_client(client):
    from kniewijs.training.demo import DEMO_EMAIL, load_demo

    load_demo()
    user = get_user_model().objects.get(username=DEMO_EMAIL)
    client.force_login(user)
    return client, user


def words(html: str) -> str:
    """The visible text of <main>, without markup; a chart's SVG is left out (its summary is in the
    figcaption too)."""
    main = html[html.index("<main") : html.index("</main>")] if "<main" in html else html
    main = re.sub(r"<svg.*?</svg>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main)))


def open_part(html: str) -> str:
    return html[html.index('class="log-warnings"') : html.index('class="more-warnings"')]


def folded_part(html: str) -> str:
    start = html.index('class="more-warnings"')
    return html[start : html.index("</details>", start)]


def test_the_demo_runner_sees_three_warnings_open_most_severe_first_and_the_rest_folded_with_a_count(
    demo_client,
):
    client, _ = demo_client
    response = client.get(reverse("training:dashboard"))
    html = response.content.decode()
    every = response.context["warnings"]
    assert len(every) > 3  # the demo stacks more than three
    opened = re.findall(r'<section class="warning warning-(\w+)"', open_part(html))
    folded = re.findall(r'<section class="warning warning-(\w+)"', folded_part(html))
    assert len(opened) == 3 and len(opened) + len(folded) == len(every)
    order = [SEVERITY_ORDER.index(s) for s in opened + folded]
    assert order == sorted(order)
    assert f"Nog {len(folded)} waarschuwingen</summary>" in html
    # The open ones come before the first chart.
    assert html.index('class="more-warnings"') < html.index('<figure class="chart"')


def test_every_open_warning_has_its_one_action_and_pain_sends_the_runner_to_the_physio(demo_client):
    client, _ = demo_client
    html = client.get(reverse("training:dashboard")).content.decode()
    sections = re.findall(r'<section class="warning.*?</section>', open_part(html), flags=re.S)
    assert len(sections) == 3
    for section in sections:
        assert len(re.findall(r'<a class="button[^"]*" href="[^"]+" data-action="\w+"', section)) == 1
        assert "Wat u kunt doen:" in section
    too_much = next(s for s in sections if "Te veel kniepijn" in s)
    assert f'href="{reverse("booking:start")}"' in too_much and "fysiotherapeut" in words(too_much)
    rising = next(s for s in sections if "week na week toe" in s)
    assert f'href="{reverse("selfcheck:start")}"' in rising


def test_a_swollen_knee_links_straight_to_the_gp_advice(runner_client, runner):
    today = local_today(runner)
    DailyEntry.objects.create(user=runner, date=today, swelling=True, pain_during=2)
    html = runner_client.get(reverse("training:dashboard")).content.decode()
    gp = reverse("pages:knowledge_section", args=["wanneer-naar-de-dokter"]) + "#see-gp"
    assert f'href="{gp}" data-action="gp"' in html


def test_last_week_and_this_week_have_one_name_and_the_same_km_everywhere_on_the_page(demo_client):
    client, user = demo_client
    response = client.get(reverse("training:dashboard"))
    text = words(response.content.decode())
    today = local_today(user)
    monday = today - timedelta(days=today.weekday())
    weeks = response.context["report"].weeks
    for name, row in (
        (week_words(monday - timedelta(days=7), today).nl, -2),
        (week_words(monday, today).nl, -1),
    ):
        expected = f"{float(weeks.running_km[row]):.1f}".replace(".", ",").removesuffix(",0")
        pattern = re.escape(name) + r"\)?(?: liep u(?: tot nu toe)?)? (\d+(?:,\d)?) km"
        shown = re.findall(pattern, text, flags=re.I)
        assert shown and set(shown) == {expected}, (name, shown)
    # The 10% warning talks of last week by the same name; the trailing figure says it is 7 days.
    assert "afgelopen week" not in text.lower()
    assert "De afgelopen 7 dagen" in text


def test_an_empty_log_says_there_is_nothing_to_judge_yet_instead_of_no_warnings(runner_client):
    text = words(runner_client.get(reverse("training:dashboard")).content.decode())
    assert "Nog niets om te beoordelen" in text and "Geen waarschuwingen" not in text
    assert "Er zijn nog geen gegevens" not in text  # no empty charts either


def test_a_new_runner_who_fills_in_pain_today_sees_it_even_with_only_old_runs_imported(runner_client, runner):
    Activity.objects.create(
        user=runner,
        sport="running",
        start=datetime(2019, 6, 2, 7, tzinfo=UTC),
        local_date=datetime(2019, 6, 2).date(),
        distance_m=10_000,
        duration_s=3300,
    )
    today = local_today(runner)
    runner_client.post(
        reverse("training:daily_entry"),
        {"date": today.isoformat(), "pain_during": "4", "pain_after": "3", "pain_next_morning": "2"},
    )
    text = words(runner_client.get(reverse("training:dashboard")).content.decode())
    assert "nog geen pijnscores" not in text
    assert "gaf u uw pijn een 4 van de 10" in text


def test_a_first_week_of_running_after_weeks_without_is_not_called_a_ten_percent_comparison(
    runner_client, runner
):
    now = timezone.now()
    for when, km in ((now - timedelta(weeks=20), 6.0), (now, 9.0)):
        Activity.objects.create(
            user=runner,
            sport="running",
            start=when,
            local_date=when.astimezone(timezone.get_current_timezone()).date(),
            distance_m=km * 1000,
            duration_s=km * 330,
        )
    figures = runner_client.get(reverse("training:dashboard")).context["figures"]
    summary = figures[0]["chart"].summary
    assert "De week ervoor liep u niet" in summary
    assert "in geen van de" not in summary.lower() and "loopt u meer" not in summary


def test_the_dutch_log_pages_use_no_jargon_or_english_outside_citations(demo_client):
    client, user = demo_client
    activity = Activity.objects.filter(user=user, sport="running").first()
    pages = [
        reverse("training:dashboard"),
        reverse("training:activities"),
        reverse("training:shoes"),
        reverse("training:manual_run"),
        reverse("training:activity", args=[activity.pk]),
    ]
    for url in pages:
        html = re.sub(r"<cite.*?</cite>", " ", client.get(url).content.decode(), flags=re.S)
        text = words(html)
        for jargon in ("ACWR", "Shoe", "RR ", "HR ", "Belastingsverhouding", "RPE", "monotonie", "cadans"):
            assert jargon not in text, (url, jargon)
        for bare_count in ("middelgroot)", "klein)", "groot)"):
            assert bare_count not in text, (url, bare_count)


def test_the_shoe_field_is_labelled_in_dutch_with_a_plain_empty_choice(runner_client):
    html = runner_client.get(reverse("training:manual_run")).content.decode()
    assert '<label class="question-label" for="id_shoe">Schoen</label>' in html
    assert ">Geen schoen</option>" in html and "---------" not in html
