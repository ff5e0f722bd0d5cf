"""The token pages, under the language prefix (the lead mounts them at account/api/)."""

from django.urls import path

from . import token_views

app_name = "api_tokens"
urlpatterns = [
    path("", token_views.token_list, name="list"),
    path("nieuw/", token_views.token_create, name="create"),
    path("<int:pk>/intrekken/", token_views.token_revoke, name="revoke"),
]
