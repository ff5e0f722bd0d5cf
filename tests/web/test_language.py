"""Dutch by default, English selectable on every page, and the switch keeps the runner on the same page."""

import pytest
from django.urls import reverse

from kniewijs.pages.views import SLUGS

pytestmark = pytest.mark.django_db


def every_page():
    yield reverse("pages:home")
    yield reverse("pages:knowledge")
    yield reverse("pages:book")
    yield reverse("selfcheck:start")
    yield reverse("selfcheck:questions")
    yield reverse("selfcheck:example", args=["knieschijf"])
    for slug in SLUGS:
        yield reverse("pages:knowledge_section", args=[slug])


@pytest.mark.parametrize("url", list(every_page()))
def test_every_page_is_dutch_by_default_and_offers_english(client, url):
    html = client.get(url).content.decode()
    assert '<html lang="nl">' in html
    assert 'action="/taal/"' in html and 'name="language" value="en"' in html


@pytest.mark.parametrize("url", list(every_page()))
def test_every_page_has_an_english_version_that_offers_dutch(client, url):
    html = client.get("/en" + url).content.decode()
    assert '<html lang="en">' in html and 'name="language" value="nl"' in html
    assert 'action="/en/taal/"' in html


def test_switching_language_keeps_the_runner_on_the_same_page(client):
    response = client.post("/taal/", {"language": "en", "next": "/kennis/oorzaken/"})
    assert response.status_code == 302 and response["Location"] == "/en/kennis/oorzaken/"
    client.cookies.clear()  # someone who landed on an English link, without a language cookie
    response = client.post("/en/taal/", {"language": "nl", "next": "/en/kennis/oorzaken/"})
    assert response["Location"] == "/kennis/oorzaken/"


def test_the_dutch_catalogue_is_complete():
    import polib
    from django.conf import settings

    catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / "nl" / "LC_MESSAGES" / "django.po"))
    assert catalogue.percent_translated() == 100
    assert not [e for e in catalogue if "fuzzy" in e.flags]
