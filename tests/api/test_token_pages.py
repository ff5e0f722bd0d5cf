"""The runner's token pages: list, create (the secret shown once) and revoke, each runner only their own."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kniewijs.api.models import ApiToken, hash_secret

from .conftest import bearer

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.urls")]


def create(client, name="Hardloophorloge", scope="read"):
    return client.post(reverse("api_tokens:create"), {"name": name, "scope": scope})


def secret_on(response) -> str:
    import re

    [secret] = re.findall(r"kw_[A-Za-z0-9_-]{40,}", response.content.decode())
    return secret


def test_the_pages_need_a_login(client, db):
    for name in ("api_tokens:list", "api_tokens:create"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_an_empty_list_invites_to_create_one(runner_client):
    response = runner_client.get(reverse("api_tokens:list"))
    assert response.status_code == 200
    assert reverse("api_tokens:create") in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_creating_a_token_shows_the_secret_once_and_stores_only_its_hash(runner_client, runner):
    response = create(runner_client, scope="write")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    secret = secret_on(response)
    token = ApiToken.objects.get(owner=runner)
    assert (token.name, token.scope, token.token_hash) == ("Hardloophorloge", "write", hash_secret(secret))
    assert secret not in runner_client.get(reverse("api_tokens:list")).content.decode()
    assert token.shown_prefix in runner_client.get(reverse("api_tokens:list")).content.decode()


def test_the_created_secret_works_on_the_api(runner_client, runner):
    secret = secret_on(create(runner_client))
    assert Client().get("/api/v1/weeks", **bearer(secret)).status_code == 200


def test_a_token_needs_a_name_and_a_known_scope(runner_client, runner):
    response = runner_client.post(reverse("api_tokens:create"), {"name": "", "scope": "admin"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_runner_has_at_most_twenty_active_tokens(runner_client, runner):
    for n in range(20):
        ApiToken.issue(runner, f"t{n}", "read")
    response = create(runner_client)
    assert "error-summary" in response.content.decode()
    assert ApiToken.objects.filter(owner=runner).count() == 20


def test_revoking_asks_first_and_then_the_token_gets_401(runner_client, runner):
    secret = secret_on(create(runner_client))
    token = ApiToken.objects.get(owner=runner)
    url = reverse("api_tokens:revoke", args=[token.pk])
    confirm = runner_client.get(url)
    assert confirm.status_code == 200 and "Hardloophorloge" in confirm.content.decode()
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
    response = runner_client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("api_tokens:list")
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert Client().get("/api/v1/weeks", **bearer(secret)).status_code == 401


def test_another_runner_can_neither_see_nor_revoke_a_token(runner, second_runner):
    token, _secret = ApiToken.issue(runner, "Anna's app", "write")
    bram = Client()
    bram.force_login(second_runner)
    assert "Anna&#x27;s app" not in bram.get(reverse("api_tokens:list")).content.decode()
    url = reverse("api_tokens:revoke", args=[token.pk])
    assert bram.get(url).status_code == 404
    assert bram.post(url).status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_a_revoked_token_cannot_be_revoked_again(runner_client, runner):
    create(runner_client)
    token = ApiToken.objects.get(owner=runner)
    url = reverse("api_tokens:revoke", args=[token.pk])
    runner_client.post(url)
    assert runner_client.post(url).status_code == 404


def test_the_pages_exist_in_english_too(runner_client):
    response = runner_client.get("/en/account/api/")
    assert response.status_code == 200
    assert "API tokens" in response.content.decode()
