"""The public booking pages, under /afspraak/ (namespace `booking`)."""

from django.urls import path

from . import booking_views as views

app_name = "booking"

urlpatterns = [
    path("", views.start, name="start"),
    path("mijn/", views.mine, name="mine"),
    path("bevestigd/<str:token>/", views.done, name="done"),
    path("beheer/<str:token>/", views.manage, name="manage"),
    path("beheer/<str:token>/agenda.ics", views.calendar_file, name="ics"),
    path("beheer/<str:token>/verzetten/", views.reschedule, name="reschedule"),
    path("beheer/<str:token>/annuleren/", views.cancel, name="cancel"),
    path("<slug:slug>/", views.clinic_page, name="clinic"),
    path("<slug:slug>/tijden/", views.slots, name="slots"),
    path("<slug:slug>/gegevens/", views.details, name="details"),
]
