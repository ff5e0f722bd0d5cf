"""Urgency rules of the self-check. Every rule is a small function whose docstring names its source.

The level is decided by the most urgent rule that fires; red flags always win because a rule can only
raise the level, never lower it. All rules only test for the presence of a sign, so adding a sign can
never take a reason away (a property the tests check).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .answers import Answers
from .levels import Level
from .load import PainZone, pain_zone
from .text import T, Text


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    level: Level
    text: Text
    source: str  # a key of core.sources.SOURCES


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    level: Level
    source: str
    test: Callable[[Answers], Text | None]

    def __call__(self, answers: Answers) -> Reason | None:
        text = self.test(answers)
        return None if text is None else Reason(self.code, self.level, text, self.source)


RULES: list[Rule] = []


def rule(level: Level, source: str) -> Callable[[Callable[[Answers], Text | None]], Rule]:
    def register(fn: Callable[[Answers], Text | None]) -> Rule:
        r = Rule(fn.__name__, level, source, fn)
        RULES.append(r)
        return r

    return register


def recent(a: Answers, weeks: float) -> bool:
    """Unknown duration counts as recent: when in doubt, the safer reading."""
    return a.weeks is None or a.weeks <= weeks


# --- 112 -------------------------------------------------------------------------------------------


@rule(Level.EMERGENCY, "seed")
def pop_with_loss_of_function(a: Answers) -> Text | None:
    """Seed: call 112 for sudden severe pain or an audible pop together with immediate loss of function."""
    lost = a.lost_function is True or a.can_take_4_steps is False
    if (a.pop or a.sudden_severe_pain) and lost:
        return T(
            "U hoorde of voelde een knap of kreeg plotseling hevige pijn, en kon daarna niet verder.",
            "You heard or felt a pop or had sudden severe pain, and could not go on afterwards.",
        )
    return None


@rule(Level.EMERGENCY, "wells_dvt")
def breathless_or_chest_pain(a: Answers) -> Text | None:
    """Wells/NTS: breathlessness or chest pain, above all with a swollen calf, can mean a clot in the lungs."""
    if a.breathless_or_chest_pain:
        return T(
            "Kortademigheid of pijn op de borst kan wijzen op een bloedstolsel in de longen.",
            "Shortness of breath or chest pain can point to a blood clot in the lungs.",
        )
    return None


# --- same day --------------------------------------------------------------------------------------


@rule(Level.URGENT, "bsr_hot_joint")
def hot_swollen_knee(a: Answers) -> Text | None:
    """BSR/BOA hot swollen joint guideline (Coakley 2006): a warm, swollen knee that arose within two weeks
    is an infected joint until proven otherwise, with or without fever."""
    if a.warm and a.swollen and recent(a, 2):
        return T(
            "Een knie die binnen twee weken warm en dik is geworden, moet dezelfde dag worden bekeken: "
            "een ontsteking door een bacterie moet worden uitgesloten, ook zonder koorts.",
            "A knee that became warm and swollen within two weeks needs to be seen the same day: "
            "a bacterial infection must be ruled out, even without fever.",
        )
    return None


@rule(Level.URGENT, "bsr_hot_joint")
def fever_with_inflamed_knee(a: Answers) -> Text | None:
    """BSR/BOA hot swollen joint guideline: fever together with a warm, red or swollen knee."""
    if a.fever and (a.warm or a.red or a.swollen):
        return T(
            "Koorts samen met een warme, rode of dikke knie kan een gewrichtsinfectie zijn.",
            "Fever together with a warm, red or swollen knee can be a joint infection.",
        )
    return None


@rule(Level.URGENT, "wells_dvt")
def swollen_calf(a: Answers) -> Text | None:
    """Wells score: a swollen, tender calf can be a deep vein thrombosis and needs same-day assessment."""
    if a.calf_swelling:
        return T(
            "Een dikke, pijnlijke kuit kan een trombosebeen zijn. Dat moet vandaag worden uitgesloten.",
            "A swollen, painful calf can be a deep vein thrombosis. That has to be ruled out today.",
        )
    return None


@rule(Level.URGENT, "nhg_m66")
def locked_knee(a: Answers) -> Text | None:
    """NHG M66 (2020): a locked knee that cannot be straightened is referred the same day."""
    if a.locking:
        return T(
            "Een knie die vastzit en niet meer gestrekt kan worden, moet dezelfde dag worden onderzocht.",
            "A knee that is stuck and cannot be straightened should be examined the same day.",
        )
    return None


@rule(Level.URGENT, "nhg_m66")
def visible_deformity(a: Answers) -> Text | None:
    """NHG M66 (2020): a visible deformity or a kneecap out of place suggests a fracture or dislocation."""
    if a.deformity:
        return T(
            "Een knie of knieschijf die zichtbaar verkeerd staat, kan gebroken of uit de kom zijn.",
            "A knee or kneecap that looks out of place may be broken or dislocated.",
        )
    return None


@rule(Level.URGENT, "ottawa")
def ottawa_knee_rule(a: Answers) -> Text | None:
    """Ottawa knee rule (Bachmann 2004): after an injury within 7 days an X-ray is indicated if any of:
    age 55 or over, tenderness of the kneecap only, tenderness at the fibular head, cannot bend to 90
    degrees, cannot take four steps."""
    if not a.injury or not recent(a, 1):
        return None
    criteria = [
        a.age is not None and a.age >= 55,
        a.tender_kneecap_only is True,
        a.tender_fibular_head is True,
        a.can_bend_90 is False,
        a.can_take_4_steps is False,
    ]
    if any(criteria):
        return T(
            "Volgens de Ottawa-knieregel is na dit letsel een röntgenfoto nodig om een breuk uit te sluiten.",
            "By the Ottawa knee rule, this injury needs an X-ray to rule out a fracture.",
        )
    return None


@rule(Level.URGENT, "nhg_m66")
def instability_after_injury(a: Answers) -> Text | None:
    """NHG M66 (2020): clear instability after an injury (possible ligament tear) is referred the same day."""
    if a.injury and a.giving_way:
        return T(
            "De knie zakt weg sinds het letsel. Dat kan wijzen op een gescheurde kruisband of een andere beschadigde band.",
            "The knee has been giving way since the injury. That can point to a torn cruciate or another damaged ligament.",
        )
    return None


@rule(Level.URGENT, "nhg_m66")
def rapid_swelling_after_injury(a: Answers) -> Text | None:
    """NHG M66 (2020): swelling within hours of an injury suggests bleeding in the joint."""
    if a.injury and a.swelling == "fast":
        return T(
            "De knie werd binnen enkele uren na het letsel dik. Dat kan een bloeding in het gewricht zijn.",
            "The knee swelled within hours of the injury. That can be bleeding into the joint.",
        )
    return None


@rule(Level.URGENT, "nts")
def severe_pain_after_injury(a: Answers) -> Text | None:
    """NTS: pain of 8 or more out of 10 after an injury raises the urgency."""
    if a.injury and a.pain_now is not None and a.pain_now >= 8:
        return T(
            "U heeft na een letsel heel veel pijn (8 of meer op 10).",
            "You have very severe pain (8 or more out of 10) after an injury.",
        )
    return None


# --- GP within days (the seed's list) --------------------------------------------------------------


@rule(Level.GP, "seed")
def pain_beyond_two_weeks_despite_rest(a: Answers) -> Text | None:
    """Seed: see the GP when pain lasts longer than two weeks despite rest and exercises."""
    if a.weeks is not None and a.weeks > 2 and a.improving_with_rest is False:
        return T(
            "De pijn duurt al langer dan twee weken en wordt niet beter van rust.",
            "The pain has lasted more than two weeks and does not improve with rest.",
        )
    return None


@rule(Level.GP, "seed")
def swelling_warmth_or_redness(a: Answers) -> Text | None:
    """Seed: see the GP for swelling, warmth or redness around the knee."""
    if a.swollen or a.warm or a.red:
        return T("De knie is dik, warm of rood.", "The knee is swollen, warm or red.")
    return None


@rule(Level.GP, "seed")
def knee_gives_way(a: Answers) -> Text | None:
    """Seed: see the GP when the knee feels unstable or gives way."""
    if a.giving_way:
        return T("De knie voelt instabiel of zakt weg.", "The knee feels unstable or gives way.")
    return None


@rule(Level.GP, "seed")
def fever(a: Answers) -> Text | None:
    """Seed: see the GP for fever or pain without an explanation."""
    if a.fever:
        return T("U heeft koorts.", "You have a fever.")
    return None


@rule(Level.GP, "nts")
def severe_pain(a: Answers) -> Text | None:
    """NTS: pain of 8 or more out of 10 usually raises urgency."""
    if a.pain_now is not None and a.pain_now >= 8:
        return T(
            "U heeft nu heel veel pijn (8 of meer op 10).",
            "You are in very severe pain now (8 or more out of 10).",
        )
    return None


# --- physiotherapist ---------------------------------------------------------------------------------


@rule(Level.PHYSIO, "silbernagel_2007")
def too_much_pain_while_running(a: Answers) -> Text | None:
    """Silbernagel 2007 pain-monitoring model: pain above 5/10 during activity is too much."""
    if a.pain_running is not None and pain_zone(a.pain_running) is PainZone.TOO_MUCH:
        return T(
            "Tijdens het hardlopen heeft u meer pijn dan 5 op 10. Dat is te veel om zo door te gaan.",
            "While running your pain goes above 5 out of 10. That is too much to carry on like this.",
        )
    return None


@rule(Level.PHYSIO, "silbernagel_2007")
def pain_not_settled_next_morning(a: Answers) -> Text | None:
    """Silbernagel 2007: pain after running should have settled by the next morning; we call 4 or more
    'not settled', the top of the model's safe zone being 3."""
    if a.pain_next_morning is not None and a.pain_next_morning >= 4:
        return T(
            "De ochtend na het hardlopen is de pijn nog niet gezakt.",
            "The morning after running, the pain has not settled.",
        )
    return None


@rule(Level.PHYSIO, "seed")
def warning_signs_for_weeks(a: Answers) -> Text | None:
    """Seed: pain on stairs, running downhill or after sitting still is an early warning sign; when it has
    lasted two weeks or more it deserves a closer look."""
    if a.worse("stairs", "downhill", "sitting") and a.weeks is not None and a.weeks >= 2:
        return T(
            "U heeft al een paar weken pijn bij traplopen, heuvelaf of na stilzitten. Dat zijn vroege "
            "waarschuwingssignalen van overbelasting.",
            "For a few weeks you have had pain on stairs, downhill or after sitting. Those are early "
            "warning signs of overload.",
        )
    return None


@rule(Level.PHYSIO, "seed")
def slower_than_usual_recovery(a: Answers) -> Text | None:
    """Seed: most runners recover within four to six weeks; longer than six weeks deserves an examination."""
    if a.weeks is not None and a.weeks > 6:
        return T(
            "De klachten duren langer dan de vier tot zes weken waarin de meeste lopers herstellen.",
            "The complaints have lasted longer than the four to six weeks in which most runners recover.",
        )
    return None


NO_ALARM = Reason(
    "no_warning_signs",
    Level.SELF_CARE,
    T(
        "Uw antwoorden bevatten geen alarmsignalen. U kunt zelf beginnen met het plan hieronder.",
        "Your answers contain no warning signs. You can start on your own with the plan below.",
    ),
    "seed",
)


def triage(answers: Answers) -> tuple[Level, list[Reason]]:
    """Apply every rule; the most urgent one that fires sets the level. Reasons come most urgent first."""
    fired = [reason for reason in (check(answers) for check in RULES) if reason is not None]
    if not fired:
        return Level.SELF_CARE, [NO_ALARM]
    fired.sort(key=lambda r: -r.level)  # stable: rule order within a level
    return fired[0].level, fired
