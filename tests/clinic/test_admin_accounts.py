"""The practice manager's account work in the admin: signing in with one code, resetting a physio's lost
authenticator, inviting a physio by name and e-mail address.

Bea manages `clinic` (Femke works there); `other_clinic` (Otto) is not hers.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kniewijs.audit.log import pseudonym
from kniewijs.audit.models import AccessEvent
from kniewijs.clinic.models import TherapistInvitation
from tests.conftest import verified_client

from .conftest import make_clinic_admin

PASSWORD = "een-lang-wachtwoord-42"


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client: Client, user, code: str, **extra):
    form = {"username": user.username, "password": PASSWORD, "otp_token": code} | extra
    return client.post(reverse("admin:login") + "?next=" + reverse("admin:index"), form)


def reset_url(physio) -> str:
    return reverse("admin:clinic_therapist_reset_totp", args=[physio.therapist.pk])


# --- 6. one code signs in ---------------------------------------------------------------------------------
def test_password_and_one_code_sign_in_at_the_first_try(clinic_admin):
    client = Client()
    response = sign_in(client, clinic_admin, code_of(clinic_admin.totp_device))
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_login_page_asks_for_no_device_and_speaks_dutch(clinic_admin):
    client = Client()
    page = client.get(reverse("admin:login")).content.decode()
    assert 'name="otp_device"' not in page and "Code uit uw authenticator-app" in page
    wrong = sign_in(client, clinic_admin, "000000").content.decode()
    assert "Deze code klopt niet of is verlopen." in wrong
    assert "Please select a device" not in wrong and "Invalid token" not in wrong
    assert 'name="otp_device"' not in wrong  # one authenticator: nothing to choose, not even after a miss
    assert client.get(reverse("admin:index")).status_code != 200


def test_with_two_authenticators_the_choice_is_asked(clinic_admin):
    second = TOTPDevice.objects.create(user=clinic_admin, name="tablet", confirmed=True)
    client = Client()
    page = sign_in(client, clinic_admin, code_of(second)).content.decode()
    assert 'name="otp_device"' in page and "Kies de authenticator-app" in page
    response = sign_in(client, clinic_admin, code_of(second), otp_device=second.persistent_id)
    assert response.status_code == 302


def test_a_code_of_another_persons_authenticator_does_not_sign_in(clinic_admin, physio):
    response = sign_in(Client(), clinic_admin, code_of(physio.totp_device))
    assert response.status_code == 200


# --- 5. resetting a lost authenticator ------------------------------------------------------------------------
def test_the_manager_resets_femkes_authenticator_and_the_log_says_so(
    clinic_admin_client, clinic_admin, physio
):
    femke = verified_client(physio)
    assert femke.get(reverse("physio:dashboard")).status_code == 200
    page = clinic_admin_client.get(reverse("admin:clinic_therapist_change", args=[physio.therapist.pk]))
    assert reset_url(physio) in page.content.decode()
    confirm = clinic_admin_client.get(reset_url(physio))
    assert confirm.status_code == 200 and "Authenticator van Femke de Vries opnieuw instellen" in (
        confirm.content.decode()
    )
    assert TOTPDevice.objects.filter(user=physio).exists()  # a GET changes nothing

    response = clinic_admin_client.post(reset_url(physio))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=physio).exists()
    (line,) = AccessEvent.objects.filter(detail__contains="two-step sign-in reset")
    assert line.actor_id == clinic_admin.pk and line.actor_role == AccessEvent.Role.ADMIN
    assert line.subject == pseudonym(physio.pk) and line.acting_for_id == physio.therapist.clinics.get().pk

    # Her open session is no longer verified; signing in again leads to setting up a new app.
    again = femke.get(reverse("physio:dashboard"))
    assert again.status_code == 302 and reverse("physio:verify") in again["Location"]
    assert reverse("physio:setup") in femke.get(again["Location"])["Location"]


def test_another_clinics_manager_cannot_reset_femke(clinic, other_clinic, physio):
    other = verified_client(make_clinic_admin("baas@andere.nl", other_clinic))
    assert other.get(reset_url(physio)).status_code == 404
    assert other.post(reset_url(physio)).status_code == 404
    assert TOTPDevice.objects.filter(user=physio, confirmed=True).exists()
    assert not AccessEvent.objects.filter(detail__contains="two-step sign-in reset").exists()


def test_bea_cannot_reset_a_physio_of_another_clinic(clinic_admin_client, other_physio):
    assert clinic_admin_client.post(reset_url(other_physio)).status_code == 404
    assert TOTPDevice.objects.filter(user=other_physio).exists()


def test_a_manager_who_is_also_a_physio_cannot_reset_their_own(clinic, clinic_admin):
    from kniewijs.clinic.models import Therapist

    therapist = Therapist.objects.create(user=clinic_admin, name="Bea")
    therapist.clinics.add(clinic)
    client = verified_client(clinic_admin)
    url = reverse("admin:clinic_therapist_reset_totp", args=[therapist.pk])
    assert client.post(url).status_code == 403
    assert TOTPDevice.objects.filter(user=clinic_admin).exists()


def test_a_physio_cannot_reach_the_reset(physio_client, physio):
    response = physio_client.post(reset_url(physio))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert TOTPDevice.objects.filter(user=physio).exists()


# --- 4. inviting by name and e-mail ----------------------------------------------------------------------------
@pytest.fixture
def _mail_inline(settings):
    settings.KNIEWIJS_JOBS_INLINE = True


@pytest.mark.usefixtures("_mail_inline")
def test_inviting_asks_for_a_name_and_an_address_only(clinic_admin_client, clinic):
    add = reverse("admin:clinic_therapistinvitation_add")
    response = clinic_admin_client.get(add)
    form = response.context["adminform"].form
    assert list(form.fields) == ["clinic", "email", "name"]
    assert form.fields["clinic"].initial == clinic.pk  # her only practice, already chosen
    page = response.content.decode()
    assert "User:" not in page and "Gebruiker" not in page and "related-lookup" not in page
    assert "E-mailadres" in page or "e-mailadres" in page
    sent = clinic_admin_client.post(
        add, {"clinic": clinic.pk, "email": "Nina@Fysio.nl", "name": "Nina Nieuw"}
    )
    assert sent.status_code == 302
    invitation = TherapistInvitation.objects.get()
    assert invitation.email == "nina@fysio.nl" and invitation.name == "Nina Nieuw"
    assert mail.outbox[0].to == ["nina@fysio.nl"] and "/praktijk/uitnodiging/#" in mail.outbox[0].body


def test_the_manager_sees_no_raw_authenticator_pages(clinic_admin_client):
    index = clinic_admin_client.get(reverse("admin:index")).content.decode()
    assert "otp_totp" not in index
    assert clinic_admin_client.get(reverse("admin:otp_totp_totpdevice_changelist")).status_code == 403


def test_a_superusers_authenticator_is_not_for_a_manager_to_reset(clinic_admin_client, physio):
    physio.is_superuser = True
    physio.save(update_fields=["is_superuser"])
    assert clinic_admin_client.post(reset_url(physio)).status_code == 403
    assert TOTPDevice.objects.filter(user=physio).exists()
