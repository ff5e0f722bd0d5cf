from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "kniewijs.pages"
    label = "pages"
    verbose_name = "Kniewijs pages"
