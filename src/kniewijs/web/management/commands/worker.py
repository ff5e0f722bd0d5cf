"""`kniewijs worker`: a Celery worker on Redis (REDIS_URL), with the beat scheduler for the reminders unless
--no-beat (run beat on one node only)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Run a Celery worker for imports, e-mails and reminders (needs REDIS_URL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--concurrency", type=int, default=2)
        parser.add_argument("--no-beat", action="store_true", help="Do not run the scheduler in this worker.")
        parser.add_argument("--pool", default="prefork")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.REDIS_URL:
            raise CommandError("REDIS_URL is not set: without it Kniewijs runs background work in-process.")
        from kniewijs.celery import app

        argv = [
            "worker",
            "--loglevel",
            "INFO",
            "--concurrency",
            str(options["concurrency"]),
            "--pool",
            options["pool"],
        ]
        if not options["no_beat"]:
            argv.append("--beat")
        app.worker_main(argv)
