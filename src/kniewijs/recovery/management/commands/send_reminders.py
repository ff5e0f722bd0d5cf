"""`kniewijs send_reminders`: e-mail each runner with an active programme today's session, once a day.

Run it from cron or a systemd timer (a Celery beat task in a clinic deployment). Running it twice on one
day sends nothing the second time: the day's ReminderSent row is claimed before the mail goes out, and
released again if sending fails, so a retry can still send it."""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandParser
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from kniewijs.training.access import runner_settings
from kniewijs.training.history import local_today

from ...models import Programme, ReminderSent
from ...state import state_for

SUBJECT = {"nl": "Kniewijs: uw training van vandaag", "en": "Kniewijs: today's session"}
GREETING = {
    "nl": "Dit staat vandaag in uw herstelprogramma:",
    "en": "This is today's part of your recovery programme:",
}
FOOTER = {"nl": "Vul na afloop in hoe het ging:", "en": "Afterwards, log how it went:"}


class Command(BaseCommand):
    help = "E-mail today's programme session to every runner with an active programme (once a day)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = 0
        for programme in Programme.objects.filter(active=True).select_related("user"):
            if self._remind(programme, options["base_url"].rstrip("/")):
                sent += 1
        self.stdout.write(f"{sent} reminder(s) sent")

    def _remind(self, programme: Programme, base_url: str) -> bool:
        user = programme.user
        if not user.email:
            return False
        lang = runner_settings(user).language
        today = local_today(user)
        with translation.override(lang):
            plan = state_for(programme, today).today_plan
            sessions = [s for s in plan.sessions if s.kind not in ("rest", "care")]
            if not sessions:
                return False
            try:
                with transaction.atomic():
                    claim = ReminderSent.objects.create(programme=programme, date=today)
            except IntegrityError:
                return False  # already sent today
            lines = [GREETING[lang], ""]
            for session in sessions:
                lines.append(f"- {session.title.get(lang)}")
                lines += [f"    {line.get(lang)}" for line in session.what]
            lines += ["", FOOTER[lang], base_url + reverse("recovery:log")]
            try:
                send_mail(SUBJECT[lang], "\n".join(lines), None, [user.email])
            except Exception:
                claim.delete()
                raise
        return True
