"""A booking made without an account stays with the clinic (issue #13, M3; docs/clinic.md).

Before: sign-up did not prove the address, and the new account's access log and export showed the physio's
reads of an earlier anonymous booking's self-check made with that address. Now no account exists before its
address is proven, and such a booking is never attached to the account made afterwards.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from kniewijs.audit.log import email_pseudonym, record

from ..conftest import make_booking

pytestmark = pytest.mark.django_db

GUEST = "gast.loper@example.nl"
PASSWORD = "knie-herstel-2024!"


@pytest.fixture(autouse=True)
def _mail_inline(settings):
    settings.KNIEWIJS_JOBS_INLINE = True


@pytest.fixture
def guest_booking_read(clinic, physio):
    """Someone booked with GUEST and no account, sending their self-check; the physio read it."""
    booking = make_booking(clinic, physio, None, {"injury": False, "pain_now": 6}, email=GUEST)
    record(
        actor=physio,
        role="physio",
        subject=email_pseudonym(GUEST),
        category="selfcheck",
        action="read",
        clinic=clinic,
        basis=f"consent box of booking {booking.pk}",
        detail=f"/praktijk/afspraak/{booking.pk}/",
    )
    return booking


def confirm(client: Client, email: str) -> None:
    client.post(reverse("accounts:signup"), {"email": email})
    link = re.search(r"https?://testserver(/\S+/bevestigen/\S+/)", mail.outbox[-1].body).group(1)
    assert client.post(link, {"password": PASSWORD}).status_code == 302


def test_signing_up_with_someone_else_s_address_gives_no_account_and_no_access_log(guest_booking_read):
    stranger = Client()
    response = stranger.post(reverse("accounts:signup"), {"email": GUEST})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:signup_sent")
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username=GUEST).exists()
    log = stranger.get(reverse("privacy:access_log"))
    assert log.status_code == 302 and log["Location"].startswith(reverse("accounts:login"))
    [message] = mail.outbox
    assert message.to == [GUEST]  # the link goes to the mailbox, not to whoever typed the address


def test_the_booking_is_not_attached_to_the_account_made_later_with_its_address(guest_booking_read):
    owner = Client()
    confirm(owner, GUEST)
    guest_booking_read.refresh_from_db()
    assert guest_booking_read.runner_id is None
    mine = owner.get(reverse("booking:mine"))
    assert mine.status_code == 200 and not (mine.context["upcoming"] or mine.context["past"])


def test_the_new_account_s_access_log_does_not_show_the_physio_s_reads_of_that_booking(guest_booking_read):
    owner = Client()
    confirm(owner, GUEST)
    page = owner.get(reverse("privacy:access_log"))
    assert page.status_code == 200
    assert list(page.context["entries"]) == []
    assert "/praktijk/afspraak/" not in page.content.decode()
