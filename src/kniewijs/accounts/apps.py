from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kniewijs.accounts"
    label = "accounts"
    verbose_name = "Accounts"
