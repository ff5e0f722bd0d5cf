from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kniewijs.web"
    label = "web"
    verbose_name = "Kniewijs"
