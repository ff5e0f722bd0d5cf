"""A runner who has booked the knee check sees that appointment where the site would otherwise offer to book
one: on the programme's next step, on the log's warning that sends them to the physio, and on a self-check
result. Once the appointment is cancelled, the booking button is back."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from kniewijs.clinic.booking import upcoming_of

pytestmark = pytest.mark.django_db

BOOK = reverse("booking:start")
MINE = reverse("booking:mine")


class _Null:
    def write(self, *_args, **_kwargs):
        return None

    def flush(self):
        return None


@pytest.fixture
def demo_runner(client, settings, tmp_path):
    """The demo runner of `make run`: a programme that asks for the physio, pain warnings, and the knee
    check booked for the next working morning."""
    from kniewijs.training.demo import DEMO_EMAIL

    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", stdout=_Null())
    runner = get_user_model().objects.get(email=DEMO_EMAIL)
    client.force_login(runner)
    return runner


def main_of(client, url: str) -> str:
    html = client.get(url).content.decode()
    return html[html.index("<main") : html.index("</main>")]


def next_step(main: str) -> str:
    start = main.index('class="next-step')
    return main[start : main.index("</section>", start)]


def test_the_programme_shows_the_booked_appointment_instead_of_a_booking_button(client, demo_runner):
    booked = upcoming_of(demo_runner).first()
    assert booked is not None
    box = next_step(main_of(client, reverse("recovery:programme")))
    assert "U heeft al een afspraak:" in box and booked.clinic.name in box
    assert f'href="{MINE}"' in box and f'href="{BOOK}"' not in box


def test_the_warning_that_sends_the_runner_to_the_physio_shows_the_appointment(client, demo_runner):
    main = main_of(client, reverse("training:dashboard"))
    too_much = next(
        s for s in re.findall(r'<section class="warning.*?</section>', main, re.S) if "Te veel kniepijn" in s
    )
    assert "U heeft al een afspraak:" in too_much and f'href="{MINE}"' in too_much
    assert f'href="{BOOK}"' not in too_much


def test_a_physio_result_for_a_runner_with_an_appointment_offers_no_second_booking(client, demo_runner):
    box = next_step(main_of(client, reverse("selfcheck:example", args=["knieschijf"])))
    assert "U heeft al een afspraak:" in box and "data-next-action" in box
    assert f'action="{BOOK}"' not in box and "data-booking" not in box


def test_once_the_appointment_is_cancelled_the_booking_buttons_come_back(client, demo_runner):
    from kniewijs.clinic.booking import cancel_all_of

    cancel_all_of(demo_runner)
    assert f'href="{BOOK}"' in next_step(main_of(client, reverse("recovery:programme")))
    result = next_step(main_of(client, reverse("selfcheck:example", args=["knieschijf"])))
    assert f'action="{BOOK}"' in result and "U heeft al een afspraak" not in result


def test_a_visitor_is_never_told_about_an_appointment(client, demo_runner):
    client.logout()
    box = next_step(main_of(client, reverse("selfcheck:example", args=["knieschijf"])))
    assert "U heeft al een afspraak" not in box and f'action="{BOOK}"' in box
