from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ApiToken

MAX_ACTIVE_TOKENS = 20


class NewTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "scope"]
        labels = {"name": _("Name"), "scope": _("Access")}
        help_texts = {
            "name": _("So you can recognise it later, e.g. the name of the app or script that uses it."),
            "scope": _("Read only is enough for apps that only show your figures."),
        }
        widgets = {"scope": forms.RadioSelect}

    def __init__(self, owner: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if ApiToken.objects.filter(owner=self.owner, revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
            raise forms.ValidationError(
                _("You have %(n)d active tokens. Revoke one you no longer use first.")
                % {"n": MAX_ACTIVE_TOKENS}
            )
        return cleaned
