"""Urgency levels, most urgent first, mapped onto the Dutch triage standard (NTS)."""

from __future__ import annotations

from enum import IntEnum

from .text import T, Text


class Level(IntEnum):
    """Higher value = more urgent, so max() picks the level that decides."""

    SELF_CARE = 0
    PHYSIO = 1
    GP = 2
    URGENT = 3
    EMERGENCY = 4

    @property
    def code(self) -> str:
        return self.name.lower()

    @property
    def title(self) -> Text:
        return LEVEL_TITLES[self]

    @property
    def action(self) -> Text:
        return LEVEL_ACTIONS[self]

    @classmethod
    def from_code(cls, code: str) -> Level:
        return cls[code.upper()]


LEVEL_TITLES: dict[Level, Text] = {
    Level.EMERGENCY: T("Bel nu 112", "Call 112 now"),
    Level.URGENT: T("Vandaag nog naar een arts", "See a doctor today"),
    Level.GP: T("Maak binnen een paar dagen een afspraak bij de huisarts", "See your GP within a few days"),
    Level.PHYSIO: T(
        "Laat uw knie nakijken door een fysiotherapeut", "Have a physiotherapist check your knee"
    ),
    Level.SELF_CARE: T("U kunt zelf aan de slag", "You can start with self-care"),
}

LEVEL_ACTIONS: dict[Level, Text] = {
    Level.EMERGENCY: T(
        "Wacht niet af. Bel 112 en vertel welke klachten u heeft: ze staan hieronder.",
        "Do not wait. Call 112 and tell them which complaints you have: they are listed below.",
    ),
    Level.URGENT: T(
        "Bel vandaag uw huisarts. Buiten kantoortijd belt u de huisartsenpost. "
        "Gaat het snel slechter of krijgt u het benauwd, bel dan 112.",
        "Call your GP today. Outside office hours, call the out-of-hours GP service. "
        "If it gets worse quickly or you become short of breath, call 112.",
    ),
    Level.GP: T(
        "Bel uw huisarts voor een afspraak in de komende dagen. Stop zolang met hardlopen.",
        "Call your GP for an appointment in the next few days. Stop running until then.",
    ),
    Level.PHYSIO: T(
        "Een fysiotherapeut kan uw knie onderzoeken, en ook uw heup, enkel en manier van lopen, want "
        "daar begint kniepijn vaak. In Nederland heeft u daarvoor geen verwijzing nodig.",
        "A physiotherapist can examine your knee, and also your hip, ankle and the way you run, because "
        "knee pain often starts there. In the Netherlands you do not need a referral for that.",
    ),
    Level.SELF_CARE: T(
        "Met het plan hieronder kunt u zelf herstellen. Houd de signalen in de gaten die zeggen wanneer u "
        "toch hulp moet zoeken.",
        "With the plan below you can recover on your own. Watch for the signs that tell you when to get help after all.",
    ),
}


# How to reach the GP today without a number on this page: we know no runner's GP, and a made-up or
# regional number would be wrong for most. Out of hours a GP practice's own line names the huisartsenpost
# or puts the caller through to it, and a huisartsenpost only sees people who called first.
SAME_DAY_HOW_TO_CALL: tuple[Text, ...] = (
    T(
        "Op werkdagen overdag belt u uw eigen huisarts. Het nummer staat op de website van uw "
        "huisartsenpraktijk.",
        "On weekdays during the day, call your own GP. The number is on your GP practice's website.",
    ),
    T(
        "'s Avonds, 's nachts, in het weekend en op feestdagen belt u de huisartsenpost. Belt u dan uw "
        "huisarts, dan hoort u het nummer van de huisartsenpost of wordt u doorverbonden.",
        "In the evening, at night, at weekends and on public holidays, call the out-of-hours GP service "
        "(huisartsenpost). If you call your GP then, you hear its number or are put through.",
    ),
    T(
        "Ga niet zonder te bellen naar de huisartsenpost of de spoedeisende hulp: aan de telefoon hoort u "
        "waar en wanneer u terechtkunt.",
        "Do not go to the out-of-hours GP service or the emergency department without calling: on the "
        "phone you hear where and when to come.",
    ),
)
