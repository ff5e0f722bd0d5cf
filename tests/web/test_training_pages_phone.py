"""The training log's lists on a phone: the activities come a page at a time with the filter kept, and
every table cell names its column so a row can become a card."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from kniewijs.training.models import Activity, Shoe
from kniewijs.training.views import ACTIVITIES_PER_PAGE

pytestmark = pytest.mark.django_db


def add_runs(user, n, sport="running"):
    first = datetime(2027, 1, 1, 7, tzinfo=UTC)
    Activity.objects.bulk_create(
        Activity(
            user=user,
            sport=sport,
            start=first + timedelta(days=i),
            local_date=(first + timedelta(days=i)).date(),
            distance_m=8000,
            duration_s=2700,
        )
        for i in range(n)
    )


def rows(html):
    return re.findall(r"<tr><td", html)


def test_the_activity_list_shows_a_page_at_a_time_and_the_page_links_keep_the_sport_filter(
    runner_client, runner
):
    add_runs(runner, 60)
    add_runs(runner, 5, sport="cycling")
    url = reverse("training:activities")
    html = runner_client.get(url, {"sport": "running"}).content.decode()
    assert len(rows(html)) == ACTIVITIES_PER_PAGE and "Fietsen</td>" not in html
    nav = re.search(r'<nav class="pagination" aria-label="Pagina.s">.*?</nav>', html, flags=re.S)
    assert nav and 'href="?sport=running&amp;pagina=2"' in nav.group(0) and "Pagina 1 van 3" in nav.group(0)
    last = runner_client.get(url, {"sport": "running", "pagina": "3"}).content.decode()
    assert len(rows(last)) == 60 - 2 * ACTIVITIES_PER_PAGE
    assert 'href="?sport=running&amp;pagina=2"' in last and "pagina=4" not in last
    everything = runner_client.get(url).content.decode()
    assert 'href="?pagina=2"' in everything and "Pagina 1 van 3" in everything


def test_an_unknown_sport_or_page_shows_the_first_page_of_everything(runner_client, runner):
    add_runs(runner, 3)
    html = runner_client.get(
        reverse("training:activities"), {"sport": "<x>", "pagina": "zeven"}
    ).content.decode()
    assert len(rows(html)) == 3 and "<x>" not in html


@pytest.mark.parametrize("name", ["training:activities", "training:shoes"])
def test_every_cell_of_the_log_tables_names_its_column_so_a_phone_shows_cards(runner_client, runner, name):
    shoe = Shoe.objects.create(user=runner, name="Pegasus")
    add_runs(runner, 2)
    Activity.objects.filter(user=runner).update(shoe=shoe)
    html = runner_client.get(reverse(name)).content.decode()
    table = re.search(r'<table class="reflow">.*?</table>', html, flags=re.S)
    assert table, "the table reflows into cards on a phone"
    cells = re.findall(r"<td[^>]*>", table.group(0))
    assert cells and all('data-label="' in cell and 'data-label=""' not in cell for cell in cells)


def test_the_chart_tables_on_the_dashboard_reflow_with_a_label_on_every_cell(runner_client, runner):
    add_runs(runner, 2)
    html = runner_client.get(reverse("training:dashboard")).content.decode()
    tables = re.findall(r"<details><summary>De cijfers als tabel</summary>.*?</table>", html, flags=re.S)
    assert tables and all('<table class="reflow">' in t for t in tables)
    assert all(re.findall(r"<td (?!data-label)", t) == [] for t in tables)


def test_log_headings_may_shrink_on_a_phone_so_a_long_dutch_word_is_not_cut(runner_client):
    from pathlib import Path

    html = runner_client.get(reverse("training:upload")).content.decode()
    assert '<h1 class="log-title">Trainingsbestanden toevoegen</h1>' in html
    css = Path(__file__).resolve().parents[2] / "src/kniewijs/web/static/kniewijs/css/site.css"
    block = css.read_text().split("/* --- training log: the dashboard", 1)[1]
    assert re.search(r"h1\.log-title \{[^}]*font-size: clamp\(", block)
