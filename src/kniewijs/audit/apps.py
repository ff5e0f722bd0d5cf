from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kniewijs.audit"
    label = "audit"
    verbose_name = "Toegangslog"
