"""`kniewijs demo`: prepare the demo content that `make run` shows. Safe to run again.

The demo's accounts have known passwords (in the README), and it prints a TOTP key and an API key, so it refuses
a production configuration (DEBUG=0) unless `--allow-production` says this is a demo server on purpose; then it
warns on stderr before anything is made.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _

from kniewijs.selfcheck.examples import EXAMPLES
from kniewijs.training.demo import DEMO_EMAIL, DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo content (idempotent) and list what there is to see."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="run with DEBUG=0 too: only for a demo server that will never hold real data",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if getattr(settings, "KNIEWIJS_PRODUCTION", not settings.DEBUG):
            if not options["allow_production"]:
                raise CommandError(
                    _(
                        "kniewijs demo creates accounts with known passwords and shows a TOTP key and an API"
                        " key, so it refuses to run with DEBUG=0 (production). Only for a demo server that"
                        " will never hold real data: kniewijs demo --allow-production"
                    )
                )
            self.stderr.write(
                _(
                    "WARNING: demo accounts in production (DEBUG=0). Anyone who knows the passwords below can"
                    " log in, also as a physiotherapist and as the clinic's administrator. Never put real"
                    " data on this server."
                ),
                style_func=self.style.ERROR,
            )
        base = options["base_url"].rstrip("/")
        runner = load_demo()
        from kniewijs.recovery.demo import load_demo_programme
        from kniewijs.training.history import local_today

        load_demo_programme(runner, local_today(runner))
        from kniewijs.clinic.demo import ADMIN_EMAIL, PHYSIOS, load_demo_clinic, totp_secret
        from kniewijs.clinic.demo import DEMO_PASSWORD as PHYSIO_PASSWORD
        from kniewijs.recovery.demo import DEMO_ANSWERS

        clinic, _therapists = load_demo_clinic(runner, DEMO_ANSWERS)
        secret = _demo_api_token(runner)
        _demo_privacy_zone(runner)
        self.stdout.write("Demo:")
        self.stdout.write(f"  Demo-hardloper:        {DEMO_EMAIL} / {DEMO_PASSWORD}")
        self.stdout.write(f"  Trainingslog:          {base}{reverse('training:dashboard')}")
        self.stdout.write(f"  Herstelprogramma:      {base}{reverse('recovery:programme')}")
        self.stdout.write(f"  Kennis over kniepijn:  {base}{reverse('pages:knowledge')}")
        self.stdout.write(f"  Kniecheck:             {base}{reverse('selfcheck:start')}")
        self.stdout.write(f"  Kniecheck boeken:      {base}{reverse('pages:book')}")
        self.stdout.write(f"  Toestemming en inzage: {base}{reverse('privacy:consent')}")
        self.stdout.write(f"  Privacyzones:          {base}{reverse('privacy:zones')}")
        self.stdout.write(f"  API (schema):          {base}/api/v1/openapi.json")
        self.stdout.write(f"  API-sleutel (demo, alleen lezen): {secret}")
        self.stdout.write(f"    curl -H 'Authorization: Bearer {secret}' {base}/api/v1/warnings")
        self.stdout.write(f"  Praktijk ({clinic.name}):")
        for email, _name in PHYSIOS:
            self.stdout.write(f"    Fysiotherapeut:      {email} / {PHYSIO_PASSWORD}")
        self.stdout.write(
            f"    Inlogcode (TOTP): zet deze demosleutel in een authenticator-app: {totp_secret()}"
        )
        self.stdout.write(
            f"    Beheer:              {base}{reverse('admin:index')} ({ADMIN_EMAIL} / {PHYSIO_PASSWORD})"
        )
        for slug, (title, _answers) in EXAMPLES.items():
            self.stdout.write(f"  Voorbeeld ({title.nl}): {base}{reverse('selfcheck:example', args=[slug])}")


def _demo_api_token(runner: Any) -> str:
    """A fresh read-only token each run (the secret is shown once); the demo's earlier ones are revoked."""
    from django.utils import timezone

    from kniewijs.api.models import ApiToken

    ApiToken.objects.filter(owner=runner, name="demo", revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    _token, secret = ApiToken.issue(runner, "demo", "read")
    return secret


def _demo_privacy_zone(runner: Any) -> None:
    from kniewijs.privacy.models import PrivacyZone

    PrivacyZone.objects.get_or_create(
        user=runner, name="Thuis", defaults={"lat": 52.0907, "lon": 5.1214, "radius_m": 400}
    )
