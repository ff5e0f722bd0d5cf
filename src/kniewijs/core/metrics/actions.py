"""The one thing to do about each warning, in plain words: rest, a shorter run, the knee check, the
physiotherapist or the GP. The training log shows it as the warning's button.

Each action repeats the advice the warning itself gives, from the warning's own source:
- pain (Silbernagel 2007): above 5/10 is too much, have a knee that keeps hurting checked; pain that has
  not settled by the morning means the next run must be shorter or easier; rising pain week on week asks
  for a closer look (the knee check, which points to the physio or GP when it should).
- a swollen knee (seed, NHG M107 "Niet-traumatische knieklachten"): rest, and see the GP when the swelling
  does not go down.
- single-run spikes (Frandsen 2025) and the 10% rule (seed): keep the next run or week shorter.
- the load ratio (Gabbett 2016), monotony (Foster 1998), no rest day, a raised resting heart rate and
  short nights (seed): rest, or an easy day.
- shoes (seed, Malisoux 2015): look at the shoes; cadence (Heiderscheit 2011): read how.
A warning without an entry here has no action of its own; the page then only links to its knowledge page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..text import T, Text
from .warning import Warning

ActionKind = Literal["rest", "shorter_run", "selfcheck", "physio", "gp", "shoes", "read"]
# The actions that send the runner to someone who can look at the knee.
CARE: frozenset[ActionKind] = frozenset({"selfcheck", "physio", "gp"})


@dataclass(frozen=True, slots=True)
class Action:
    kind: ActionKind
    step: Text  # the one thing to do, as a sentence
    label: Text  # the words on its button or link

    @property
    def is_care(self) -> bool:
        return self.kind in CARE


_REST = T("Lees hoe u rust neemt", "Read how to rest")
_SHORTER = T("Lees hoe u rustig opbouwt", "Read how to build up gently")

ACTIONS: dict[str, Action] = {
    "pain_too_much": Action(
        "physio",
        T(
            "Neem een paar dagen rust. Blijft de pijn, laat uw knie dan nakijken door een fysiotherapeut.",
            "Rest for a few days. If the pain stays, have your knee checked by a physiotherapist.",
        ),
        T("Maak een afspraak bij de fysiotherapeut", "Book the physiotherapist"),
    ),
    "knee_swelling": Action(
        "gp",
        T(
            "Stop met hardlopen tot de zwelling weg is. Is hij na een paar dagen niet gezakt, bel dan uw "
            "huisarts.",
            "Stop running until the swelling has gone. If it has not gone down after a few days, call your GP.",
        ),
        T("Wanneer naar de huisarts", "When to see your GP"),
    ),
    "pain_rising": Action(
        "selfcheck",
        T(
            "Doe de kniecheck: die zegt of u zelf verder kunt of beter iemand laat kijken.",
            "Take the knee check: it tells you whether you can carry on yourself or should have it seen.",
        ),
        T("Doe de kniecheck", "Take the knee check"),
    ),
    "pain_not_settled": Action(
        "shorter_run",
        T("Maak uw volgende loop korter en rustiger.", "Make your next run shorter and easier."),
        _SHORTER,
    ),
    "single_run_spike": Action(
        "shorter_run",
        T(
            "Houd uw volgende lange loop korter: hooguit 10% langer dan uw langste van de maand ervoor.",
            "Keep your next long run shorter: at most 10% longer than your longest of the month before.",
        ),
        _SHORTER,
    ),
    "ten_percent_rule": Action(
        "shorter_run",
        T(
            "Loop deze week niet verder dan vorige week, en bouw daarna rustig op.",
            "Run no further this week than last week, and build up gently after that.",
        ),
        _SHORTER,
    ),
    "acwr_danger": Action(
        "rest",
        T(
            "Doe de komende dagen rustig aan: een rustdag of een korte, rustige loop.",
            "Take the next few days easy: a rest day or a short, easy run.",
        ),
        _REST,
    ),
    "monotony_high": Action(
        "rest",
        T("Plan deze week een echte rustdag.", "Plan a real rest day this week."),
        _REST,
    ),
    "few_rest_days": Action(
        "rest",
        T("Neem morgen een rustdag.", "Take tomorrow off."),
        _REST,
    ),
    "resting_hr_raised": Action(
        "rest",
        T(
            "Doe het een paar dagen rustig aan en kijk of uw rusthartslag weer zakt.",
            "Take it easy for a few days and see whether your resting heart rate comes down.",
        ),
        _REST,
    ),
    "short_sleep": Action(
        "rest",
        T(
            "Slaap de komende nachten 7 tot 9 uur, en train minder zwaar tot dat lukt.",
            "Sleep 7 to 9 hours the next few nights, and train less hard until you do.",
        ),
        _REST,
    ),
    "low_cadence": Action(
        "read",
        T(
            "Loop weer met uw gewone, wat kleinere passen.",
            "Go back to your usual, slightly shorter steps.",
        ),
        T("Lees hoe dat gaat", "Read how"),
    ),
    "shoe_at_limit": Action(
        "shoes",
        T(
            "Kijk uw schoenen na en vervang ze als ze plat of scheef afgesleten zijn.",
            "Check your shoes and replace them if they feel flat or have worn unevenly.",
        ),
        T("Naar mijn schoenen", "To my shoes"),
    ),
    "shoe_near_limit": Action(
        "shoes",
        T("Koop alvast een nieuw paar en loop het in.", "Get a new pair and break it in."),
        T("Naar mijn schoenen", "To my shoes"),
    ),
    "shoe_rotation": Action(
        "shoes",
        T(
            "Overweeg een tweede paar om mee af te wisselen.",
            "Consider a second pair to take turns with.",
        ),
        T("Naar mijn schoenen", "To my shoes"),
    ),
}


def action_for(warning: Warning) -> Action | None:
    """The one action for a warning, by its code; None when it has none."""
    return ACTIONS.get(warning.code)
