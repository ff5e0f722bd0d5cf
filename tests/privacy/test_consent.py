"""The consent page: one button per clinic and part, effective at the physio's very next request."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.http import Http404
from django.test import Client
from django.urls import reverse

from kniewijs.clinic.access import patient_or_404
from kniewijs.clinic.models import Consent
from kniewijs.privacy import consents

from ..conftest import grant, make_clinic, make_physio
from .data import make_booking

pytestmark = pytest.mark.django_db

CONSENT = reverse("privacy:consent")


def post(client, clinic, category, action, **extra):
    return client.post(CONSENT, {"clinic": clinic.slug, "category": category, "action": action, **extra})


def active(runner, clinic=None):
    rows = Consent.objects.active().filter(runner=runner)
    if clinic is not None:
        rows = rows.filter(clinic=clinic)
    return set(rows.values_list("category", flat=True))


def test_the_page_shows_every_clinic_and_part_with_what_the_clinic_then_sees(
    runner_client, clinic, other_clinic
):
    response = runner_client.get(CONSENT)
    html = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert "Fysio Centrum" in html and "Andere Praktijk" in html
    assert str(consents.WHAT_THE_CLINIC_SEES[Consent.Category.TRAINING]) in html
    assert html.count('name="action" value="grant"') == 2 * 4 + 2  # four parts and "all" per clinic


def test_clinics_where_the_runner_booked_come_first(runner, runner_client, db):
    make_clinic("aa-fysio", "Aa Fysio")
    booked = make_clinic("zz-fysio", "Zz Fysio")
    physio = make_physio("zz@fysio.nl", booked)
    make_booking(runner, booked, physio.therapist)
    names = [entry.clinic.name for entry in runner_client.get(CONSENT).context["clinics"]]
    assert names == ["Zz Fysio", "Aa Fysio"]


def test_one_post_grants_a_part_and_one_post_takes_it_back(runner, runner_client, clinic):
    response = post(runner_client, clinic, "pain", "grant")
    assert response.status_code == 302 and response["Location"].startswith(CONSENT)
    assert active(runner, clinic) == {"pain"}
    post(runner_client, clinic, "pain", "revoke")
    assert active(runner, clinic) == set()
    row = Consent.objects.get(runner=runner, clinic=clinic, category="pain")
    assert row.revoked_at is not None  # kept, not deleted: the access log refers to it


def test_a_second_grant_is_a_no_op_not_an_error(runner, runner_client, clinic):
    assert post(runner_client, clinic, "training", "grant").status_code == 302
    assert post(runner_client, clinic, "training", "grant").status_code == 302
    assert Consent.objects.filter(runner=runner, clinic=clinic, category="training").count() == 1


def test_two_grants_racing_past_the_check_still_leave_one_active_row(runner, clinic, monkeypatch):
    consents.grant(runner, clinic, ["training"])
    monkeypatch.setattr(consents, "is_granted", lambda *args: False)  # the other request committed just now
    assert consents.grant(runner, clinic, ["training"]) == 0
    assert Consent.objects.active().filter(runner=runner, clinic=clinic, category="training").count() == 1


def test_taking_back_works_on_the_physios_very_next_request(consenting_runner, runner_client, clinic, physio):
    assert patient_or_404(physio.therapist, consenting_runner.pk).allows("recovery")
    post(runner_client, clinic, "all", "revoke")
    with pytest.raises(Http404):
        patient_or_404(physio.therapist, consenting_runner.pk)


def test_taking_back_one_part_leaves_the_other_parts(consenting_runner, runner_client, clinic, physio):
    post(runner_client, clinic, "pain", "revoke")
    patient = patient_or_404(physio.therapist, consenting_runner.pk)
    assert not patient.allows("pain") and patient.allows("training")


def test_grant_all_and_take_back_all_touch_only_that_clinic(runner, runner_client, clinic, other_clinic):
    grant(runner, other_clinic, "training")
    post(runner_client, clinic, "all", "grant")
    assert active(runner, clinic) == set(Consent.Category.values)
    post(runner_client, clinic, "all", "revoke")
    assert active(runner, clinic) == set() and active(runner, other_clinic) == {"training"}


def test_a_forged_post_only_ever_changes_the_logged_in_runner(runner, second_runner, runner_client, clinic):
    grant(second_runner, clinic, "pain")
    forged = {"runner": second_runner.pk, "runner_id": second_runner.pk, "user": second_runner.pk}
    post(runner_client, clinic, "pain", "revoke", **forged)
    post(runner_client, clinic, "training", "grant", **forged)
    assert active(second_runner) == {"pain"}
    assert active(runner) == {"training"}


def test_another_runner_cannot_change_mine(runner, second_runner, clinic):
    grant(runner, clinic, "training")
    bram = Client()
    bram.force_login(second_runner)
    post(bram, clinic, "training", "revoke")
    assert active(runner) == {"training"}


@pytest.mark.parametrize(
    "data",
    [
        {"clinic": "bestaat-niet", "category": "pain", "action": "grant"},
        {"clinic": "fysio-centrum", "category": "medical-file", "action": "grant"},
        {"clinic": "fysio-centrum", "category": "pain", "action": "delete"},
        {},
    ],
)
def test_a_malformed_change_changes_nothing(runner, runner_client, clinic, data):
    response = runner_client.post(CONSENT, data, follow=True)
    assert response.status_code == 200 and list(response.context["messages"])
    assert not Consent.objects.exists()


def test_a_clinic_that_stopped_gets_nothing_new_but_can_be_taken_back(runner, runner_client, clinic):
    grant(runner, clinic, "training")
    clinic.active = False
    clinic.save()
    assert [e.clinic for e in runner_client.get(CONSENT).context["clinics"]] == [clinic]
    post(runner_client, clinic, "pain", "grant")
    assert active(runner) == {"training"}
    post(runner_client, clinic, "training", "revoke")
    assert active(runner) == set()


def test_a_stopped_clinic_without_business_is_not_listed(runner_client, clinic):
    clinic.active = False
    clinic.save()
    assert runner_client.get(CONSENT).context["clinics"] == []


def test_the_history_shows_grants_and_take_backs_newest_first(runner, runner_client, clinic):
    with time_machine.travel(datetime(2026, 3, 1, 9, tzinfo=UTC), tick=False):
        post(runner_client, clinic, "pain", "grant")
    with time_machine.travel(datetime(2026, 4, 1, 9, tzinfo=UTC), tick=False):
        runner_client.force_login(runner)  # a month on, the idle limit had signed the runner out
        post(runner_client, clinic, "pain", "revoke")
        history = runner_client.get(CONSENT).context["history"]
    assert [(line.at.month, line.granted) for line in history] == [(4, False), (3, True)]
    assert history[0].clinic == clinic
