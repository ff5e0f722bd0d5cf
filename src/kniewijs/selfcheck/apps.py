from django.apps import AppConfig


class SelfcheckConfig(AppConfig):
    name = "kniewijs.selfcheck"
    label = "selfcheck"
    verbose_name = "Kniecheck"
