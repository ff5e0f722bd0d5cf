"""The physio's record of one patient: who it is, the first screen, the runner's answers, the PDF, and
forms whose feedback stays beside them."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kniewijs.clinic.models import Booking
from kniewijs.privacy.models import PracticeDetails
from kniewijs.recovery.models import Programme
from tests.answers import KNEECAP
from tests.conftest import grant, make_booking

from .test_consent_by_construction import _seed


def _page(client, runner) -> str:
    response = client.get(reverse("physio:patient", args=[runner.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_record_opens_with_who_it_is_full_name_date_of_birth_and_knee(
    runner, clinic, physio, physio_client
):
    grant(runner, clinic, "pain")
    PracticeDetails.objects.create(
        user=runner, full_name="Anna de Loper", date_of_birth=date(1990, 5, 2), knee="left"
    )
    text = _text(_page(physio_client, runner))
    assert "Anna de Loper" in text and "Geboren op 2 mei 1990" in text and "Linkerknie" in text


def test_details_the_runner_did_not_give_are_named_as_not_given(runner, clinic, physio, physio_client):
    grant(runner, clinic, "pain")
    text = _text(_page(physio_client, runner))
    assert "Geboortedatum niet opgegeven door de loper" in text and "Welke knie: niet opgegeven" in text


def test_the_first_screen_comes_before_every_detail_and_links_to_each(runner, clinic, physio, physio_client):
    _seed(runner, clinic, physio)
    grant(runner, clinic)
    html = _page(physio_client, runner)
    summary = html.index('id="summary-title"')
    assert all(
        summary < html.index(f'id="{section}"') for section in ("selfcheck", "warnings", "training", "pain")
    )
    glance = html[summary : html.index("</section>", summary)]
    for anchor in ("#selfcheck", "#pain", "#training", "#recovery"):
        assert f'href="{anchor}"' in glance
    text = _text(glance)
    assert "Rode vlaggen geen gemeld" in text and "Piek 30 km op" in text and "Tegenstrijdig" in text


def test_the_runners_answers_are_shown_as_asked_and_one_self_check_only_once(
    runner, clinic, physio, physio_client
):
    grant(runner, clinic, "selfcheck")
    answers = KNEECAP | {"weeks": 5}
    Programme.objects.create(user=runner, started_on=date.today(), severity="light", answers=answers)
    booking = make_booking(clinic, physio, runner=runner, answers=answers)
    Booking.objects.filter(pk=booking.pk).update(report_consent_at=booking.created_at)
    html = _page(physio_client, runner)
    section = html[html.index('id="selfcheck"') :]
    assert section.count("Advies dat de loper kreeg") == 1
    assert "Hoeveel weken heeft u de klachten al?" in section and "5 weken" in section


def test_the_latest_runs_show_heart_rate(runner, clinic, physio, physio_client):
    _seed(runner, clinic, physio)
    grant(runner, clinic, "training")
    html = _page(physio_client, runner)
    assert "Hartslag" in html and "<td>151</td>" in html


def test_the_pdf_names_the_practice_numbers_its_pages_and_stays_within_three_pages(
    runner, clinic, physio, physio_client
):
    _seed(runner, clinic, physio)
    grant(runner, clinic)
    PracticeDetails.objects.create(
        user=runner, full_name="Anna de Loper", date_of_birth=date(1990, 5, 2), knee="right"
    )
    response = physio_client.get(reverse("physio:patient_pdf", args=[runner.pk]))
    pages = PdfReader(BytesIO(response.content)).pages
    assert 1 <= len(pages) <= 3
    first = " ".join(pages[0].extract_text().split())
    assert clinic.name in first and "Anna de Loper" in first and "Rechterknie" in first
    assert f"pagina 1 van {len(pages)}" in first and "In één oogopslag" in first


def test_an_empty_note_keeps_its_error_at_the_form_and_the_form_in_focus(
    runner, clinic, physio, physio_client
):
    grant(runner, clinic, "pain")
    response = physio_client.post(reverse("physio:add_note", args=[runner.pk]), {"text": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    form = html[html.index('id="notes"') :]
    assert "field-error" in form and "autofocus" in form[: form.index("</form>")]


def test_a_saved_note_is_confirmed_beside_the_notes_not_at_the_top(runner, clinic, physio, physio_client):
    grant(runner, clinic, "pain")
    response = physio_client.post(
        reverse("physio:add_note", args=[runner.pk]), {"text": "Knie bekeken."}, follow=True
    )
    html = response.content.decode()
    confirmation = html.index("Notitie opgeslagen")
    assert confirmation > html.index('id="notes"')
    assert '<ul class="messages"><li' not in html


@pytest.mark.parametrize("born", ["2999-01-01", "1850-06-01"])
def test_a_date_of_birth_that_cannot_be_right_is_refused_in_dutch_and_the_name_is_kept(
    runner_client, runner, born
):
    response = runner_client.post(
        reverse("privacy:practice_details"),
        {"full_name": "Anna de Loper", "date_of_birth": born, "knee": "left"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Die geboortedatum kan niet kloppen" in html and 'value="Anna de Loper"' in html
    assert not PracticeDetails.objects.filter(user=runner).exists()


def test_the_runner_saves_the_details_for_the_practice_on_the_consent_page(runner_client, runner):
    page = runner_client.get(reverse("privacy:consent")).content.decode()
    assert 'action="' + reverse("privacy:practice_details") + '"' in page
    response = runner_client.post(
        reverse("privacy:practice_details"),
        {"full_name": "  Anna   de Loper ", "date_of_birth": "1990-05-02", "knee": "both"},
    )
    assert response.status_code == 302 and response["Location"].endswith("#gegevens")
    details = PracticeDetails.objects.get(user=runner)
    assert (details.full_name, details.date_of_birth, details.knee) == (
        "Anna de Loper",
        date(1990, 5, 2),
        "both",
    )


def test_the_details_form_is_only_for_a_signed_in_runner_and_only_by_post(client, runner_client, db):
    url = reverse("privacy:practice_details")
    assert client.post(url, {"full_name": "X"}).status_code == 302  # to the login page
    assert runner_client.get(url).status_code == 405


def test_another_practice_sees_neither_the_details_nor_the_record(runner, clinic, other_physio):
    from tests.conftest import verified_client

    grant(runner, clinic)
    PracticeDetails.objects.create(user=runner, full_name="Anna de Loper")
    response = verified_client(other_physio).get(reverse("physio:patient", args=[runner.pk]))
    assert response.status_code == 404 and b"Anna de Loper" not in response.content


def test_the_programmes_decisions_read_for_a_clinician_with_the_runners_words_folded_below(
    runner, clinic, physio, physio_client
):
    _seed(runner, clinic, physio)
    grant(runner, clinic, "recovery", "pain")
    html = _page(physio_client, runner)
    recovery = html[html.index('id="recovery"') : html.index('id="notes"')]
    assert re.search(r"niveau \d → \d", recovery)
    for details in re.findall(r"<details>.*?</details>", recovery, flags=re.S):
        recovery = recovery.replace(details, "")
    assert " U liep " not in _text(recovery) and "Het programma verwees de loper door" in recovery
