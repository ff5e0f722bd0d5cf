from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kniewijs.core.content.knowledge import DISCLAIMER


def site(request: HttpRequest) -> dict[str, Any]:
    return {"disclaimer": DISCLAIMER}
