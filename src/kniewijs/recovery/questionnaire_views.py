"""The Kujala and KOOS-PF questionnaires: fill in, score in the core, and show the trend with the minimal
important change marked. Due at the start of a programme and every two weeks."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kniewijs.core.questionnaires import QUESTIONNAIRES, score, trend
from kniewijs.core.text import normalise_language
from kniewijs.training.history import local_today

from .models import QuestionnaireResponse

EVERY = timedelta(days=14)


def _form(questionnaire: Any, lang: str, data: Any = None) -> forms.Form:
    form = forms.Form(data)
    for item in questionnaire.items:
        form.fields[item.key] = forms.ChoiceField(
            label=item.label.get(lang),
            choices=[(o.value, o.label.get(lang)) for o in item.options],
            widget=forms.RadioSelect,
            required=False,
        )
    return form


def overview_rows(user: Any) -> list[dict[str, Any]]:
    today = local_today(user)
    rows = []
    for key, questionnaire in QUESTIONNAIRES.items():
        responses = list(QuestionnaireResponse.objects.filter(user=user, questionnaire=key))
        points = trend([(r.date, r.score) for r in responses], questionnaire.minimal_important_change)
        due = not responses or today - responses[-1].date >= EVERY
        rows.append({"key": key, "questionnaire": questionnaire, "points": points, "due": due})
    return rows


@login_required
def questionnaires(request: HttpRequest) -> HttpResponse:
    response = render(request, "recovery/questionnaires.html", {"rows": overview_rows(request.user)})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def questionnaire(request: HttpRequest, key: str) -> HttpResponse:
    if key not in QUESTIONNAIRES:
        raise Http404
    questionnaire = QUESTIONNAIRES[key]
    lang = normalise_language(get_language())
    form = _form(questionnaire, lang, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        answers = {k: v for k, v in form.cleaned_data.items() if v}
        if not answers:
            # A form sent without a single choice (the CSRF token alone) is no answer to store: it would show
            # as a questionnaire done, with no score, and push the next one two weeks away.
            form.add_error(
                questionnaire.items[0].key,
                _("Choose an answer to at least one question. Nothing has been saved yet."),
            )
            return _page(request, questionnaire, form)
        result = score(questionnaire, answers)
        QuestionnaireResponse.objects.create(
            user=request.user,
            questionnaire=key,
            date=local_today(request.user),
            answers=answers,
            score=result.value,
        )
        if result.value is None and result.reason is not None:
            messages.warning(request, result.reason.get(lang))
        else:
            messages.success(request, _("Thank you. Your answers have been saved."))
        return redirect("recovery:questionnaires")
    return _page(request, questionnaire, form)


def _page(request: HttpRequest, questionnaire: Any, form: forms.Form) -> HttpResponse:
    response = render(request, "recovery/questionnaire.html", {"questionnaire": questionnaire, "form": form})
    response["Cache-Control"] = "no-store"
    return response
