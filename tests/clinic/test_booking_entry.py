"""The ways into booking: the self-check result, the recovery programme's advice and the booking page."""

from __future__ import annotations

import json
from html import unescape

import pytest
from django.urls import reverse

from kniewijs.recovery.models import Programme

from ..answers import KNEECAP

pytestmark = pytest.mark.django_db


def booking_form(page: str) -> str:
    action = f'action="{reverse("booking:start")}"'
    assert action in page, "no booking form on the result"
    return page.split(action, 1)[1].split("</form>", 1)[0]


def test_the_self_check_result_posts_its_answers_to_the_booking_start(client, clinic, physio):
    page = client.get(reverse("selfcheck:example", args=["knieschijf"])).content.decode()
    form = booking_form(page)
    state = unescape(form.split('name="state" value="', 1)[1].split('"', 1)[0])
    assert json.loads(state)["location"] == "kneecap"
    start = client.post(reverse("booking:start"), {"state": state})
    assert start.status_code == 200 and json.loads(start.context["carry"].state) == json.loads(state)


def test_an_emergency_result_offers_no_booking_but_112(client):
    page = client.get(reverse("selfcheck:example", args=["knap"])).content.decode()
    assert f'action="{reverse("booking:start")}"' not in page and 'href="tel:112"' in page


def test_the_pdf_of_the_result_has_no_booking_form():
    from django.template.loader import render_to_string

    html = render_to_string("selfcheck/_result_body.html", {"is_alarm": False, "reasons": [], "sections": []})
    assert "<form" not in html


def test_the_programmes_advice_to_get_help_links_to_booking(client, runner):
    client.force_login(runner)
    answers = dict(KNEECAP, weeks=4, improving_with_rest=False)  # the GP is advised, with the booking link
    client.post(reverse("recovery:start"), {"state": json.dumps(answers)})
    assert Programme.objects.filter(user=runner, active=True).exists()
    page = client.get(reverse("recovery:programme")).content.decode()
    assert f'href="{reverse("booking:start")}"' in page


def test_the_booking_page_leads_to_the_booking_start_when_a_clinic_takes_bookings(client, clinic):
    page = client.get(reverse("pages:book")).content.decode()
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert f'href="{reverse("booking:start")}"' in main and "<form" not in main
