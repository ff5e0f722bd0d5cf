"""Every privacy page but the goodbye page needs a login; anonymous visitors are sent to it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = ["privacy:consent", "privacy:access_log", "privacy:export", "privacy:erase", "privacy:zones"]
LOGIN = reverse("accounts:login")


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, name, prefix, method):
    url = prefix + reverse(name)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}{LOGIN}?next={url}"


@pytest.mark.parametrize("name", PAGES)
def test_every_page_opens_for_a_logged_in_runner_in_dutch_and_english(runner_client, name):
    dutch = runner_client.get(reverse(name))
    english = runner_client.get("/en" + reverse(name))
    assert dutch.status_code == english.status_code == 200
    assert '<html lang="nl">' in dutch.content.decode() and '<html lang="en">' in english.content.decode()


def test_the_account_page_links_to_every_privacy_page(runner_client):
    html = runner_client.get(reverse("accounts:account")).content.decode()
    for name in PAGES:
        assert f'href="{reverse(name)}"' in html
