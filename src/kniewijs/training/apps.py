from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "kniewijs.training"
    label = "training"
    verbose_name = "Trainingslog"
