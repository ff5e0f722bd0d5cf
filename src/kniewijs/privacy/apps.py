from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "kniewijs.privacy"
    label = "privacy"
    verbose_name = "Privacy"
