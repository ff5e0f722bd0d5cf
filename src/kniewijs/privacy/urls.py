from django.urls import path

from . import details, views, zone_views

app_name = "privacy"

urlpatterns = [
    path("toestemming/", views.consent, name="consent"),
    path("toestemming/gegevens/", details.save, name="practice_details"),
    path("inzage/", views.access_log, name="access_log"),
    path("export/", views.export, name="export"),
    path("export/<uuid:export_id>/", views.export_download, name="export_download"),
    path("export/<uuid:export_id>/status/", views.export_status, name="export_status"),
    path("verwijderen/", views.erase, name="erase"),
    path("verwijderd/", views.erased, name="erased"),
    path("zones/", zone_views.zones, name="zones"),
]
