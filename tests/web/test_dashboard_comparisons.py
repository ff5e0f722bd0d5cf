"""The dashboard's load chart folds away the same ratio as other apps compute it, each named in words."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kniewijs.core.metrics.comparable import comparable_ratios

from ..walk import plain_dutch_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_client(client):
    from kniewijs.training.demo import DEMO_EMAIL, load_demo

    load_demo()
    client.force_login(get_user_model().objects.get(username=DEMO_EMAIL))
    return client


def test_the_folded_comparison_shows_ours_and_the_other_apps_numbers_as_on_the_report(demo_client):
    response = demo_client.get(reverse("training:dashboard"))
    html = response.content.decode()
    start = html.index('<details class="comparisons">')
    part = unescape(html[start : html.index("</details>", start)])
    snap = response.context["report"].metrics
    for reading in comparable_ratios(snap.ratios, snap.fitness):
        assert reading.name.nl in part
        if reading.value is not None:
            assert f"<dd>{reading.value:.2f}</dd>".replace(".", ",") in part
    assert "Waarom een andere app een ander getal kan geven" in part
    # Folded: below the chart's own table, never open by default.
    assert not re.search(r'<details class="comparisons"[^>]*\bopen\b', html)


def test_the_comparison_passes_the_plain_dutch_check(demo_client):
    html = demo_client.get(reverse("training:dashboard")).content.decode()
    assert plain_dutch_problems(html, runner_facing=True) == []
