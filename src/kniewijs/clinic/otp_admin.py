"""The admin site itself: django-otp's, which asks for the TOTP code besides the password."""

from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite


class KniewijsAdminSite(OTPAdminSite):
    site_header = _("Kniewijs clinic administration")
    site_title = _("Kniewijs administration")
    index_title = _("Clinic administration")

    def __init__(self, name: str = "admin") -> None:
        # Keep Django's usual name, so `admin:...` addresses work as everywhere else.
        super().__init__(name)
