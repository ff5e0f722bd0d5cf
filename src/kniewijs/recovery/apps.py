from django.apps import AppConfig


class RecoveryConfig(AppConfig):
    name = "kniewijs.recovery"
    label = "recovery"
    verbose_name = "Herstelprogramma"
