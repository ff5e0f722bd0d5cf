"""`kniewijs serve`: the production web server, gunicorn with whitenoise for static files.

Workers default to 2 x CPU + 1 (gunicorn's advice for sync workers); everything can be overridden with the
usual GUNICORN_CMD_ARGS as well.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve Kniewijs with gunicorn (production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("KNIEWIJS_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1)),
        )
        parser.add_argument("--timeout", type=int, default=60)
        parser.add_argument("--check-config", action="store_true", help="Check the configuration and stop.")

    def handle(self, *args: Any, **options: Any) -> None:
        argv = [
            "gunicorn",
            "kniewijs.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--timeout",
            str(options["timeout"]),
            "--access-logfile",
            "-",
            # Only method, path and status: no query strings, which could carry personal data.
            "--access-logformat",
            '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms',
        ]
        if options["check_config"]:
            argv.append("--check-config")
        import sys

        from gunicorn.app.wsgiapp import run

        sys.argv = argv  # gunicorn reads its own command line
        run()
