"""`kniewijs report --runner EMAIL [--json]`: the dashboard's figures and warnings in the terminal.

The JSON form is `kniewijs.core.metrics.report_to_dict` (weeks, today's figures, warnings, shoes), described
in docs/training-log.md."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kniewijs.core import metrics
from kniewijs.training.access import runner_settings
from kniewijs.training.history import report_for


class Command(BaseCommand):
    help = "Print a runner's weeks, warnings and shoes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--runner", required=True, metavar="EMAIL")
        parser.add_argument("--json", action="store_true")
        parser.add_argument(
            "--lang", choices=["nl", "en"], default=None, help="default: the runner's language"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["runner"].strip().lower()).first()
        if user is None:
            raise CommandError(f"No runner with e-mail {options['runner']}.", returncode=2)
        lang = options["lang"] or runner_settings(user).language
        data = metrics.report_to_dict(report_for(user), lang)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self._print_text(data, lang)

    def _print_text(self, data: dict[str, Any], lang: str) -> None:
        nl = lang == "nl"
        self.stdout.write(("Weken" if nl else "Weeks") + " (km):")
        for week in data["weeks"][-8:]:
            growth = week.get("growth")
            change = "" if growth is None else f"  {growth * 100:+.0f}%"
            flag = "  > 10%" if week.get("breaks_ten_percent") else ""
            self.stdout.write(
                f"  {week.get('week', week.get('monday'))}: {week.get('running_km')}{change}{flag}"
            )
        self.stdout.write("")
        self.stdout.write(("Waarschuwingen" if nl else "Warnings") + ":")
        for warning in data["warnings"] or [{"title": "geen" if nl else "none", "explanation": ""}]:
            self.stdout.write(f"  - {warning['title']}")
            if warning.get("explanation"):
                self.stdout.write(f"    {warning['explanation']}")
        self.stdout.write("")
        self.stdout.write(("Schoenen" if nl else "Shoes") + ":")
        for shoe in data["shoes"]:
            self.stdout.write(
                f"  {shoe.get('name')}: {shoe.get('km')} / {shoe.get('limit_km')} km ({shoe.get('state')})"
            )
