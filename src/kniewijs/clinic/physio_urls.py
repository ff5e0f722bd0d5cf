from django.urls import path

from . import invitation_views, physio_views, twofactor

app_name = "physio"

urlpatterns = [
    path("", physio_views.dashboard, name="dashboard"),
    path("code/", twofactor.verify, name="verify"),
    path("code/instellen/", twofactor.setup, name="setup"),
    # The mailed invitation: /praktijk/uitnodiging/#<key>; the key after the # never reaches a server's logs.
    path("uitnodiging/", invitation_views.link, name="invitation_link"),
    path("uitnodiging/<int:pk>/", invitation_views.invitation, name="invitation"),
    path("agenda/", physio_views.agenda, name="agenda"),
    path("afspraak/<int:pk>/", physio_views.appointment, name="appointment"),
    path("patient/<int:runner_id>/", physio_views.patient, name="patient"),
    path("patient/<int:runner_id>/dossier.pdf", physio_views.patient_pdf, name="patient_pdf"),
    path("patient/<int:runner_id>/notitie/", physio_views.add_note, name="add_note"),
    path("patient/<int:runner_id>/programma/", physio_views.adjust_programme, name="adjust_programme"),
]
