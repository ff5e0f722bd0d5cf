"""The OpenAPI schema and the docs page: public, complete, and never loading anything from elsewhere."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_schema_is_public_and_lists_every_endpoint_with_its_security(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    assert set(paths) == {
        "/api/v1/activities",
        "/api/v1/daily-entries",
        "/api/v1/warnings",
        "/api/v1/weeks",
        "/api/v1/selfcheck",
        "/api/v1/imports",
    }
    assert paths["/api/v1/activities"]["post"]["security"] == [{"TokenAuth": []}]
    assert "security" not in paths["/api/v1/selfcheck"]["post"]
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    for operations in paths.values():
        for operation in operations.values():
            assert "429" in operation["responses"]


def test_the_selfcheck_body_is_described_from_the_core_field_catalogue(client):
    schema = client.get("/api/v1/openapi.json").json()
    body = schema["paths"]["/api/v1/selfcheck"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    assert body["properties"]["age"] == {
        "anyOf": [{"type": "integer", "minimum": 5, "maximum": 110}, {"type": "null"}],
        "description": "How old are you?",
    }
    assert body["properties"]["swelling"]["anyOf"][0]["enum"] == ["none", "slow", "fast"]


def test_the_docs_page_loads_only_files_from_this_server(client, settings):
    assert "ninja" in settings.INSTALLED_APPS  # its static files (Swagger) are served from here
    response = client.get(reverse("api_v1:openapi-view"))
    assert response.status_code == 200
    html = response.content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert addresses and all(a.startswith("/static/") for a in addresses), addresses
    assert "cdn" not in html.lower()
    assert "/api/v1/openapi.json" in html


def test_without_ninja_static_files_the_docs_page_is_absent_rather_than_borrowed(client, settings):
    settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app != "ninja"]
    assert client.get("/api/v1/docs").status_code == 404
