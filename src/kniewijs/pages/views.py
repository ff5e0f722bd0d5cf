"""The knowledge pages, the home page and the booking placeholder.

Thin views: they pick content from core.content.knowledge and hand it to a template. The only work done
here is looking up evidence notes by key, which templates cannot do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kniewijs.core.content.knowledge import (
    CROSS_TRAINING,
    EVIDENCE_BY_KEY,
    FIGURES,
    HOME_INTRO,
    SECTION_LEADS,
    SECTION_TITLES,
    SECTIONS,
)
from kniewijs.core.content.model import Action, Cause, EvidenceNote, Exercise, Section
from kniewijs.core.text import Text


@dataclass(frozen=True, slots=True)
class Entry:
    """A cause, action or section together with the evidence notes it refers to."""

    item: Cause | Action | Section
    notes: tuple[EvidenceNote, ...]


@dataclass(frozen=True, slots=True)
class SectionLink:
    slug: str
    title: Text
    lead: Text


SLUGS: tuple[str, ...] = tuple(SECTIONS)

TEMPLATES: dict[str, str] = {
    "knie": "pages/section.html",
    "oorzaken": "pages/causes.html",
    "waarschuwingssignalen": "pages/section.html",
    "zelf-doen": "pages/actions.html",
    "oefeningen": "pages/exercises.html",
    "behandeling": "pages/section.html",
    "voorkomen": "pages/section.html",
    "wanneer-naar-de-dokter": "pages/doctor.html",
    "veelgestelde-vragen": "pages/faq.html",
    "bewijs": "pages/evidence.html",
}


def notes(keys: Iterable[str]) -> tuple[EvidenceNote, ...]:
    return tuple(EVIDENCE_BY_KEY[key] for key in keys)


def entry(item: Cause | Action | Section) -> Entry:
    return Entry(item, notes(item.evidence))


def section_links() -> list[SectionLink]:
    return [SectionLink(slug, SECTION_TITLES[slug], SECTION_LEADS[slug]) for slug in SLUGS]


def _content_context(slug: str) -> dict[str, Any]:
    """What one knowledge page's template needs, taken from SECTIONS[slug]."""
    content: Any = SECTIONS[slug]
    if slug in ("oorzaken", "zelf-doen"):
        return {"entries": [entry(item) for item in content], "cross_training": CROSS_TRAINING}
    if slug == "oefeningen":
        exercises: tuple[Exercise, ...] = content
        return {
            "strength": [e for e in exercises if e.kind == "strength"],
            "mobility": [e for e in exercises if e.kind == "mobility"],
        }
    if slug == "wanneer-naar-de-dokter":
        gp, emergency = content
        return {"gp": entry(gp), "emergency": entry(emergency)}
    if slug == "veelgestelde-vragen":
        return {"questions": content}
    if slug == "bewijs":
        return {"notes": content}
    return {"section": entry(content)}


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pages/home.html",
        {"intro": HOME_INTRO, "figures": FIGURES, "sections": section_links()},
    )


@require_GET
def knowledge(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/knowledge.html", {"sections": section_links()})


@require_GET
def knowledge_section(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in SECTIONS:
        raise Http404("No such knowledge page.")
    index = SLUGS.index(slug)
    links = section_links()
    context = {
        "slug": slug,
        "title": SECTION_TITLES[slug],
        "lead": SECTION_LEADS[slug],
        "previous": links[index - 1] if index > 0 else None,
        "next": links[index + 1] if index + 1 < len(links) else None,
        **_content_context(slug),
    }
    return render(request, TEMPLATES[slug], context)


@require_GET
def book(request: HttpRequest) -> HttpResponse:
    """The door to online booking: what the free knee check is, and the way into the booking pages."""
    from kniewijs.clinic.models import Clinic  # here, so this module's imports stay as they were

    return render(request, "pages/book.html", {"clinics": Clinic.objects.filter(active=True).exists()})
