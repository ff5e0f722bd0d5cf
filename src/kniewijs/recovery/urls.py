from django.urls import path

from kniewijs.web.ratelimits import limited

from . import questionnaire_views, views

# A PDF costs the server about a second of CPU: a handful per client and per account.
pdf_limit = limited(
    "programme-pdf", per_ip=["5/m", "30/h"], per_user=["5/m", "30/h"], methods=("GET", "POST")
)

app_name = "recovery"

urlpatterns = [
    path("", views.programme, name="programme"),
    path("starten/", views.start, name="start"),
    path("loggen/", views.log_session, name="log"),
    path("programma.pdf", pdf_limit(views.programme_pdf), name="pdf"),
    path("kalender/<str:token>.ics", views.calendar, name="calendar"),
    path("stoppen/", views.stop, name="stop"),
    path("beoordeeld/", views.reviewed, name="reviewed"),
    path("vragenlijsten/", questionnaire_views.questionnaires, name="questionnaires"),
    path("vragenlijsten/<slug:key>/", questionnaire_views.questionnaire, name="questionnaire"),
]
