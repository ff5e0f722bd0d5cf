"""`kniewijs import --runner EMAIL PATH... [--json]`, as in shared/contracts/import-result.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from kniewijs.training.access import runner_settings
from kniewijs.training.importing import import_paths, iter_paths, runner_for_email

from ._progress import ImportProgress


class Command(BaseCommand):
    help = "Import activity files, folders (recursively) and export zips for a runner (created if absent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--runner", required=True, metavar="EMAIL")
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--json", action="store_true", help="print one JSON array of results on stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            validate_email(options["runner"])
        except ValidationError:
            raise CommandError(
                f"--runner {options['runner']!r} is not an e-mail address.", returncode=2
            ) from None
        paths = [Path(p) for p in options["paths"]]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError("Not found: " + ", ".join(missing), returncode=2)
        address = options["runner"].strip().lower()  # as runner_for_email looks it up
        is_new = not get_user_model().objects.filter(username=address).exists()
        user = runner_for_email(address)
        if is_new:  # the contract creates the runner; a typo in the address must not do so unnoticed
            self.stderr.write(
                _(
                    "No runner with the address %(email)s yet: a new one has been created, without a password"
                    " (nobody can log in with it yet). Did you mean an existing runner? Then check the spelling."
                )
                % {"email": address},
                style_func=self.style.WARNING,
            )
        lang = runner_settings(user).language
        files = list(iter_paths(paths))
        show_bar = sys.stderr.isatty() or not options["json"]
        results = []
        with ImportProgress(files, enabled=show_bar) as progress:
            for result in import_paths(user, paths, progress=progress.advance):
                results.append(result.to_dict(lang))
                if not options["json"]:
                    progress.print_result(results[-1])
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        else:
            counts: dict[str, int] = {}
            for r in results:
                counts[r["status"]] = counts.get(r["status"], 0) + 1
            self.stdout.write(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "0 files")
