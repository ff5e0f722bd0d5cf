"""The API's documentation page, served from this server only.

ninja's own Swagger page falls back to a CDN when "ninja" is not in INSTALLED_APPS; this one never does:
it always renders our copy of the page, whose script and style files come from ninja's static folder
through our own static files. Without "ninja" in INSTALLED_APPS those files are not there, and the page
answers 404 rather than a page that cannot work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI


class LocalSwagger(DocsBase):
    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        if not apps.is_installed("ninja"):
            raise Http404("the API documentation needs ninja's static files")  # never a CDN instead
        settings = {"url": self.get_openapi_url(api, kwargs), "layout": "BaseLayout", "deepLinking": True}
        return render(request, "api/docs.html", {"api": api, "swagger_settings": settings})
