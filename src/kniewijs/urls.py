from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from kniewijs.web.health import healthz
from kniewijs.web.ratelimits import limited

# The API has no language prefix: clients ask for a language with Accept-Language.
api_patterns = [
    path("api/", include("kniewijs.api.urls")),
    path("healthz", healthz, name="healthz"),
]

# Everything, the language switch included, lives under the language prefix: posting the switch from an
# English page (/en/...) must run in English, or Django cannot map /en/... back to the Dutch address.
urlpatterns = api_patterns + i18n_patterns(
    path("", include("kniewijs.pages.urls")),
    path("kniecheck/", include("kniewijs.selfcheck.urls")),
    path("account/", include("kniewijs.accounts.urls")),
    path("log/", include("kniewijs.training.urls")),
    path("herstel/", include("kniewijs.recovery.urls")),
    path("afspraak/", include("kniewijs.clinic.booking_urls")),
    path("praktijk/", include("kniewijs.clinic.physio_urls")),
    path("account/privacy/", include("kniewijs.privacy.urls")),
    path("account/api/", include("kniewijs.api.token_urls")),
    # The admin's sign-in gets the same limit as the runners' (django-axes locks it already).
    path("beheer/login/", limited("admin-login", per_ip="30/15m")(admin.site.login), name="admin_login"),
    path("beheer/", admin.site.urls),
    path("taal/", set_language, name="set_language"),
    prefix_default_language=False,
)
