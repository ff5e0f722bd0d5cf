"""Walk every page a role can reach by following links, and read a page's text the way a runner reads it.

Shared by the plain-Dutch test (Django's test client, runs everywhere) and the phone walk in Chromium. One URL
per route is enough (one activity stands for all 200), except where the route's slug picks different content
(each knowledge page, each example result)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.urls import Resolver404, resolve

# Not pages a runner reads: downloads, feeds, the admin, the API, leaving, and pages that act on a GET-free POST.
SKIP_PATH = re.compile(
    r"(\.pdf|\.ics|\.zip|\.json|\.gpx|\.fit)$|^/(en/)?(beheer|api|static|media)/|/uitloggen/|/taal/|/healthz"
)
SKIP_ROUTES = {"privacy:export_download", "set_language", "accounts:logout"}
# The content differs per value of these arguments: each one is its own page.
CONTENT_KWARGS = ("slug", "key")


def route_key(path: str) -> str | None:
    """The route a path belongs to ('training:activity'), with the slug where the slug picks the content."""
    if path.startswith("/en/"):  # the English prefix is a language, not a page
        path = path[3:]
    try:
        match = resolve(path)
    except Resolver404:
        return None
    name = match.view_name
    extra = [f"{k}={match.kwargs[k]}" for k in CONTENT_KWARGS if k in match.kwargs]
    return name + (f"[{','.join(extra)}]" if extra else "")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def same_site_paths(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    out = []
    for href in parser.links:
        href, _fragment = urldefrag(href)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


@dataclass
class Visited:
    path: str
    key: str
    html: str


# fetch(path) -> (status, content type, html, the path after redirects)
Fetch = Callable[[str], tuple[int, str, str, str]]


def walk(fetch: Fetch, seeds: list[str], *, limit: int = 120) -> Iterator[Visited]:
    """Breadth first from the seeds; each route once; only HTML pages answered 200."""
    queue = list(seeds)
    seen_paths: set[str] = set()
    seen_keys: set[str] = set()
    while queue and len(seen_keys) < limit:
        path = queue.pop(0)
        if path in seen_paths or SKIP_PATH.search(urlsplit(path).path):
            continue
        seen_paths.add(path)
        key = route_key(urlsplit(path).path)
        if key is None or key in seen_keys or key.split("[")[0] in SKIP_ROUTES:
            continue
        status, content_type, html, final = fetch(path)
        final_key = route_key(urlsplit(final).path) or key
        if status != 200 or "html" not in content_type:
            continue
        seen_keys.add(key)
        if final_key != key:
            if final_key in seen_keys:
                continue
            seen_keys.add(final_key)
        yield Visited(final, final_key, html)
        queue.extend(p for p in same_site_paths(html) if p not in seen_paths)


# ---- what a runner reads -------------------------------------------------------------------------------

_SKIP_TEXT_TAGS = {"script", "style", "cite", "code", "pre", "template", "title", "head"}
_VOID = {"br", "img", "input", "meta", "link", "hr", "source", "area", "col", "wbr", "embed", "track", "base"}


class _Text(HTMLParser):
    """Visible text outside citations and code, and outside anything marked as another language."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._stack: list[bool] = []  # per open element: does it hide its text?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        attributes = dict(attrs)
        other_language = (attributes.get("lang") or "nl").split("-")[0] not in ("nl", "")
        hidden = tag in _SKIP_TEXT_TAGS or other_language or "hidden" in attributes
        self._stack.append(hidden or (bool(self._stack) and self._stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self._stack and self._stack[-1]):
            self.parts.append(data)


def readable_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


# Jargon no runner should need to know, on any page a runner or a visitor sees.
RUNNER_JARGON = {
    "ACWR": r"\bACWR\b",
    "RR (relative risk)": r"\bRR\b",
    "HR (heart rate or hazard ratio)": r"\bHR\b",
    "urgency codes U0-U5": r"\bU[0-5]\b",
    "praktijkpagina": r"praktijkpagina",
    "Belastingsverhouding": r"[Bb]elastingsverhouding",
    "kort : lang": r"kort\s*:\s*lang",
    "de rest van de keten": r"rest van de keten",
    "Eerst hulp": r"Eerst hulp",
}
# English on a Dutch page, the informal "je", and month names written the English way.
NOT_DUTCH = {
    "English words": r"(?i)\b(?:the|and|your|you|with|please|shoes?|warnings?|guideline|levels|which|should)\b",
    "je/jij/jouw": r"\b(?:[Jj]e|[Jj]ij|[Jj]ouw|[Jj]ou)\b",
    "capitalised month": r"\b\d{1,2} (?:Jan|Feb|Mrt|Mar|Apr|Mei|May|Jun|Jul|Aug|Sep|Okt|Oct|Nov|Dec)\b",
}


def plain_dutch_problems(html: str, *, runner_facing: bool) -> list[str]:
    """What a Dutch reader would stumble over on this page: each problem with the words around it."""
    text = readable_text(html)
    rules = dict(NOT_DUTCH)
    if runner_facing:
        rules.update(RUNNER_JARGON)
    problems = []
    for name, pattern in rules.items():
        for match in re.finditer(pattern, text):
            around = text[max(0, match.start() - 40) : match.end() + 40]
            problems.append(f"{name}: …{around}…")
    return problems
