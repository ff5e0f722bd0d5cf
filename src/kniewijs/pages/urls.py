from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("kennis/", views.knowledge, name="knowledge"),
    path("kennis/<slug:slug>/", views.knowledge_section, name="knowledge_section"),
    path("kniecheck-afspraak/", views.book, name="book"),
]
