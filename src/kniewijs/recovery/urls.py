from django.urls import path

from . import questionnaire_views, views

app_name = "recovery"

urlpatterns = [
    path("", views.programme, name="programme"),
    path("starten/", views.start, name="start"),
    path("loggen/", views.log_session, name="log"),
    path("programma.pdf", views.programme_pdf, name="pdf"),
    path("kalender/<str:token>.ics", views.calendar, name="calendar"),
    path("stoppen/", views.stop, name="stop"),
    path("beoordeeld/", views.reviewed, name="reviewed"),
    path("vragenlijsten/", questionnaire_views.questionnaires, name="questionnaires"),
    path("vragenlijsten/<slug:key>/", questionnaire_views.questionnaire, name="questionnaire"),
]
