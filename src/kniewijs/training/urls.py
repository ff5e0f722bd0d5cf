from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("importeren/", views.upload, name="upload"),
    path("importeren/<uuid:pk>/", views.job, name="job"),
    path("trainingen/", views.activities, name="activities"),
    path("trainingen/nieuw/", views.manual_run, name="manual_run"),
    path("trainingen/<int:pk>/", views.activity_detail, name="activity"),
    path("trainingen/<int:pk>/verwijderen/", views.activity_delete, name="activity_delete"),
    path("dag/", views.daily_entry, name="daily_entry"),
    path("schoenen/", views.shoes, name="shoes"),
    path("schoenen/<int:pk>/", views.shoe_edit, name="shoe"),
    path("schoenen/<int:pk>/met-pensioen/", views.shoe_retire, name="shoe_retire"),
]
