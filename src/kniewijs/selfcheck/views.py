"""The self-check wizard. Stateless: earlier answers travel in a hidden field and are validated again by
the core on every step, so an anonymous runner leaves nothing behind on the server."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kniewijs.core.answers import InvalidAnswers, parse_answers
from kniewijs.core.selfcheck import evaluate
from kniewijs.core.text import Language, normalise_language
from kniewijs.core.wizard import (
    STEP_BY_KEY,
    Step,
    next_step,
    path,
    previous_step,
    progress,
    prune,
    step_asking,
)

from .examples import EXAMPLES
from .forms import StepForm, initial_from_answers
from .presenter import FROM_LOG_KEY, logged_fields, present
from .state import BadState, load_state


def _lang() -> Language:
    return normalise_language(get_language())


def _field_layout(step: Step, form: StepForm) -> dict[str, list[Any]]:
    """Questions before the tick-what-applies group, the group itself, and the questions after it."""
    first_group = min((step.fields.index(n) for n in step.checkbox_group), default=len(step.fields))
    return {
        "fields_before": [form[n] for n in step.fields[:first_group] if n not in step.checkbox_group],
        "group_fields": [form[n] for n in step.checkbox_group],
        "fields_after": [form[n] for n in step.fields[first_group:] if n not in step.checkbox_group],
    }


def _render_step(
    request: HttpRequest, step: Step, state: dict[str, Any], form: StepForm | None = None, status: int = 200
) -> HttpResponse:
    if form is None:
        form = StepForm(step, _lang(), initial=initial_from_answers(step, state))
    number, total = progress(state, step.key)
    return render(
        request,
        "selfcheck/step.html",
        {
            "step": step,
            "form": form,
            "state_json": json.dumps(state, sort_keys=True),
            "step_number": number,
            "step_total": total,
            "has_previous": previous_step(state, step.key) is not None,
            **_field_layout(step, form),
        },
        status=status,
    )


def _render_result(
    request: HttpRequest, answers: dict[str, Any], example_title: str | None = None
) -> HttpResponse:
    result = evaluate(parse_answers(answers))
    context = present(result, logged_fields(answers)) | {
        "state_json": json.dumps(answers, sort_keys=True),
        "example_title": example_title,
        "open_step": step_asking(answers, list(result.unanswered_safety)),
        "checked_on": timezone.localdate(),
    }
    response = render(request, "selfcheck/result.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _from_log(request: HttpRequest) -> dict[str, Any]:
    """A logged-in runner's training answers, taken from their log; nothing for anonymous use."""
    if not request.user.is_authenticated:
        return {}
    from kniewijs.training.prefill import selfcheck_answers

    prefilled = selfcheck_answers(request.user)
    return prefilled | {FROM_LOG_KEY: dict(prefilled)} if prefilled else {}


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    examples = [(slug, title) for slug, (title, _answers) in EXAMPLES.items()]
    return render(request, "selfcheck/start.html", {"examples": examples})


@require_http_methods(["GET", "POST"])
def questions(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _render_step(request, STEP_BY_KEY["about"], _from_log(request))
    try:
        state = load_state(request.POST.get("state"))
    except BadState:
        return render(
            request,
            "selfcheck/start.html",
            {
                "state_error": _("Your earlier answers could not be read. Please start the check again."),
            },
            status=400,
        )
    if request.POST.get("nav") == "goto":
        # From the result page back to the screen that asks an open safety question.
        target = STEP_BY_KEY.get(request.POST.get("goto", ""))
        if target is not None and target in path(state):
            return _render_step(request, target, state)
    step = STEP_BY_KEY.get(request.POST.get("step", ""))
    if step is None:
        return render(
            request,
            "selfcheck/start.html",
            {
                "state_error": _("This step of the check does not exist. Please start again."),
            },
            status=400,
        )
    if request.POST.get("nav") == "back":
        previous = previous_step(state, step.key)
        return _render_step(request, previous or step, state)
    form = StepForm(step, _lang(), data=request.POST)
    if not form.is_valid():
        return _render_step(request, step, state, form)
    merged = {k: v for k, v in state.items() if k not in step.fields} | form.answers()
    merged = prune(merged)
    try:
        parse_answers(merged)
    except InvalidAnswers as exc:  # the form and the core disagree: show the core's words on the field
        for error in exc.errors:
            form.add_error(error.field if error.field in form.fields else None, error.message.get(_lang()))
        return _render_step(request, step, state, form)
    following = next_step(merged, step.key)
    if following is None:
        return _render_result(request, merged)
    return _render_step(request, following, merged)


@require_GET
def example(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in EXAMPLES:
        raise Http404
    title, answers = EXAMPLES[slug]
    return _render_result(request, answers, example_title=title.get(_lang()))


def _checked_on(posted: str | None) -> date:
    """The day the check was made, as the result page posts it along; today when it is missing, unreadable
    or not a day that can have been (in the future, or more than a year back)."""
    today = timezone.localdate()
    try:
        day = date.fromisoformat(posted or "")
    except ValueError:
        return today
    return day if today - timedelta(days=366) <= day <= today else today


@require_POST
def result_pdf(request: HttpRequest) -> HttpResponse:
    """The result as a PDF, rendered from the answers posted back; nothing is stored."""
    from weasyprint import HTML  # imported here: loading Pango costs start-up time on every other page

    try:
        answers = load_state(request.POST.get("state"))
    except BadState:
        return render(
            request,
            "selfcheck/start.html",
            {
                "state_error": _("Your answers could not be read. Please do the check again."),
            },
            status=400,
        )
    result = evaluate(parse_answers(answers))
    context = present(result) | {
        "checked_on": _checked_on(request.POST.get("checked_on")),
        "check_url": request.build_absolute_uri(reverse("selfcheck:start")),
    }
    html = render_to_string("selfcheck/result_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="kniecheck.pdf"'
    response["Cache-Control"] = "no-store"
    return response
