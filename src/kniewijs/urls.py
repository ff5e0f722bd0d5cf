from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("taal/", set_language, name="set_language"),
]

urlpatterns += i18n_patterns(
    path("", include("kniewijs.pages.urls")),
    path("kniecheck/", include("kniewijs.selfcheck.urls")),
    prefix_default_language=False,
)
