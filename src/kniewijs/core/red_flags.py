"""The self-check's red flags as a clinician names them: one short label per rule at GP level or above.

Source: the rules of core.triage_rules (each names its own source: the seed, NHG-Standaard Traumatische
knieklachten / Niet-traumatische knieklachten, the Ottawa knee rule, NTS). The runner reads the rule's own
sentence ("U hoorde een knap..."); a physio's record lists these labels, in the third person, with the
date of the self-check. A red flag is a reason at GP level or above: below it, the advice is a physio or
self-care, which is the physio's own work and no alarm.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .levels import Level
from .selfcheck import Result
from .text import T, Text

LABELS: dict[str, Text] = {
    "pop_with_loss_of_function": T(
        "knap of plotselinge hevige pijn, daarna functieverlies",
        "pop or sudden severe pain, then loss of function",
    ),
    "breathless_or_chest_pain": T("kortademig of pijn op de borst", "breathless or chest pain"),
    "pop_walking_again": T(
        "knap of plotselinge hevige pijn; loopt inmiddels weer", "pop or sudden severe pain; walking again"
    ),
    "hot_swollen_knee": T(
        "warme, rode of dikke knie sinds < 2 weken", "warm, red or swollen knee for < 2 weeks"
    ),
    "fever_with_inflamed_knee": T(
        "koorts met een warme, rode of dikke knie", "fever with a warm, red or swollen knee"
    ),
    "fever_with_rest_pain_or_illness": T(
        "koorts met rust- of nachtpijn of ziek gevoel", "fever with pain at rest or at night, or feeling ill"
    ),
    "swollen_calf": T("dikke, pijnlijke kuit (trombose?)", "swollen, painful calf (thrombosis?)"),
    "locked_knee": T("knie zit op slot, strekt niet", "locked knee, will not straighten"),
    "visible_deformity": T("zichtbare vervorming", "visible deformity"),
    "kneecap_dislocated": T("knieschijf uit de kom (geweest)", "kneecap dislocated"),
    "ottawa_knee_rule": T("Ottawa-knieregel positief", "Ottawa knee rule positive"),
    "fall_older_cannot_walk_or_bend": T(
        "val op oudere leeftijd, kan niet lopen of 90° buigen",
        "fall at an older age, cannot walk or bend to 90°",
    ),
    "cannot_lift_straight_leg": T("kan het gestrekte been niet heffen", "cannot lift the straight leg"),
    "instability_after_injury": T("instabiel na een blessure", "unstable after an injury"),
    "rapid_swelling_after_injury": T("snelle zwelling na een blessure", "rapid swelling after an injury"),
    "severe_pain_after_injury": T("hevige pijn na een blessure", "severe pain after an injury"),
    "growing_runner_with_limp_or_hip_pain": T(
        "groeiende loper die mank loopt of heup-/liespijn heeft",
        "growing runner with a limp or hip or groin pain",
    ),
    "pain_beyond_two_weeks_despite_rest": T(
        "pijn langer dan 2 weken ondanks rust", "pain for more than 2 weeks despite rest"
    ),
    "swelling_warmth_or_redness": T("zwelling, warmte of roodheid", "swelling, warmth or redness"),
    "knee_gives_way": T("knie zakt door", "knee gives way"),
    "fever": T("koorts", "fever"),
    "severe_pain": T("hevige pijn", "severe pain"),
    "cannot_bear_weight": T("kan het been niet belasten", "cannot bear weight"),
    "cannot_bend_to_right_angle": T("kan niet tot 90° buigen", "cannot bend to 90°"),
    "pain_at_rest_or_at_night": T("pijn in rust of 's nachts", "pain at rest or at night"),
    "lasting_pain_at_rest": T("aanhoudende rustpijn", "lasting pain at rest"),
    "feeling_ill_or_losing_weight": T("ziek gevoel of gewichtsverlies", "feeling ill or losing weight"),
    "fall_at_older_age": T("val op oudere leeftijd", "fall at an older age"),
    "hip_or_groin_pain": T("heup- of liespijn", "hip or groin pain"),
    "walks_with_a_limp": T("loopt mank", "walks with a limp"),
    "pop_at_the_injury": T("knap gehoord of gevoeld bij de blessure", "pop heard or felt at the injury"),
}


@dataclass(frozen=True, slots=True)
class RedFlags:
    """What one self-check says about red flags: the labels of those that fired, and the safety
    questions left open (an unanswered one is not a 'no')."""

    on: date
    level: Level
    flags: tuple[Text, ...]
    unanswered: tuple[Text, ...]

    @property
    def none_reported(self) -> bool:
        return not self.flags


def red_flags(result: Result, on: date) -> RedFlags:
    fired = tuple(LABELS[r.code] for r in result.reasons if r.level >= Level.GP)
    return RedFlags(on=on, level=result.level, flags=fired, unanswered=result.open_questions)
