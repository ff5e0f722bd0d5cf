"""The training log's pages. Thin: forms in, access helpers for every fetch, metrics from the core."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kniewijs.core.text import normalise_language

from . import access
from .dashboard import dashboard_context
from .forms import ActivityForm, DailyEntryForm, ManualRunForm, ShoeForm, UploadForm
from .jobs import UploadRefused, create_job, resume_if_abandoned, start_job
from .models import SPORT_CHOICES, Activity, DailyEntry, ImportedFile, Shoe
from .queue import place_of

# A phone shows 25 rows comfortably; the filter and the page number travel in the page links.
ACTIVITIES_PER_PAGE = 25
# The job page lists at most this many files one by one; an export of thousands gives counts beyond it.
LISTED_RESULTS = 500


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"  # health data: never in a shared or back-button cache
    return response


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return _no_store(render(request, "training/dashboard.html", dashboard_context(request.user)))


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    # Bound on every POST, files or not: a POST without any is refused by the form, never an empty job.
    form = UploadForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = create_job(request.user, form.cleaned_data["files"])
        except UploadRefused as refused:
            form.add_error("files", refused.message)
        else:
            start_job(job)
            return redirect("training:job", pk=job.pk)
    return _no_store(render(request, "training/upload.html", {"form": form}))


@login_required
def job(request: HttpRequest, pk: str) -> HttpResponse:
    import_job = access.import_job_for(request.user, pk)
    if resume_if_abandoned(import_job):
        import_job.refresh_from_db()
    place = place_of(import_job)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "status": import_job.status,
                "done": import_job.done,
                "total": import_job.total,
                "percent": import_job.percent,
                "position": place.position if place else None,
            }
        )
    counts: dict[str, int] = {}
    for result in import_job.results:
        if "status" in result:
            counts[result["status"]] = counts.get(result["status"], 0) + 1
    finished = import_job.status in ("done", "failed")
    listed = [r for r in import_job.results if "status" in r]
    new_shoes = list(dict.fromkeys(name for r in listed for name in r.get("new_shoes") or ()))
    context = {
        "new_shoes": ", ".join(new_shoes),
        "job": import_job,
        "counts": counts,
        "finished": finished,
        "place": place,
        "listed": listed[:LISTED_RESULTS],
        "not_listed": max(0, len(listed) - LISTED_RESULTS),
    }
    return _no_store(render(request, "training/job.html", context))


@login_required
def activities(request: HttpRequest) -> HttpResponse:
    """All activities, a page at a time (a phone should not load years at once), filtered by sport; the
    page links keep the filter."""
    rows = Activity.objects.filter(user=request.user).select_related("shoe").defer("track")
    sports = dict(SPORT_CHOICES)
    sport = request.GET.get("sport", "")
    if sport in sports:
        rows = rows.filter(sport=sport)
    else:
        sport = ""
    page = Paginator(rows, ACTIVITIES_PER_PAGE).get_page(request.GET.get("pagina"))
    context = {
        "activities": page.object_list,
        "page": page,
        "sport": sport,
        "sports": SPORT_CHOICES,
        "query": urlencode({"sport": sport}) if sport else "",
    }
    return _no_store(render(request, "training/activities.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for(request.user, pk)
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # A changed sport is the runner's (ActivityForm.save); the metrics read the rows live, so
            # the week's km, spikes and load follow on the next page.
            form.save()
        messages.success(request, _("Saved."))
        return redirect("training:activity", pk=activity.pk)
    lang = normalise_language(get_language())
    context = {
        "activity": activity,
        "form": form,
        "evidence": activity.sport_evidence(lang) if activity.sport_guessed else "",
        "partial": activity.partial_note(lang),
    }
    return _no_store(render(request, "training/activity.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; only a POST deletes."""
    activity = access.activity_for(request.user, pk)
    if request.method == "POST":
        _delete_with_its_file(activity)
        messages.success(request, _("The activity has been deleted."))
        return redirect("training:activities")
    return _no_store(render(request, "training/activity_delete.html", {"activity": activity}))


def _delete_with_its_file(activity: Activity) -> None:
    """The activity, and its original file once no other activity comes from it: that frees its room in the
    storage quota, and the same file can be imported again. The file goes only after the commit."""
    with transaction.atomic():
        source = activity.source
        activity.delete()
        if source is not None and not source.activities.exists():
            name = source.stored.name
            storage = source.stored.storage
            ImportedFile.objects.filter(pk=source.pk).delete()
            if name:
                transaction.on_commit(lambda: storage.delete(name))


@login_required
@require_http_methods(["GET", "POST"])
def manual_run(request: HttpRequest) -> HttpResponse:
    form = ManualRunForm(
        request.user,
        request.POST or None,
        initial={"start": timezone.localtime().replace(second=0, microsecond=0)},
    )
    if request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        activity.user = request.user
        activity.distance_m = form.cleaned_data["distance_km"] * 1000
        activity.duration_s = form.cleaned_data["minutes"] * 60
        activity.sport_source = "runner"  # the runner chose it in the form
        zone = access.runner_settings(request.user).zone
        activity.local_date = activity.start.astimezone(zone).date()
        activity.save()
        messages.success(request, _("The run has been added to your log."))
        return redirect("training:dashboard")
    return _no_store(render(request, "training/manual_run.html", {"form": form}))


@login_required
@require_http_methods(["GET", "POST"])
def daily_entry(request: HttpRequest) -> HttpResponse:
    zone = access.runner_settings(request.user).zone
    today = timezone.now().astimezone(zone).date()
    day = request.GET.get("datum") or request.POST.get("date") or today.isoformat()
    existing = DailyEntry.objects.filter(user=request.user, date=day).first() if _is_date(day) else None
    form = DailyEntryForm(
        request.POST or None, instance=existing or DailyEntry(user=request.user), initial={"date": day}
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            entry = form.save(commit=False)
            entry.user = request.user
            entry.save()
        messages.success(request, _("Your day has been saved."))
        return redirect("training:dashboard")
    return _no_store(render(request, "training/daily_entry.html", {"form": form, "existing": existing}))


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def shoes(request: HttpRequest) -> HttpResponse:
    form = ShoeForm(request.POST or None, instance=Shoe(user=request.user))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if form.cleaned_data["is_default"]:
                Shoe.objects.filter(user=request.user, is_default=True).update(is_default=False)
            form.save()
        messages.success(request, _("The shoe has been added."))
        return redirect("training:shoes")
    context = dashboard_context(request.user, only_shoes=True) | {"form": form}
    return _no_store(render(request, "training/shoes.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def shoe_edit(request: HttpRequest, pk: int) -> HttpResponse:
    shoe = access.shoe_for(request.user, pk)
    form = ShoeForm(request.POST or None, instance=shoe)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if form.cleaned_data["is_default"]:
                Shoe.objects.filter(user=request.user, is_default=True).exclude(pk=shoe.pk).update(
                    is_default=False
                )
            form.save()
        messages.success(request, _("Saved."))
        return redirect("training:shoes")
    return _no_store(render(request, "training/shoe_edit.html", {"shoe": shoe, "form": form}))


@login_required
@require_POST
def shoe_retire(request: HttpRequest, pk: int) -> HttpResponse:
    """Retiring is reversible (un-retire), so it needs no confirmation page."""
    shoe = access.shoe_for(request.user, pk)
    shoe.retired_on = None if shoe.retired_on else timezone.now().date()
    shoe.is_default = False if shoe.retired_on else shoe.is_default
    shoe.save(update_fields=["retired_on", "is_default"])
    return redirect("training:shoes")
