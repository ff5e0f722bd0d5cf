"""The Django admin, where clinic administrators keep their clinic, therapists, appointment types and
opening times. Its site is `otp_admin.KniewijsAdminSite` (named by string: this module loads before the
apps are ready)."""

from django.contrib.admin.apps import AdminConfig


class TwoFactorAdminConfig(AdminConfig):
    default_site = "kniewijs.clinic.otp_admin.KniewijsAdminSite"
