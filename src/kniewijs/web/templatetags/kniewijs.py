"""Template helpers that show core content in the active language."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils.translation import get_language

from kniewijs.core.clinical_summary import age_in_years
from kniewijs.core.text import Text, format_day, format_moment, format_number, normalise_language

register = template.Library()


def active_language() -> str:
    return normalise_language(get_language())


@register.filter
def tr(value: object) -> object:
    """{{ text|tr }}: a core Text in the language of the request; anything else unchanged."""
    if isinstance(value, Text):
        return value.get(active_language())
    return value


@register.filter
def number(value: object) -> object:
    """{{ 12.5|number }} gives 12,5 in Dutch."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, normalise_language(get_language()))
    return value


@register.filter
def duration(seconds: object) -> str:
    """{{ 3725|duration }} gives 1:02:05; under an hour 42:05."""
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        return ""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.filter
def knowledge_url(link: str) -> str:
    """{{ 'oorzaken#overload'|knowledge_url }}: the knowledge page (and card) a warning explains itself on."""
    from django.urls import reverse

    slug, _, anchor = str(link).partition("#")
    return reverse("pages:knowledge_section", args=[slug]) + (f"#{anchor}" if anchor else "")


@register.filter
def get_item(mapping: object, key: object) -> object:
    """{{ exercises|get_item:key }}: a dictionary value by a variable key."""
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def attr(obj: object, name: str) -> object:
    return getattr(obj, name, None)


def _local(value: object) -> object:
    from django.utils import timezone

    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def datum(value: object, style: str = "day") -> str:
    """{{ day|datum }} 3 maart 2025, {{ day|datum:"short" }} 3 mrt: the one date format (core.text.format_day)."""
    value = _local(value)
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        return ""
    return format_day(value, active_language(), style)


@register.filter
def moment(value: object, style: str = "day") -> str:
    """{{ when|moment }} 3 maart 2025 om 14:05, in the server's time zone."""
    value = _local(value)
    if not isinstance(value, datetime):
        return datum(value, style)
    return format_moment(value, active_language(), style)


@register.filter
def age(born: object) -> str:
    """{{ date_of_birth|age }}: completed years today (core.clinical_summary.age_in_years)."""
    if not isinstance(born, date):
        return ""
    from django.utils import timezone

    return str(age_in_years(born, timezone.localdate()))


@register.filter
def answers_given(answers: object) -> tuple[tuple[Text, Text], ...]:
    """{{ result.answers|answers_given }}: each question as asked with its answer (core.answer_list)."""
    from kniewijs.core.answer_list import answered
    from kniewijs.core.answers import Answers

    return answered(answers) if isinstance(answers, Answers) else ()


@register.filter
def clinical_title(warning: object) -> object:
    """{{ w|clinical_title|tr }}: a training-log warning as a physio's record words it (core.clinical_warnings)."""
    from kniewijs.core.clinical_warnings import clinical_title as title
    from kniewijs.core.metrics.warning import Warning

    return title(warning) if isinstance(warning, Warning) else ""
