from django.urls import path

from kniewijs.web.ratelimits import limited

from . import views

app_name = "selfcheck"

urlpatterns = [
    path("", views.start, name="start"),
    path("vragen/", views.questions, name="questions"),
    # A PDF costs the server about a second of CPU: a handful per client, so a few cannot slow the site.
    path("uitslag.pdf", limited("selfcheck-pdf", per_ip=["5/m", "30/h"])(views.result_pdf), name="pdf"),
    path("voorbeeld/<slug:slug>/", views.example, name="example"),
]
