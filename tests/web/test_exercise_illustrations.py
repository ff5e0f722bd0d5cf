"""The exercise drawings (kniewijs/web/static/kniewijs/exercises/<key>.svg) and their place on the exercises page.

The drawings must survive a strict Content-Security-Policy and stay small: no scripts, no external
references, no inline styles, no text (labels come from the page), only the site's palette.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kniewijs.core.content.exercises import EXERCISE_BY_KEY

DRAWINGS = (
    Path(__file__).resolve().parents[2] / "src" / "kniewijs" / "web" / "static" / "kniewijs" / "exercises"
)
KEYS = tuple(EXERCISE_BY_KEY)
SVG = "{http://www.w3.org/2000/svg}"
MAX_BYTES = 4 * 1024
# --ink, --brand, --line and --wash of site.css
PALETTE = {"none", "#1b1f23", "#005a70", "#c9d1d8", "#f2f5f7"}


def drawing(key: str) -> ET.Element:
    return ET.parse(DRAWINGS / f"{key}.svg").getroot()


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class Images(HTMLParser):
    """Every <img> of a page with its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.images: list[dict[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append({name: value or "" for name, value in attrs})


def exercise_page_images(client: Client, lang: str) -> dict[str, dict[str, str]]:
    with translation.override(lang):
        path = reverse("pages:knowledge_section", args=["oefeningen"])
    response = client.get(path)
    assert response.status_code == 200
    by_key = {}
    for image in Images(response.content.decode()).images:
        name = image.get("src", "").rsplit("/", 1)[-1]
        if name.endswith(".svg"):
            by_key[name.removesuffix(".svg")] = image
    return by_key


@pytest.mark.parametrize("key", KEYS)
def test_every_exercise_has_a_drawing_that_parses_as_svg(key: str) -> None:
    root = drawing(key)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 240 160"


@pytest.mark.parametrize("key", KEYS)
def test_every_drawing_is_titled_with_the_english_name_of_its_exercise(key: str) -> None:
    title = drawing(key).find(f"{SVG}title")
    assert title is not None
    assert title.text == EXERCISE_BY_KEY[key].name.en


@pytest.mark.parametrize("key", KEYS)
def test_no_drawing_holds_a_script_a_style_or_text(key: str) -> None:
    for element in drawing(key).iter():
        assert local_name(element.tag) not in {"script", "style", "text", "foreignObject"}, element.tag
        assert "style" not in element.attrib, element.tag
        assert not [name for name in element.attrib if local_name(name).startswith("on")], element.tag


@pytest.mark.parametrize("key", KEYS)
def test_no_drawing_refers_to_anything_outside_itself(key: str) -> None:
    for element in drawing(key).iter():
        for name, value in element.attrib.items():
            if local_name(name) == "href":
                assert value.startswith("#"), value
            assert "://" not in value and "url(" not in value, (name, value)


@pytest.mark.parametrize("key", KEYS)
def test_every_drawing_paints_only_with_the_site_palette(key: str) -> None:
    for element in drawing(key).iter():
        for attribute in ("fill", "stroke"):
            value = element.get(attribute)
            assert value is None or value.lower() in PALETTE, (element.tag, attribute, value)


@pytest.mark.parametrize("key", KEYS)
def test_every_drawing_stays_under_four_kilobytes(key: str) -> None:
    assert (DRAWINGS / f"{key}.svg").stat().st_size < MAX_BYTES


def test_there_is_no_drawing_for_an_exercise_that_does_not_exist() -> None:
    assert {path.stem for path in DRAWINGS.glob("*.svg")} == set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_every_drawing_is_found_by_the_static_files_finders(key: str) -> None:
    assert finders.find(f"kniewijs/exercises/{key}.svg") == str(DRAWINGS / f"{key}.svg")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_exercises_page_shows_each_drawing_with_an_alt_text_naming_the_exercise(
    client: Client, lang: str
) -> None:
    images = exercise_page_images(client, lang)
    assert set(images) == set(KEYS)
    for key, image in images.items():
        name = getattr(EXERCISE_BY_KEY[key].name, lang)
        assert image["alt"].strip(), key
        assert name in image["alt"], (key, image["alt"])
        assert image["src"].endswith(f"kniewijs/exercises/{key}.svg")
        assert (image["width"], image["height"]) == ("240", "160")
        assert image["loading"] == "lazy"
