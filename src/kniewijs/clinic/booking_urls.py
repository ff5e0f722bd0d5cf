"""The public booking pages, under /afspraak/ (namespace `booking`)."""

from django.urls import path

from kniewijs.web.ratelimits import limited

from . import booking_link_views as after
from . import booking_views as views

# Each booking mails an address the sender chose: per client and per address, with a daily cap per address.
book = limited("booking", per_ip=["10/h", "30/d"], per_field=("email", ["3/h", "5/d"]))(views.details)
change = limited("booking-change", per_ip="20/h")

app_name = "booking"

urlpatterns = [
    path("", views.start, name="start"),
    path("mijn/", after.mine, name="mine"),
    # The mailed link: /afspraak/beheer/#<token>; the key after the # never reaches the server's logs.
    path("beheer/", after.link, name="link"),
    path("bevestigd/<uuid:public_id>/", after.done, name="done"),
    path("beheer/<uuid:public_id>/", after.manage, name="manage"),
    path("beheer/<uuid:public_id>/agenda.ics", after.calendar_file, name="ics"),
    path("beheer/<uuid:public_id>/verzetten/", change(after.reschedule), name="reschedule"),
    path("beheer/<uuid:public_id>/annuleren/", change(after.cancel), name="cancel"),
    # Mails sent before the key moved behind the #; redirected there (kniewijs.logs masks the key).
    path("beheer/<str:token>/", after.legacy_link, name="legacy_link"),
    path("<slug:slug>/", views.clinic_page, name="clinic"),
    path("<slug:slug>/tijden/", views.slots, name="slots"),
    path("<slug:slug>/gegevens/", book, name="details"),
]
