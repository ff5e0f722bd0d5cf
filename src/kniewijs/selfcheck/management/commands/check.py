"""`kniewijs check`: the knee self-check in the terminal, as in shared/contracts/selfcheck-result.md.

It takes the name of Django's system check, so Django's own options still lead there:
`kniewijs check --deploy`, `--tag`, `--list-tags`, `--fail-level`, `--database`, app labels, or `--system`.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from django.core.management.base import CommandError, CommandParser
from django.core.management.commands.check import Command as SystemCheckCommand

from kniewijs.core.answers import InvalidAnswers, parse_answers
from kniewijs.core.selfcheck import evaluate, result_to_dict
from kniewijs.core.text import Language, normalise_language

from ...terminal import ask_interactively, render_text


class Command(SystemCheckCommand):
    help = (
        "Knee self-check: --answers FILE (or - for stdin) [--json] [--lang nl|en]; without --answers the "
        "questions are asked here. Django's system check runs with --system or any of its own options."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--answers", metavar="FILE", help="JSON file with the answers, or - for stdin")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        parser.add_argument(
            "--lang", choices=["nl", "en"], default="nl", help="language of the texts (default nl)"
        )
        parser.add_argument("--system", action="store_true", help="run Django's system check instead")

    def _wants_system_check(self, app_labels: tuple[str, ...], options: dict[str, Any]) -> bool:
        return bool(
            options.get("system")
            or app_labels
            or options.get("deploy")
            or options.get("tags")
            or options.get("list_tags")
            or options.get("databases")
            or options.get("fail_level", "ERROR") != "ERROR"
        ) and not options.get("answers")

    def handle(self, *app_labels: str, **options: Any) -> None:
        if self._wants_system_check(app_labels, options):
            super().handle(*app_labels, **options)
            return
        lang: Language = normalise_language(options["lang"])
        if options.get("answers"):
            raw = self._read_answers(options["answers"], lang)
        else:
            raw = ask_interactively(lang, stdin=sys.stdin, stdout=self.stdout)
        try:
            answers = parse_answers(raw)
        except InvalidAnswers as exc:
            lines = [self._invalid_intro(lang)] + [f"  {e.field}: {e.message.get(lang)}" for e in exc.errors]
            raise CommandError("\n".join(lines), returncode=2) from None
        result = evaluate(answers)
        if options["json"]:
            self.stdout.write(json.dumps(result_to_dict(result, lang), ensure_ascii=False, indent=2))
        else:
            render_text(result, lang, self.stdout)

    @staticmethod
    def _invalid_intro(lang: Language) -> str:
        return "Invalid answers:" if lang == "en" else "Ongeldige antwoorden:"

    def _read_answers(self, path: str, lang: Language) -> Any:
        stream: TextIO
        try:
            if path == "-":
                text = sys.stdin.read()
            else:
                with open(path, encoding="utf-8") as stream:
                    text = stream.read()
        except OSError as exc:
            msg = (
                f"Cannot read {path}: {exc.strerror}"
                if lang == "en"
                else f"Kan {path} niet lezen: {exc.strerror}"
            )
            raise CommandError(msg, returncode=2) from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            msg = (
                f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno})."
                if lang == "en"
                else f"{path} is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})."
            )
            raise CommandError(msg, returncode=2) from None
