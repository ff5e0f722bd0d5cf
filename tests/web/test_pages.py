"""The knowledge pages, the home page and the booking placeholder, through the Django test client.

Dutch pages have no prefix; English ones live under /en/ (i18n_patterns, prefix_default_language=False).
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kniewijs.core.content.knowledge import CAUSES, EVIDENCE, FIGURES, SECTION_LEADS, SECTION_TITLES
from kniewijs.core.sources import SOURCES

SLUGS = tuple(SECTION_TITLES)


class Page(HTMLParser):
    """The parts of a page the tests look at: the lang attribute, links, forms, inputs, tags and text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang: str | None = None
        self.links: list[dict[str, str]] = []
        self.forms: list[dict[str, str]] = []
        self.inputs: list[dict[str, str]] = []
        self.tags: list[str] = []
        self.summaries_in_details = 0
        self._open_details = 0
        self._text: list[str] = []
        self.feed(html)
        self.text = " ".join(" ".join(self._text).split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append(tag)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "a":
            self.links.append(attributes)
        elif tag == "form":
            self.forms.append(attributes)
        elif tag in ("input", "select", "textarea", "button"):
            self.inputs.append({"tag": tag, **attributes})
        elif tag == "details":
            self._open_details += 1
        elif tag == "summary" and self._open_details:
            self.summaries_in_details += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self._open_details -= 1

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def primary_actions(self) -> list[dict[str, str]]:
        """Links styled as the main button (class "button" without "secondary")."""
        return [
            link
            for link in self.links
            if "button" in link.get("class", "").split() and "secondary" not in link.get("class", "").split()
        ]


def url(name: str, lang: str, *args: str) -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def get(client: Client, path: str) -> Page:
    response = client.get(path)
    assert response.status_code == 200, path
    return Page(response.content.decode())


@pytest.mark.parametrize("slug", SLUGS)
def test_every_knowledge_page_opens_in_dutch_without_a_prefix(client: Client, slug: str) -> None:
    path = url("pages:knowledge_section", "nl", slug)
    assert not path.startswith("/en/")
    page = get(client, path)
    assert page.lang == "nl"
    assert SECTION_TITLES[slug].nl in page.text
    assert SECTION_LEADS[slug].nl in page.text
    assert SECTION_LEADS[slug].en not in page.text


@pytest.mark.parametrize("slug", SLUGS)
def test_every_knowledge_page_opens_in_english_under_the_en_prefix(client: Client, slug: str) -> None:
    path = url("pages:knowledge_section", "en", slug)
    assert path.startswith("/en/")
    page = get(client, path)
    assert page.lang == "en"
    assert SECTION_TITLES[slug].en in page.text
    assert SECTION_LEADS[slug].en in page.text
    assert SECTION_LEADS[slug].nl not in page.text


def test_an_unknown_topic_is_not_found(client: Client) -> None:
    assert client.get(url("pages:knowledge_section", "nl", "bestaat-niet")).status_code == 404
    assert client.get(url("pages:knowledge_section", "en", "bestaat-niet")).status_code == 404


def test_the_knowledge_index_links_to_every_topic(client: Client) -> None:
    page = get(client, url("pages:knowledge", "nl"))
    hrefs = {link.get("href") for link in page.links}
    for slug in SLUGS:
        assert url("pages:knowledge_section", "nl", slug) in hrefs


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_home_page_has_exactly_one_primary_action_and_it_starts_the_self_check(
    client: Client, lang: str
) -> None:
    page = get(client, url("pages:home", lang))
    primary = page.primary_actions()
    assert len(primary) == 1
    assert primary[0]["href"] == url("selfcheck:start", lang)
    assert not [i for i in page.inputs if "primary" in i.get("class", "").split()]


def test_the_home_page_shows_the_key_figures_as_an_infographic(client: Client) -> None:
    response = client.get(url("pages:home", "nl"))
    html = response.content.decode()
    assert '<ul class="figures">' in html
    page = Page(html)
    for figure in FIGURES:
        assert figure.value in page.text
        assert figure.caption.nl in page.text
    assert "100%" not in page.text


def test_the_home_page_links_to_every_topic(client: Client) -> None:
    page = get(client, url("pages:home", "en"))
    hrefs = {link.get("href") for link in page.links}
    assert {url("pages:knowledge_section", "en", slug) for slug in SLUGS} <= hrefs


def test_every_cause_card_opens_without_javascript(client: Client) -> None:
    page = get(client, url("pages:knowledge_section", "nl", "oorzaken"))
    assert page.tags.count("details") == len(CAUSES)
    assert page.summaries_in_details == len(CAUSES)
    assert "script" not in page.tags
    for cause in CAUSES:
        assert f"{cause.title.nl} {cause.summary.nl}" in page.text


def test_every_self_care_action_is_a_card_that_opens_by_keyboard(client: Client) -> None:
    page = get(client, url("pages:knowledge_section", "en", "zelf-doen"))
    assert page.tags.count("details") == 6
    assert page.summaries_in_details == 6
    assert "script" not in page.tags


def test_the_causes_show_what_research_says_next_to_the_clinic_advice(client: Client) -> None:
    page = get(client, url("pages:knowledge_section", "nl", "oorzaken"))
    assert "Wat het onderzoek zegt" in page.text or "What research says" in page.text
    assert SOURCES["buist_2008"].citation in page.text
    assert SOURCES["heiderscheit_2011"].citation in page.text


def test_the_evidence_page_shows_every_note_with_both_sides_and_sources(client: Client) -> None:
    response = client.get(url("pages:knowledge_section", "en", "bewijs"))
    html = response.content.decode()
    assert html.count('<aside class="evidence"') == len(EVIDENCE)
    text = Page(html).text
    for note in EVIDENCE:
        assert unescape(note.seed_says.en) in text
        assert unescape(note.evidence_says.en) in text
        assert unescape(note.what_we_do.en) in text
        for key in note.sources:
            assert SOURCES[key].citation in text


def test_the_doctor_page_offers_a_call_link_to_112(client: Client) -> None:
    page = get(client, url("pages:knowledge_section", "nl", "wanneer-naar-de-dokter"))
    assert any(link.get("href") == "tel:112" for link in page.links)
    assert "huisartsenpost" in page.text


@pytest.mark.django_db
def test_the_booking_page_leads_into_online_booking_and_books_nothing_itself(client: Client) -> None:
    from tests.conftest import make_clinic

    for lang in ("nl", "en"):
        page = get(client, url("pages:book", lang))
        assert [form.get("action") for form in page.forms] == [reverse("set_language")]
        assert not [i for i in page.inputs if i.get("type") in ("date", "datetime-local", "email", "tel")]
        assert url("selfcheck:start", lang) in {link.get("href") for link in page.links}
    english = get(client, url("pages:book", "en"))
    assert "phone your physiotherapy practice" in english.text  # no clinic takes online bookings yet
    make_clinic()
    english = get(client, url("pages:book", "en"))
    assert url("booking:start", "en") in {link.get("href") for link in english.links}
    assert "do not need a referral" in english.text


def test_one_evidence_include_renders_any_note_with_its_citations() -> None:
    from django.template.loader import render_to_string

    from kniewijs.core.content.knowledge import EVIDENCE_BY_KEY

    note = EVIDENCE_BY_KEY["call_112"]
    with translation.override("en"):
        html = render_to_string("pages/_evidence.html", {"note": note})
    text = Page(html).text
    assert html.count('<aside class="evidence"') == 1
    assert "What research says" in text
    assert all(SOURCES[key].citation in text for key in note.sources)
