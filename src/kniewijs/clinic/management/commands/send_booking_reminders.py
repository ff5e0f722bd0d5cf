"""`kniewijs send_booking_reminders`: e-mail everyone whose appointment starts within 24 hours, once.

Run it every few minutes from cron or a systemd timer; running it twice sends nothing twice."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from ...emails import default_base_url
from ...reminders import send_due_reminders


class Command(BaseCommand):
    help = "E-mail a reminder for every booking that starts within the next 24 hours (once per booking)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--base-url", default="", help="The site's address, for the links in the mail.")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_due_reminders(timezone.now(), base_url=options["base_url"] or default_base_url())
        self.stdout.write(f"{sent} booking reminder(s) sent")
