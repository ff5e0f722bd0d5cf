"""axe-core from the npm registry (tests/browser/axe, installed by `make test` with `npm ci`), evaluated in the
page through the DevTools protocol: the site's Content-Security-Policy needs no exception, and no page ever
fetches it. In CI a missing axe-core is a failure, not a skip."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

AXE_JS = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


@cache
def axe_source() -> str:
    if not AXE_JS.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE_JS} is missing: `make test` installs it with npm ci")
        pytest.skip("axe-core is not installed (npm ci --prefix tests/browser/axe)")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """axe's serious and critical violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> list[tuple[str, str, list]]:
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in violations]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, describe(violations)


def page_width(page) -> int:
    """How wide the page is drawn: wider than the window means the runner scrolls sideways."""
    return int(page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"))
