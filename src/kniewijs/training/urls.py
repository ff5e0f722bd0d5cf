from django.urls import path

from kniewijs.web.ratelimits import limited

from . import views

# Each upload is an import job that unpacks and reads files: a burst of them is refused with the 429 page
# before anything is stored (the queue and the storage quota bound the rest).
upload = limited("upload", per_user=["30/h", "200/d"], per_ip="60/h")(views.upload)

app_name = "training"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("importeren/", upload, name="upload"),
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
