"""The clinic administrator of the cast: staff, in the demo's "Praktijkbeheer" group, with a TOTP device, and
named by a superuser as an administrator of the clinics given (`Clinic.administrators`)."""

from __future__ import annotations

import pytest


def make_clinic_admin(email: str, *clinics):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from kniewijs.clinic.demo import ADMIN_MODELS

    group, _created = Group.objects.get_or_create(name="Praktijkbeheer")
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="clinic", content_type__model__in=ADMIN_MODELS)
    )
    user = get_user_model().objects.create_user(
        username=email, email=email, password="een-lang-wachtwoord-42", first_name="Beheer", is_staff=True
    )
    user.groups.add(group)
    for clinic in clinics:
        clinic.administrators.add(user)
    user.totp_device = TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    return user


@pytest.fixture
def clinic_admin(clinic):
    """Bea manages `clinic` (and nothing else) in the admin."""
    return make_clinic_admin("bea@fysio.nl", clinic)


@pytest.fixture
def clinic_admin_client(clinic_admin):
    from tests.conftest import verified_client

    return verified_client(clinic_admin)
