"""Becoming a physiotherapist of a clinic: the administrator invites, only the invited person accepts and sets up
two-step sign-in; every step in the access log. An administrator never becomes one by their own hand."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kniewijs.audit.log import email_pseudonym, pseudonym
from kniewijs.audit.models import AccessEvent
from kniewijs.clinic import invitations
from kniewijs.clinic.models import Therapist, TherapistInvitation
from kniewijs.clinic.twofactor import needs_two_factor
from tests.conftest import grant, make_runner, verified_client

from .conftest import make_clinic_admin

ADD = "admin:clinic_therapistinvitation_add"
INVITEE = "nieuw@fysio.nl"


@pytest.fixture(autouse=True)
def _mail_inline(settings):
    settings.KNIEWIJS_JOBS_INLINE = True  # tasks.dispatch sends the mail at once


def invite(admin_client, clinic, email=INVITEE, name="Nina Nieuw"):
    return admin_client.post(reverse(ADD), {"clinic": clinic.pk, "email": email, "name": name})


def key_from(message) -> str:
    found = re.search(r"/praktijk/uitnodiging/#(\S+)", message.body)
    assert found, message.body
    return found.group(1)


def open_invitation(client, key: str):
    return client.post(reverse("physio:invitation_link"), {"token": key})


def steps(email=INVITEE) -> list[tuple[str, str, str]]:
    """The clinic-role lines about this address and about the accounts that acted on its invitations."""
    from django.contrib.auth import get_user_model

    accounts = get_user_model().objects.filter(email__iexact=email).values_list("pk", flat=True)
    subjects = [email_pseudonym(email), *[pseudonym(pk) for pk in accounts]]
    rows = AccessEvent.objects.filter(subject__in=subjects, category="clinic-role").order_by("pk")
    return [(e.actor_role, e.outcome, e.detail.split(": ", 1)[-1]) for e in rows]


def set_up_code(client, user, setup_url: str):
    """Open the QR page and confirm the new app with its first code."""
    assert client.get(setup_url).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(setup_url, {"code": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302
    return response


def test_the_whole_way_from_invitation_to_physio_with_every_step_logged(
    clinic_admin, clinic_admin_client, clinic, runner
):
    grant(runner, clinic)
    response = invite(clinic_admin_client, clinic)
    assert response.status_code == 302
    invitation = TherapistInvitation.objects.get()
    assert (invitation.email, invitation.invited_by, invitation.status) == (INVITEE, clinic_admin, "pending")
    (message,) = mail.outbox
    assert message.to == [INVITEE] and clinic.name in message.subject
    key = key_from(message)
    assert steps() == [("admin", "allowed", "invited")]

    nina = make_runner(INVITEE)
    client = Client()
    opened = open_invitation(client, key)
    assert opened.status_code == 302 and opened["Location"] == reverse(
        "physio:invitation", args=[invitation.pk]
    )
    anonymous_page = client.get(opened["Location"])
    assert anonymous_page.status_code == 200 and reverse("accounts:login") in anonymous_page.content.decode()
    client.force_login(nina)
    assert client.get(opened["Location"]).status_code == 200
    assert not needs_two_factor(nina)

    accepted = client.post(opened["Location"])
    assert accepted.status_code == 302 and accepted["Location"].startswith(reverse("physio:verify"))
    assert not Therapist.objects.filter(user=nina).exists()  # not before the two-step sign-in
    assert needs_two_factor(nina)
    assert client.get(reverse("physio:dashboard")).status_code == 403
    code_page = client.get(accepted["Location"])
    assert code_page.status_code == 302 and code_page["Location"].startswith(reverse("physio:setup"))
    done = set_up_code(client, nina, code_page["Location"])
    assert done["Location"] == opened["Location"]  # back to the invitation, which now sends on
    assert client.get(done["Location"])["Location"] == reverse("physio:dashboard")

    therapist = Therapist.objects.get(user=nina)
    assert list(therapist.clinics.all()) == [clinic] and therapist.name == "Nina Nieuw"
    assert TherapistInvitation.objects.get().status == "done"
    assert client.get(reverse("physio:dashboard")).status_code == 200
    assert client.get(reverse("physio:patient", args=[runner.pk])).status_code == 200
    assert steps() == [
        ("admin", "allowed", "invited"),
        ("invitee", "allowed", "accepted"),
        ("invitee", "allowed", "two-step sign-in set up"),
        ("invitee", "allowed", "became a physiotherapist of the clinic"),
    ]
    lines = AccessEvent.objects.filter(category="clinic-role").order_by("pk")
    assert {e.acting_for_id for e in lines} == {clinic.pk}
    # The administrator's step is about the address; Nina's own steps are about her account.
    assert [e.subject for e in lines] == [email_pseudonym(INVITEE)] + [pseudonym(nina.pk)] * 3


def test_an_administrator_cannot_invite_their_own_address(clinic_admin_client, clinic):
    response = invite(clinic_admin_client, clinic, email="BEA@fysio.nl")
    assert response.status_code == 200 and "email" in response.context["adminform"].form.errors
    assert not TherapistInvitation.objects.exists() and mail.outbox == []


def test_an_administrator_cannot_accept_an_invitation_they_sent(clinic_admin, clinic_admin_client, clinic):
    """Even after changing their own address to the invited one: the account that sent it is refused."""
    invite(clinic_admin_client, clinic)
    key = key_from(mail.outbox[0])
    clinic_admin.email = INVITEE
    clinic_admin.save()
    open_invitation(clinic_admin_client, key)
    url = reverse("physio:invitation", args=[TherapistInvitation.objects.get().pk])
    assert clinic_admin_client.get(url).status_code == 403
    response = clinic_admin_client.post(url)
    assert response.status_code == 403 and "zelf" in response.content.decode()
    assert not Therapist.objects.filter(user=clinic_admin).exists()
    assert TherapistInvitation.objects.get().status == "pending"
    assert steps()[-1] == ("invitee", "denied", "refused (own)")


def test_another_administrator_can_make_an_administrator_a_physio(clinic_admin_client, clinic):
    colleague = make_clinic_admin("chris@fysio.nl", clinic)
    invite(clinic_admin_client, clinic, email=colleague.email, name="Chris")
    client = verified_client(colleague)  # staff: passed two-step sign-in already in this session
    open_invitation(client, key_from(mail.outbox[0]))
    response = client.post(reverse("physio:invitation", args=[TherapistInvitation.objects.get().pk]))
    assert response.status_code == 302 and response["Location"] == reverse("physio:dashboard")
    assert list(Therapist.objects.get(user=colleague).clinics.all()) == [clinic]
    assert [s[2] for s in steps(colleague.email)][-2:] == [
        "two-step sign-in already passed in this session",
        "became a physiotherapist of the clinic",
    ]


def test_an_account_with_another_address_cannot_accept(clinic_admin_client, clinic):
    invite(clinic_admin_client, clinic)
    someone = make_runner("iemand@example.nl")
    client = Client()
    client.force_login(someone)
    open_invitation(client, key_from(mail.outbox[0]))
    url = reverse("physio:invitation", args=[TherapistInvitation.objects.get().pk])
    assert client.post(url).status_code == 403
    assert not Therapist.objects.exists()
    assert steps("iemand@example.nl") == [
        ("invitee", "denied", "refused (address)")
    ]  # about the one who tried


def test_the_invitation_page_is_only_for_the_browser_that_opened_the_link(clinic_admin_client, clinic):
    invite(clinic_admin_client, clinic)
    nina = make_runner(INVITEE)
    client = Client()
    client.force_login(nina)
    url = reverse("physio:invitation", args=[TherapistInvitation.objects.get().pk])
    assert client.get(url).status_code == 404 and client.post(url).status_code == 404
    assert open_invitation(client, "kapot").status_code == 404
    assert TherapistInvitation.objects.get().status == "pending"


def signed_in_with_the_link(key: str, user) -> tuple[Client, str]:
    client = Client()
    client.force_login(user)
    open_invitation(client, key)
    return client, reverse("physio:invitation", args=[TherapistInvitation.objects.get().pk])


def test_an_invitation_expires_after_seven_days(clinic_admin_client, clinic):
    invite(clinic_admin_client, clinic)
    key, nina = key_from(mail.outbox[0]), make_runner(INVITEE)
    sent = TherapistInvitation.objects.get().created_at
    with time_machine.travel(sent + timedelta(days=invitations.INVITATION_DAYS, minutes=-1), tick=False):
        client, url = signed_in_with_the_link(key, nina)
        assert client.get(url).status_code == 200
    with time_machine.travel(sent + timedelta(days=invitations.INVITATION_DAYS, minutes=1), tick=False):
        client, url = signed_in_with_the_link(key, nina)
        assert client.get(url).status_code == 410
        assert client.post(url).status_code == 410
    assert not Therapist.objects.exists() and steps()[-1] == ("invitee", "denied", "refused (closed)")


def test_an_accepted_invitation_that_expires_before_the_code_makes_nobody_a_physio(
    clinic_admin_client, clinic
):
    invite(clinic_admin_client, clinic)
    key, nina = key_from(mail.outbox[0]), make_runner(INVITEE)
    client, url = signed_in_with_the_link(key, nina)
    client.post(url)
    assert needs_two_factor(nina)
    sent = TherapistInvitation.objects.get().created_at
    with time_machine.travel(sent + timedelta(days=invitations.INVITATION_DAYS, minutes=1), tick=False):
        assert not needs_two_factor(nina)
        client = Client()
        client.force_login(nina)
        assert client.get(reverse("physio:setup")).status_code == 403
    assert not Therapist.objects.exists()


def test_a_withdrawn_invitation_does_nothing(clinic_admin_client, clinic):
    invite(clinic_admin_client, clinic)
    invitation = TherapistInvitation.objects.get()
    response = clinic_admin_client.post(
        reverse("admin:clinic_therapistinvitation_changelist"),
        {"action": "withdraw", "_selected_action": [invitation.pk]},
    )
    assert response.status_code == 302 and TherapistInvitation.objects.get().status == "withdrawn"
    nina = make_runner(INVITEE)
    client = Client()
    client.force_login(nina)
    open_invitation(client, key_from(mail.outbox[0]))
    assert client.post(reverse("physio:invitation", args=[invitation.pk])).status_code == 410
    assert not Therapist.objects.exists()
    assert ("admin", "allowed", "withdrawn") in steps()


def test_a_sent_invitation_cannot_be_changed_or_deleted(clinic_admin_client, clinic, other_clinic):
    invite(clinic_admin_client, clinic)
    invitation = TherapistInvitation.objects.get()
    url = reverse("admin:clinic_therapistinvitation_change", args=[invitation.pk])
    clinic_admin_client.post(url, {"clinic": other_clinic.pk, "email": "ander@example.nl", "name": "X"})
    assert TherapistInvitation.objects.filter(email=INVITEE, clinic=clinic).exists()
    delete = reverse("admin:clinic_therapistinvitation_delete", args=[invitation.pk])
    assert clinic_admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert TherapistInvitation.objects.count() == 1


def test_a_second_open_invitation_to_the_same_address_is_refused(clinic_admin_client, clinic):
    invite(clinic_admin_client, clinic)
    response = invite(clinic_admin_client, clinic)
    assert response.status_code == 200 and "email" in response.context["adminform"].form.errors
    assert TherapistInvitation.objects.count() == 1 and len(mail.outbox) == 1
