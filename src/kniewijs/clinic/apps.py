from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "kniewijs.clinic"
    label = "clinic"
    verbose_name = "Praktijk"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from .models import Clinic
        from .signals import add_faq_to_new_clinic

        post_save.connect(add_faq_to_new_clinic, sender=Clinic, dispatch_uid="clinic-default-faq")

        # A booking link from an old mail carries its key in the path: no request log may keep it.
        from kniewijs.logs import install_redaction

        install_redaction()
