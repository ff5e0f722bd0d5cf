from django.urls import path

from . import views

app_name = "selfcheck"

urlpatterns = [
    path("", views.start, name="start"),
    path("vragen/", views.questions, name="questions"),
    path("uitslag.pdf", views.result_pdf, name="pdf"),
    path("voorbeeld/<slug:slug>/", views.example, name="example"),
]
