"""The self-check in a terminal: the same screens and questions as the web form, read from stdin."""

from __future__ import annotations

from typing import Any, TextIO

from django.core.management.base import CommandError

from kniewijs.core.answers import Field, check_value
from kniewijs.core.content.knowledge import ACTION_BY_KEY, CAUSE_BY_KEY, DISCLAIMER, EVIDENCE_BY_KEY
from kniewijs.core.selfcheck import Result
from kniewijs.core.text import Language
from kniewijs.core.wizard import next_step

WORDS = {
    "nl": {
        "yes": ("j", "ja", "y"),
        "no": ("n", "nee", "no"),
        "skip": "(Enter = overslaan)",
        "yn": "[j/n]",
        "again": "Dat antwoord past niet: ",
        "choose_many": "nummers met komma's, of Enter",
        "ended": "De invoer stopte voordat alle vragen waren beantwoord.",
        "why": "Waarom",
        "causes": "Waarschijnlijke oorzaken",
        "plan": "Uw plan",
        "hint": "Het kan passen bij",
        "help": "Toch hulp zoeken als",
        "how": "Zo doet u het",
        "open": "Beantwoord eerst nog deze vragen; klopt er een, dan kan het advies dringender worden",
        "research": "Wat het onderzoek zegt",
        "tied": "even waarschijnlijk",
    },
    "en": {
        "yes": ("y", "yes", "j"),
        "no": ("n", "no", "nee"),
        "skip": "(Enter = skip)",
        "yn": "[y/n]",
        "again": "That answer does not fit: ",
        "choose_many": "numbers separated by commas, or Enter",
        "ended": "Input ended before all questions were answered.",
        "why": "Why",
        "causes": "Likely causes",
        "plan": "Your plan",
        "hint": "It may fit",
        "help": "Get help after all if",
        "how": "How to",
        "open": "Answer these questions first; if one applies, the advice can become more urgent",
        "research": "What research says",
        "tied": "equally likely",
    },
}


def _read(stdin: TextIO, stdout: Any, prompt: str, lang: Language) -> str:
    stdout.write(prompt, ending=" ")
    stdout.flush()
    line = stdin.readline()
    if line == "":
        raise CommandError(WORDS[lang]["ended"], returncode=2)
    return line.strip()


def _parse(spec: Field, text: str, lang: Language) -> tuple[bool, Any]:
    """(ok, value) for one typed answer; value None means skipped."""
    w = WORDS[lang]
    if text == "":
        return True, None
    if spec.kind == "bool":
        if text.lower() in w["yes"]:
            return True, True
        if text.lower() in w["no"]:
            return True, False
        return False, None
    if spec.kind in ("int", "number"):
        try:
            value: Any = float(text.replace(",", "."))
        except ValueError:
            return False, None
        if spec.kind == "int":
            if not value.is_integer():
                return False, None
            value = int(value)
        return check_value(spec, value) is None, value
    options = [c.value for c in spec.choices]
    try:
        picks = [options[int(part) - 1] for part in text.replace(" ", "").split(",") if part]
    except (ValueError, IndexError):
        return False, None
    if spec.kind == "choice":
        return len(picks) == 1, picks[0] if picks else None
    return True, picks


def _ask_field(spec: Field, required: bool, stdin: TextIO, stdout: Any, lang: Language) -> Any:
    w = WORDS[lang]
    stdout.write(f"\n{spec.label.get(lang)}")
    if spec.help:
        stdout.write(f"  {spec.help.get(lang)}")
    for number, choice in enumerate(spec.choices, start=1):
        stdout.write(f"  {number}. {choice.label.get(lang)}")
    hint = w["yn"] if spec.kind == "bool" else (w["choose_many"] if spec.kind == "multi" else "")
    if spec.unit:
        hint = f"({spec.unit.get(lang)})"
    if not required:
        hint = f"{hint} {w['skip']}".strip()
    while True:
        ok, value = _parse(spec, _read(stdin, stdout, f"> {hint}", lang), lang)
        if ok and (value is not None or not required):
            return value
        stdout.write(w["again"] + (w["yn"] if spec.kind == "bool" else hint))


def ask_interactively(lang: Language, stdin: TextIO, stdout: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    step = next_step(answers, None)
    while step is not None:
        stdout.write(f"\n== {step.title.get(lang)} ==")
        if step.intro:
            stdout.write(step.intro.get(lang))
        for spec in step.field_specs():
            required = spec.name in step.required or spec.name in step.checkbox_group
            value = _ask_field(spec, required, stdin, stdout, lang)
            if value is not None:
                answers[spec.name] = value
        step = next_step(answers, step.key)
    return answers


def render_text(result: Result, lang: Language, out: Any) -> None:
    w = WORDS[lang]
    out.write(f"\n*** {result.level.title.get(lang).upper()} ***")
    out.write(result.level.action.get(lang))
    if result.open_questions:
        out.write(f"\n{w['open']}:")
        for question in result.open_questions:
            out.write(f"  ? {question.get(lang)}")
    out.write(f"\n{w['why']}:")
    for reason in result.reasons:
        out.write(f"  - {reason.text.get(lang)}")
        if reason.evidence:
            note = EVIDENCE_BY_KEY[reason.evidence]
            out.write(f"    {w['research']}: {note.evidence_says.get(lang)} {note.what_we_do.get(lang)}")
    if result.hint:
        out.write(f"\n{w['hint']}: {result.hint.name.get(lang)}")
        out.write(f"  {result.hint.text.get(lang)}")
    likely = [c for c in result.causes if c.score > 0]
    if likely:
        out.write(f"\n{w['causes']}:")
        for cause in likely:
            tied = f" ({w['tied']})" if cause.tied else ""
            out.write(f"  {cause.rank}. {CAUSE_BY_KEY[cause.cause].title.get(lang)}{tied}")
            for clue in cause.clues:
                out.write(f"    - {clue.explained().get(lang)}")
    out.write(f"\n{w['plan']}: {result.plan.headline.get(lang)}")
    for section in result.plan.sections:
        out.write(f"\n  {section.title.get(lang)}")
        for item in section.items:
            out.write(f"    - {item.get(lang)}")
        if section.action:
            for line in ACTION_BY_KEY[section.action].protocol:
                out.write(f"      · {line.get(lang)}")
    out.write(f"\n{w['help']}:")
    for escalation in result.plan.escalate_when:
        out.write(f"  - {escalation.when.get(lang)} -> {escalation.level.title.get(lang)}")
    out.write(f"\n{DISCLAIMER.get(lang)}")
