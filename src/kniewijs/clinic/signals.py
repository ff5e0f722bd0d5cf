"""Signal handlers of the clinic app. The app config connects them in `ready()`."""

from __future__ import annotations

from typing import Any

from .faq_defaults import add_default_faq
from .models import Clinic


def add_faq_to_new_clinic(
    sender: type[Clinic], instance: Clinic, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """A new clinic starts with the default questions and answers; fixtures (raw) are left as they are."""
    if created and not raw:
        add_default_faq(instance)
