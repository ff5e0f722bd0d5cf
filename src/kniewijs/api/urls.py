"""The JSON API, mounted at /api/ outside the language prefix; version 1 lives under /api/v1/."""

from __future__ import annotations

from django.urls import path
from ninja import NinjaAPI

from . import errors
from .docs import LocalSwagger
from .endpoints import router

DESCRIPTION = """\
The runner's own training log and the knee self-check, for scripts and apps.

**Tokens.** Create a personal access token on your account page (Account → API tokens) and send it as
`Authorization: Bearer kw_…`. A *read* token can read; a *write* token can also push activities and daily
entries. A token only ever reaches its owner's data. Revoked or unknown tokens get 401.

**Limits.** 120 requests per minute per token (a sliding minute); past that the answer is 429 with
a `Retry-After` header in seconds. Uploads are capped at the server's upload limit (413 above it).

**Language.** Texts and error messages follow `Accept-Language` (`nl` or `en`); Dutch by default. Every
error has the shape `{"code", "message", "errors": [{"field", "message"}]}`.
"""

api = NinjaAPI(
    title="Kniewijs API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api_v1",
    openapi_url="/openapi.json",
    docs=LocalSwagger(),
    docs_url="/docs",
)
errors.install(api)
api.add_router("", router)

urlpatterns = [path("v1/", api.urls)]
