"""A self-check's answers as the runner gave them: each question as asked, with the answer in words.

For the physio's record (the consent page promises "your answers and the advice"): the question text is
the self-check's own (core.answers.FIELDS, in question order), so the physio reads what the runner read.
Questions left unanswered are not listed; core.red_flags counts the open safety questions.
"""

from __future__ import annotations

from dataclasses import fields

from .answers import FIELD_BY_NAME, FIELDS, Answers, Field
from .text import T, Text, format_number

YES = T("ja", "yes")
NO = T("nee", "no")


def _answer(spec: Field, value: object) -> Text:
    if spec.kind == "bool":
        return YES if value else NO
    if spec.kind == "choice":
        return next((c.label for c in spec.choices if c.value == value), Text(str(value), str(value)))
    if spec.kind == "multi":
        chosen = [c.label for c in spec.choices if c.value in tuple(value)]  # type: ignore[arg-type]
        return Text("; ".join(c.nl for c in chosen), "; ".join(c.en for c in chosen))
    number = float(value)  # type: ignore[arg-type]
    shown = int(number) if number.is_integer() else number
    unit_nl = f" {spec.unit.nl}" if spec.unit else ""
    unit_en = f" {spec.unit.en}" if spec.unit else ""
    return Text(format_number(shown, "nl") + unit_nl, format_number(shown, "en") + unit_en)


def answered(answers: Answers) -> tuple[tuple[Text, Text], ...]:
    """(question, answer) for every question answered, in the order the self-check asks them."""
    given = {f.name for f in fields(answers) if getattr(answers, f.name) not in (None, (), frozenset())}
    return tuple(
        (spec.label, _answer(spec, getattr(answers, spec.name)))
        for spec in FIELDS
        if spec.name in given and spec.name in FIELD_BY_NAME
    )
