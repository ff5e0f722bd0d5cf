from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kniewijs.api"
    label = "api"
    verbose_name = "API"
