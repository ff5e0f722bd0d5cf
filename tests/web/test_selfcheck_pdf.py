"""The result as a PDF: dated, the answers in words, the level and the plan on page 1, at most three pages."""

import json
import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from kniewijs.core.content.knowledge import EVIDENCE_BY_KEY
from kniewijs.core.selfcheck import evaluate_raw
from kniewijs.core.text import format_day
from kniewijs.selfcheck.examples import EXAMPLES

pytestmark = pytest.mark.django_db


def pdf_pages(client, answers, **extra):
    response = client.post(reverse("selfcheck:pdf"), {"state": json.dumps(answers), **extra})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(response.content)).pages]


@pytest.mark.parametrize("slug", ["knieschijf", "buitenkant"])
def test_a_typical_physio_or_self_care_pdf_has_at_most_three_pages_with_level_and_plan_first(client, slug):
    answers = EXAMPLES[slug][1]
    result = evaluate_raw(answers)
    pages = pdf_pages(client, answers, checked_on="2026-11-30")
    assert len(pages) <= 3, f"{len(pages)} pages"
    first = pages[0]
    assert result.level.title.nl in first and "Uw plan" in first and result.plan.headline.nl in first
    assert "Kniecheck gedaan op 30 november 2026" in first


def test_the_pdf_lists_the_answers_as_question_and_answer_in_words(client):
    text = " ".join(pdf_pages(client, EXAMPLES["knieschijf"][1]))
    assert "Uw antwoorden" in text
    assert "Hoe oud bent u? 34 jaar" in text
    assert "Waar zit de pijn vooral? Rond of achter de knieschijf" in text
    assert "Hoeveel pijn had u tijdens het hardlopen? 3 op 10" in text
    assert "Kunt u nu vier stappen zetten" in text and "Hoe lang was uw laatste lange loop? 15 km" in text
    assert text.index("Hoe lang was uw laatste lange loop?") < text.index("Wat was uw langste loop in de 30")


def test_the_day_is_the_day_of_the_check_and_a_day_that_cannot_be_falls_back_to_today(client):
    from kniewijs.selfcheck.views import _checked_on

    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    for posted in (None, "", "gisteren", (today + timedelta(days=3)).isoformat(), "2001-01-01"):
        assert _checked_on(posted) == today, posted
    assert _checked_on(yesterday.isoformat()) == yesterday
    first = pdf_pages(client, EXAMPLES["buitenkant"][1], checked_on=yesterday.isoformat())[0]
    # The one date format: '2 december 2026'.
    assert f"Kniecheck gedaan op {format_day(yesterday, 'nl')}" in first


def test_the_result_page_posts_the_day_of_the_check_with_the_pdf(client):
    html = client.get(reverse("selfcheck:example", args=["knieschijf"])).content.decode()
    assert f'name="checked_on" value="{timezone.localdate().isoformat()}"' in html


def test_no_evidence_note_is_split_across_two_pages(client):
    answers = EXAMPLES["knieschijf"][1]
    pages = pdf_pages(client, answers)
    notes = {key for s in evaluate_raw(answers).plan.sections for key in s.evidence}
    assert len(notes) >= 3
    for key in notes:
        note = EVIDENCE_BY_KEY[key]
        start = f"{note.topic.nl}. {' '.join(note.evidence_says.nl.split()[:4])}"
        end = " ".join(note.what_we_do.nl.split()[-4:])
        holding = [i for i, page in enumerate(pages) if start in page]
        assert holding, f"{key} not found whole"
        assert end in pages[holding[0]], f"{key} runs onto the next page"


def test_links_in_the_pdf_are_printed_with_their_address(client):
    text = " ".join(pdf_pages(client, EXAMPLES["knieschijf"][1]))
    assert re.search(r"Kniecheck \(http://testserver/kniecheck/\)", text)


def test_an_emergency_pdf_says_call_112_on_page_one(client):
    first = pdf_pages(client, EXAMPLES["knap"][1])[0]
    assert "Bel nu 112" in first and "Aan herstel denkt u later" in first
