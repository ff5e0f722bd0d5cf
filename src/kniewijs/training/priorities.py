"""Which warnings the dashboard opens, and where each one's action leads: the one place that maps an
action (core.metrics.actions) to a page of the site.

A runner with a painful knee should not read eight warnings before the first chart: the most severe
three are open, the rest wait folded under a count. Care comes first within a severity, so a warning
that sends the runner to the physio or GP is never folded away behind one about shoes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import reverse

from kniewijs.core.metrics import Warning
from kniewijs.core.metrics.actions import Action, ActionKind, action_for
from kniewijs.core.metrics.warning import SEVERITY_ORDER

OPEN_WARNINGS = 3


@dataclass(frozen=True, slots=True)
class Card:
    warning: Warning
    action: Action | None
    url: str  # where the action's button leads (the warning's knowledge page without an action)

    @property
    def is_care(self) -> bool:
        return self.action is not None and self.action.is_care


def _knowledge(link: str) -> str:
    slug, _, anchor = link.partition("#")
    return reverse("pages:knowledge_section", args=[slug]) + (f"#{anchor}" if anchor else "")


def action_url(kind: ActionKind, warning: Warning) -> str:
    """The page an action's button opens."""
    if kind == "physio":
        return reverse("booking:start")
    if kind == "selfcheck":
        return reverse("selfcheck:start")
    if kind == "gp":
        return _knowledge("wanneer-naar-de-dokter#see-gp")
    if kind == "shoes":
        return reverse("training:shoes")
    if kind == "rest":
        return _knowledge("zelf-doen#rest")
    if kind == "shorter_run":
        return _knowledge("oorzaken#overload")
    return _knowledge(warning.link)


def cards(warnings: Sequence[Warning]) -> list[Card]:
    """Every warning with its action, most severe first; within a severity, care before the rest (the
    order of the core's checks otherwise, as sorted() keeps it)."""
    made = []
    for warning in warnings:
        action = action_for(warning)
        url = action_url(action.kind, warning) if action else _knowledge(warning.link)
        made.append(Card(warning, action, url))
    return sorted(made, key=lambda c: (SEVERITY_ORDER.index(c.warning.severity), not c.is_care))


def split(all_cards: list[Card]) -> tuple[list[Card], list[Card]]:
    """(open, folded): at most OPEN_WARNINGS open."""
    return all_cards[:OPEN_WARNINGS], all_cards[OPEN_WARNINGS:]
