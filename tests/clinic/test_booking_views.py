"""Booking through the web pages: start, times, details, done, the e-mail and the runner's own list.

Texts of our own go through the Dutch catalogue (`nl(...)`), so these tests hold before and after the
catalogue is filled; Dutch that comes from Django, the clinic or the FAQ is asserted literally.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from kniewijs.clinic import booking as service
from kniewijs.clinic.faq_defaults import add_default_faq
from kniewijs.clinic.models import Booking

from .test_booking_helpers import ANSWERS, at, booker, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")

DETAILS = {"name": "Anna Jansen", "email": "Anna@Example.nl", "phone": "06 12345678"}


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def html(response) -> str:
    return response.content.decode()


def details_url(clinic) -> str:
    return reverse("booking:details", args=[clinic.slug])


def choose(client, clinic, start, **extra):
    return client.post(
        details_url(clinic), {"soort": knee_check(clinic).pk, "slot": start.isoformat(), **extra}
    )


def confirm(client, clinic, start, **extra):
    data = DETAILS | {"confirm": "1"} | extra
    return choose(client, clinic, start, **data)


def calendar_in(message):
    for part in message.message().walk():
        if part.get_content_type() == "text/calendar":
            return Calendar.from_ical(part.get_payload(decode=True)), part.get_param("method")
    raise AssertionError("no calendar attached")


def test_the_start_page_shows_the_only_clinic_with_its_faq_address_phone_and_hours(client, clinic, physio):
    add_default_faq(clinic)
    response = client.get(reverse("booking:start"))
    page = html(response)
    assert response.status_code == 200
    assert "Heb ik een verwijzing van de huisarts nodig?" in page and "directe toegankelijkheid" in page
    assert "Loopbaan 1, 3500 AA Utrecht" in page and 'href="tel:0301234567"' in page
    assert "vrijdag: 09:00 tot 16:40" in page  # the physio's hours 9-17, less the 20-minute knee check
    assert "Gratis kniecheck" in page and "Behandeling" in page
    assert f'value="{knee_check(clinic).pk}" checked' in page  # the knee check is the default type


def test_with_several_clinics_the_runner_chooses_one_first(client, clinic, other_clinic, physio):
    page = html(client.get(reverse("booking:start")))
    assert reverse("booking:clinic", args=[clinic.slug]) in page
    assert reverse("booking:clinic", args=[other_clinic.slug]) in page
    assert client.get(reverse("booking:clinic", args=[clinic.slug])).status_code == 200
    other_clinic.active = False
    other_clinic.save()
    assert client.get(reverse("booking:clinic", args=[other_clinic.slug])).status_code == 404


def test_the_times_page_lists_the_next_six_and_the_week_in_dutch(client, clinic, physio):
    response = client.get(reverse("booking:slots", args=[clinic.slug]), {"soort": knee_check(clinic).pk})
    page = html(response)
    assert response.status_code == 200
    assert len(response.context["next_offers"]) == 6
    assert "maandag 2 juni" in page and "vrijdag 6 juni" in page  # Dutch day names, local dates
    assert f'value="{at(2, 9).isoformat()}"' in page
    assert ">09:00<" in page and ">16:40<" in page  # local wall-clock times
    assert response.context["next_url"].endswith("week=2025-06-09") and response.context["previous_url"] == ""
    assert response["Cache-Control"] == "no-store"
    week_later = client.get(response.context["next_url"])
    assert "maandag 9 juni" in html(week_later) and week_later.context["previous_url"]


def test_a_week_with_no_hours_says_so(client, clinic, physio):
    response = client.get(
        reverse("booking:slots", args=[clinic.slug]), {"soort": knee_check(clinic).pk, "week": "2025-06-30"}
    )
    assert response.context["week"].monday == date(2025, 6, 30)
    response = client.get(reverse("booking:slots", args=[clinic.slug]), {"week": "niet-een-datum"})
    assert response.status_code == 200 and response.context["week"].monday == date(2025, 6, 2)


def test_the_whole_flow_books_mails_an_invitation_and_shows_the_summary(client, clinic, physio):
    chosen = choose(client, clinic, at(3, 10))
    assert chosen.status_code == 200 and "send_report" not in chosen.context["form"].fields
    assert "dinsdag 3 juni 2025, 10:00" in html(chosen)
    response = confirm(client, clinic, at(3, 10))
    booking = Booking.objects.get()
    assert response.status_code == 302 and response["Location"].startswith("/afspraak/bevestigd/")
    assert (booking.starts_at, booking.therapist, booking.email) == (
        at(3, 10),
        physio.therapist,
        "anna@example.nl",
    )
    assert booking.language == "nl" and booking.runner is None and booking.selfcheck_answers is None

    done = client.get(response["Location"])
    page = html(done)
    assert done.status_code == 200 and "dinsdag 3 juni 2025, 10:00" in page and "Femke de Vries" in page
    assert done.context["ics_url"] in page and done.context["manage_url"] in page

    (message,) = mail.outbox
    assert message.to == ["anna@example.nl"]
    assert "http://testserver/afspraak/beheer/" in message.body and "030 123 45 67" in message.body
    calendar, method = calendar_in(message)
    event = next(iter(calendar.walk("VEVENT")))
    assert method == "REQUEST" and str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == f"booking-{booking.public_id}@kniewijs" and int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == at(3, 10)

    download = client.get(done.context["ics_url"])
    assert download["Content-Type"] == "text/calendar" and b"BEGIN:VCALENDAR" in download.content
    assert 'filename="afspraak.ics"' in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "   "), ("email", "geen-adres"), ("phone", "bel me"), ("phone", "123"), ("email", "")],
)
def test_wrong_details_are_shown_again_and_book_nothing(client, clinic, physio, field, value):
    response = confirm(client, clinic, at(3, 10), **{field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert nl("Please check what you entered") in html(response)
    assert not Booking.objects.exists() and mail.outbox == []


def test_a_missing_or_unreadable_time_goes_back_to_the_times(client, clinic, physio):
    for slot in ("", "morgen", "2025-06-03T10:00:00"):  # the last one has no offset
        response = client.post(details_url(clinic), {"soort": knee_check(clinic).pk, "slot": slot})
        assert response.status_code == 400 and response.context["message"] == nl(
            "Please choose a time first."
        )


def test_a_time_taken_meanwhile_shows_the_times_again_with_the_details_kept(client, clinic, physio):
    choose(client, clinic, at(3, 10))
    service.book(clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(3, 10), booker=booker())
    response = confirm(client, clinic, at(3, 10))
    page = html(response)
    assert response.status_code == 409
    assert nl("Sorry, this time was just taken by someone else. Please choose another time.") in page
    assert 'name="name" value="Anna Jansen"' in page and 'name="phone" value="06 12345678"' in page
    assert at(3, 10) not in [offer.start for day in response.context["week"].days for offer in day.offers]
    again = choose(client, clinic, at(3, 10, 20), **{k: v for k, v in DETAILS.items()})
    assert again.context["form"].initial["name"] == "Anna Jansen"
    assert Booking.objects.count() == 1


def test_choosing_a_time_that_is_already_gone_says_so_before_the_details(client, clinic, physio):
    service.book(clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(3, 10), booker=booker())
    assert choose(client, clinic, at(3, 10)).status_code == 409


def carried(client, clinic, state):
    """Posting the self-check from its result page, through to the details form."""
    start = client.post(reverse("booking:start"), {"state": state})
    assert start.status_code == 200
    return choose(client, clinic, at(3, 10), state=start.context["carry"].state)


def test_the_self_check_comes_along_but_is_stored_only_when_the_box_is_ticked(client, clinic, physio):
    state = json.dumps(ANSWERS)
    start_page = html(client.post(reverse("booking:start"), {"state": state}))
    assert 'name="state"' in start_page and 'method="post"' in start_page
    details = carried(client, clinic, state)
    form = details.context["form"]
    assert "send_report" in form.fields and not form.initial.get("send_report")
    assert (
        'type="checkbox" name="send_report"' in html(details)
        and "checked" not in html(details).split('name="send_report"')[1].split(">")[0]
    )
    confirm(client, clinic, at(3, 10), state=json.dumps(ANSWERS, sort_keys=True))
    without = Booking.objects.get()
    assert without.selfcheck_answers is None and without.report_consent_at is None

    confirm(client, clinic, at(3, 10, 20), state=json.dumps(ANSWERS, sort_keys=True), send_report="on")
    with_report = Booking.objects.get(starts_at=at(3, 10, 20))
    assert with_report.selfcheck_answers == ANSWERS and with_report.report_consent_at is not None


@pytest.mark.parametrize("state", ["{niet json", json.dumps({"age": 400}), json.dumps(["age"]), "x" * 9000])
def test_an_unreadable_self_check_is_dropped_with_a_note_and_booking_goes_on(client, clinic, physio, state):
    response = client.post(reverse("booking:start"), {"state": state})
    assert response.status_code == 200 and response.context["carry"].state == ""
    note = nl("Your self-check answers could not be read, so they do not come along. You can still book.")
    assert note in html(response)
    response = confirm(client, clinic, at(3, 10), state=state, send_report="on")
    assert response.status_code == 302 and Booking.objects.get().selfcheck_answers is None


def test_a_logged_in_runner_gets_their_details_filled_in_and_the_booking_linked(
    client, runner, clinic, physio
):
    runner.first_name, runner.last_name = "Anna", "Jansen"
    runner.save()
    client.force_login(runner)
    details = choose(client, clinic, at(3, 10))
    assert details.context["form"].initial["name"] == "Anna Jansen"
    assert details.context["form"].initial["email"] == "anna@example.nl"
    confirm(client, clinic, at(3, 10))
    assert Booking.objects.get().runner == runner


def test_a_runner_with_a_recovery_programme_may_attach_its_self_check(client, runner, clinic, physio):
    from kniewijs.recovery.models import Programme

    Programme.objects.create(user=runner, started_on=date(2025, 5, 20), severity="light", answers=ANSWERS)
    client.force_login(runner)
    details = choose(client, clinic, at(3, 10))
    assert "send_report" in details.context["form"].fields
    confirm(client, clinic, at(3, 10), send_report="on")
    assert Booking.objects.get().selfcheck_answers == ANSWERS


def test_booking_in_english_gives_english_pages_and_mail(client, clinic, physio):
    start = client.get("/en/afspraak/")
    assert '<html lang="en">' in html(start) and "Book an appointment at Fysio Centrum" in html(start)
    assert "Free knee check" in html(start)
    times = client.get(f"/en/afspraak/{clinic.slug}/tijden/")
    assert "Monday 2 June" in html(times)
    response = client.post(
        f"/en/afspraak/{clinic.slug}/gegevens/",
        {"soort": knee_check(clinic).pk, "slot": at(3, 10).isoformat(), "confirm": "1", **DETAILS},
    )
    assert response["Location"].startswith("/en/afspraak/bevestigd/")
    assert Booking.objects.get().language == "en"
    assert "Your appointment is booked" in html(client.get(response["Location"]))
    (message,) = mail.outbox
    assert (
        message.subject.startswith("Booked: Free knee check") and "Tuesday 3 June 2025, 10:00" in message.body
    )
    assert "http://testserver/en/afspraak/beheer/" in message.body


def test_a_failing_mail_server_does_not_undo_the_booking(client, clinic, physio, monkeypatch):
    from kniewijs.clinic import emails

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("down")

    monkeypatch.setattr(emails, "send", broken)
    response = confirm(client, clinic, at(3, 10))
    assert Booking.objects.count() == 1
    done = client.get(response["Location"])
    assert nl("We could not send the e-mail. Please note the details on this page.") in html(done)


def test_my_appointments_needs_a_login_and_shows_only_my_own(client, runner, second_runner, clinic, physio):
    assert client.get(reverse("booking:mine")).status_code == 302
    mine = service.book(
        clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker(runner=runner)
    )
    earlier = service.book(
        clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(5, 10), booker=booker(runner=runner)
    )
    service.cancel(earlier)
    service.book(
        clinic=clinic,
        appointment_type=knee_check(clinic),
        starts_at=at(4, 11),
        booker=booker(runner=second_runner, name="Bram de Boer"),
    )
    client.force_login(runner)
    response = client.get(reverse("booking:mine"))
    page = html(response)
    assert [e["booking"] for e in response.context["upcoming"]] == [mine]
    assert [e["booking"] for e in response.context["past"]] == [earlier]
    assert response.context["upcoming"][0]["manage_url"] in page
    assert "woensdag 4 juni" in page and "Bram" not in page
    other = Client()
    other.force_login(second_runner)
    assert [e["booking"].name for e in other.get(reverse("booking:mine")).context["upcoming"]] == [
        "Bram de Boer"
    ]
