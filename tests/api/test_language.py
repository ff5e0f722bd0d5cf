"""The API's language comes from Accept-Language alone, by preference; Dutch when it names neither."""

import pytest

from kniewijs.api.language import accepted_language


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("", "nl"),
        ("en", "en"),
        ("en-GB,en;q=0.9", "en"),
        ("de, fr;q=0.8", "nl"),
        ("en;q=0.3, nl;q=0.8", "nl"),
        ("nl;q=0, en;q=0.1", "en"),
        ("en;q=abc, nl", "nl"),
    ],
)
def test_the_preferred_language_we_speak_wins(header, language):
    assert accepted_language(header) == language


def test_a_page_under_the_language_prefix_is_not_what_decides_the_api_language(client, db):
    """The site's middleware makes every unprefixed address Dutch; the API listens to the header instead."""
    response = client.post(
        "/api/v1/selfcheck", {}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.json()["language"] == "en" and response["Content-Language"] == "en"
