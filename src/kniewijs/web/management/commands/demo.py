"""`kniewijs demo`: prepare the demo content that `make run` shows. Safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.urls import reverse

from kniewijs.selfcheck.examples import EXAMPLES
from kniewijs.training.demo import DEMO_EMAIL, DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo content (idempotent) and list what there is to see."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        base = options["base_url"].rstrip("/")
        runner = load_demo()
        from kniewijs.recovery.demo import load_demo_programme
        from kniewijs.training.history import local_today

        load_demo_programme(runner, local_today(runner))
        self.stdout.write("Demo:")
        self.stdout.write(f"  Demo-hardloper:        {DEMO_EMAIL} / {DEMO_PASSWORD}")
        self.stdout.write(f"  Trainingslog:          {base}{reverse('training:dashboard')}")
        self.stdout.write(f"  Herstelprogramma:      {base}{reverse('recovery:programme')}")
        self.stdout.write(f"  Kennis over kniepijn:  {base}{reverse('pages:knowledge')}")
        self.stdout.write(f"  Kniecheck:             {base}{reverse('selfcheck:start')}")
        for slug, (title, _answers) in EXAMPLES.items():
            self.stdout.write(f"  Voorbeeld ({title.nl}): {base}{reverse('selfcheck:example', args=[slug])}")
