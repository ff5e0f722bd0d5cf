"""Django messages whose Dutch is missing from Django's own catalogue, listed here so that makemessages
keeps them in ours (where their Dutch lives). Nothing calls this module at run time."""

from django.utils.translation import ngettext_lazy

# Django 5.2 changed this validator message to %d; its Dutch catalogue still has only the old wording.
PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)
