"""Walks every URL pattern (as the authorisation matrix does): CSRF is enforced on every state change, and
every page carries the security headers; pages with health data are never cached."""

from pathlib import Path

import pytest
from django.test import Client

from tests.clinic.test_authorization_matrix import ANONYMOUS, OWNER, _client, _path, _patterns, _world

SRC = Path(__file__).resolve().parents[2] / "src"
# Pages whose answers hold a runner's health data: the browser must not keep a copy.
HEALTH_DATA_NAMESPACES = ("training:", "recovery:", "physio:", "privacy:access_log", "privacy:export")


def test_no_view_switches_csrf_protection_off():
    offenders = [str(p) for p in SRC.rglob("*.py") if "csrf_exempt" in p.read_text(encoding="utf-8")]
    assert offenders == []


@pytest.mark.django_db
def test_every_post_without_a_csrf_token_is_refused(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world, users = _world()
    checked = 0
    for role in (OWNER, ANONYMOUS):
        client = _client(role, users)
        client.handler.enforce_csrf_checks = True
        for route, name in _patterns():
            path = _path(route, name, world)
            if path.startswith("/api/"):
                continue  # the API takes bearer tokens, never cookies: there is no session to ride on
            response = client.post(path, {"x": "1"})
            checked += 1
            assert response.status_code in (403, 404, 405), (
                f"POST {path} ({name}) as {role}: {response.status_code}"
            )
    assert checked > 100


@pytest.mark.django_db
def test_every_page_carries_the_security_headers_and_health_pages_are_not_cached(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world, users = _world()
    seen = 0
    for role in (OWNER, "consented_physio", ANONYMOUS):
        client: Client = _client(role, users)
        for route, name in _patterns():
            path = _path(route, name, world)
            response = client.get(path)
            if response.status_code != 200:
                continue
            seen += 1
            where = f"GET {path} ({name}) as {role}"
            if response.get("Content-Type", "").startswith("text/html"):
                assert "default-src 'self'" in response.get("Content-Security-Policy", ""), where
            assert response["X-Frame-Options"] == "DENY", where
            assert response["X-Content-Type-Options"] == "nosniff", where
            assert response.get("Referrer-Policy") == "same-origin", where
            if name.startswith(HEALTH_DATA_NAMESPACES) and role != ANONYMOUS:
                assert "no-store" in response.get("Cache-Control", ""), where
    assert seen > 60
