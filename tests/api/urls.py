"""The site's addresses plus the token pages at account/api/, until the site's urls.py includes them itself."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import NoReverseMatch, include, path, reverse

from kniewijs.urls import urlpatterns as site

try:
    reverse("api_tokens:list", urlconf="kniewijs.urls")
    urlpatterns = site
except NoReverseMatch:
    urlpatterns = [
        *site,
        *i18n_patterns(
            path("account/api/", include("kniewijs.api.token_urls")), prefix_default_language=False
        ),
    ]
