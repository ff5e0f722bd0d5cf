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
from kniewijs.training.import_results import describe
from kniewijs.training.models import Activity


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
            data["activities"] = _activities(user)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self._print_text(data, lang)

    def _print_text(self, data: dict[str, Any], lang: str) -> None:
        nl = lang == "nl"
        self.stdout.write(
            ("Weken, maandag tot en met zondag" if nl else "Weeks, Monday to Sunday") + " (km):"
        )
        for week in data["weeks"][-8:]:
            self.stdout.write("  " + _week_line(week, nl))
        self.stdout.write("")
        ratios = data["today_metrics"]["acwr"]
        self.stdout.write(
            (
                "De afgelopen 7 dagen tegen wat u gewend bent, keer zo veel"
                if nl
                else "The last 7 days against what you are used to, times as much"
            )
            + ":"
        )
        for key, described in ratios["methods"].items():
            value = ratios[key]
            shown = "-" if value is None else (f"{value:.2f}".replace(".", ",") if nl else f"{value:.2f}")
            self.stdout.write(
                f"  {described['name']}: {shown}  [{described['method']}; {described['source']}]"
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


def _week_line(week: dict[str, Any], nl: bool) -> str:
    """One week of report_to_dict: its km, the change on the week before and whether that broke the 10%
    rule, with the week that is not over yet named as such."""
    label = f"{week['iso_year']}-W{week['iso_week']:02d} ({week['monday']})"
    if not week["complete"]:
        label += " tot nu toe" if nl else " so far"
    km = week["running_km"]
    line = f"{label}: {_km(km, nl)} km"
    growth = week["growth_percent"]
    if growth is None:
        line += ", geen week ervoor om mee te vergelijken" if nl else ", no week before to compare with"
    else:
        line += f", {growth:+.0f}% op de week ervoor" if nl else f", {growth:+.0f}% on the week before"
    if week["breaks_ten_percent_rule"]:
        line += ": meer dan 10% erbij" if nl else ": more than 10% up"
    return line


def _km(value: float | None, nl: bool) -> str:
    text = "0" if value is None else f"{value:.1f}"
    return text.replace(".", ",") if nl else text


def _activities(user: Any) -> list[dict[str, Any]]:
    """Every activity of the runner, newest first, with where it came from ("source": "file",
    "apple_health", ... as shared/contracts/connectors.md fixes)."""
    rows = Activity.objects.filter(user=user).defer("track").order_by("-start")
    return [{"id": row.pk, **describe(row), "source": row.origin} for row in rows]
