"""The Kujala Anterior Knee Pain Scale (AKPS): 13 items, total 0-100, higher is better.

Source: Kujala UM et al. 1993, "Scoring of patellofemoral disorders", Arthroscopy 9:159-163. The option
points below were confirmed against the AKPS table in J Orthop 2023;42:54-62 (PMC10362729, all 13 items)
and the validated German version (Dammerer et al. 2018, items 1-9 as far as the excerpt reached); see
docs/questionnaires.md. Some web calculators score "constant limp" as 2 and "squatting only with
partial weight bearing" as 1; those versions cannot reach the documented minimum of 0 and are not used.

Missing answers: the 1993 paper gives no rule for them and the total is a plain sum, so a total with an
item left out would sit on a different scale. Kniewijs gives no total unless all 13 items are answered.

Minimal important change: 10 points (Crossley et al. 2004, Arch Phys Med Rehabil 85:815).

The labels are Kniewijs' own short wording naming what each item asks about; the official validated Dutch
version belongs in any research use (docs/questionnaires.md).
"""

from __future__ import annotations

from ..text import T, Text
from .model import Item, Option, Questionnaire, Scoring

KUJALA_MIC = 10.0  # Crossley et al. 2004


def _item(key: str, label: Text, *options: tuple[str, int, Text]) -> Item:
    return Item(key, label, tuple(Option(value, text, points) for value, points, text in options))


_NO_DIFFICULTY = T("Geen moeite", "No difficulty")
_UNABLE = T("Lukt niet", "Not possible")
_NONE = T("Nee", "No")

KUJALA = Questionnaire(
    key="kujala",
    name=T("Kujala-score (AKPS)", "Kujala score (AKPS)"),
    items=(
        _item(
            "limp",
            T("Mank lopen", "Limping"),
            ("none", 5, _NONE),
            ("slight_or_periodic", 3, T("Een beetje, of af en toe", "A little, or now and then")),
            ("constant", 0, T("Steeds", "All the time")),
        ),
        _item(
            "support",
            T("Staan op het pijnlijke been", "Standing on the painful leg"),
            ("full_without_pain", 5, T("Volledig, zonder pijn", "Fully, without pain")),
            ("painful", 3, T("Het doet pijn", "It hurts")),
            ("impossible", 0, T("Lukt niet", "Not possible")),
        ),
        _item(
            "walking",
            T("Wandelen", "Walking"),
            ("unlimited", 5, T("Zo ver als ik wil", "As far as I like")),
            ("more_than_2_km", 3, T("Meer dan 2 km", "More than 2 km")),
            ("1_to_2_km", 2, T("1 tot 2 km", "1 to 2 km")),
            ("unable", 0, _UNABLE),
        ),
        _item(
            "stairs",
            T("Traplopen", "Stairs"),
            ("no_difficulty", 10, _NO_DIFFICULTY),
            ("slight_pain_going_down", 8, T("Wat pijn bij het afdalen", "Some pain going down")),
            ("pain_going_up_and_down", 5, T("Pijn bij op- én aflopen", "Pain going up and going down")),
            ("unable", 0, _UNABLE),
        ),
        _item(
            "squatting",
            T("Hurken", "Squatting"),
            ("no_difficulty", 5, _NO_DIFFICULTY),
            ("painful_when_repeated", 4, T("Pijn als ik het vaker achter elkaar doe", "Hurts when repeated")),
            ("painful_each_time", 3, T("Elke keer pijn", "Hurts every time")),
            (
                "only_with_partial_weight",
                2,
                T("Alleen als ik me ergens op steun", "Only when I lean on something"),
            ),
            ("unable", 0, _UNABLE),
        ),
        _item(
            "running",
            T("Hardlopen", "Running"),
            ("no_difficulty", 10, _NO_DIFFICULTY),
            ("pain_after_2_km", 8, T("Pijn na meer dan 2 km", "Pain after more than 2 km")),
            ("slight_pain_from_start", 6, T("Vanaf het begin wat pijn", "Some pain from the start")),
            ("severe_pain", 3, T("Veel pijn", "A lot of pain")),
            ("unable", 0, _UNABLE),
        ),
        _item(
            "jumping",
            T("Springen", "Jumping"),
            ("no_difficulty", 10, _NO_DIFFICULTY),
            ("slight_difficulty", 7, T("Een beetje moeite", "A little difficulty")),
            ("constant_pain", 2, T("Steeds pijn", "Pain every time")),
            ("unable", 0, _UNABLE),
        ),
        _item(
            "prolonged_sitting",
            T("Lang zitten met gebogen knieën", "Sitting a long time with bent knees"),
            ("no_difficulty", 10, _NO_DIFFICULTY),
            ("pain_after_exercise", 8, T("Pijn als ik die dag gesport heb", "Pain on days I have exercised")),
            ("constant_pain", 6, T("Steeds pijn", "Pain all the time")),
            (
                "must_straighten_knees",
                4,
                T(
                    "Door de pijn moet ik mijn knieën af en toe strekken",
                    "Pain makes me straighten my knees now and then",
                ),
            ),
            ("unable", 0, _UNABLE),
        ),
        _item(
            "pain",
            T("Pijn", "Pain"),
            ("none", 10, T("Geen", "None")),
            ("slight_and_occasional", 8, T("Licht en af en toe", "Mild and now and then")),
            ("disturbs_sleep", 6, T("Ik slaap er slechter door", "It disturbs my sleep")),
            ("occasionally_severe", 3, T("Soms hevig", "Severe at times")),
            ("constant_and_severe", 0, T("Steeds en hevig", "All the time and severe")),
        ),
        _item(
            "swelling",
            T("Zwelling", "Swelling"),
            ("none", 10, T("Geen", "None")),
            ("after_hard_exertion", 8, T("Na zware inspanning", "After hard exertion")),
            (
                "after_daily_activities",
                6,
                T("Na gewone dagelijkse bezigheden", "After ordinary daily activities"),
            ),
            ("every_evening", 4, T("Elke avond", "Every evening")),
            ("constant", 0, T("Steeds", "All the time")),
        ),
        _item(
            "kneecap_slipping",
            T("Pijnlijk verschuiven van de knieschijf", "Painful slipping of the kneecap"),
            ("none", 10, _NONE),
            ("occasionally_in_sport", 6, T("Soms tijdens sport", "Now and then during sport")),
            (
                "occasionally_in_daily_life",
                4,
                T("Soms bij dagelijkse bezigheden", "Now and then in daily life"),
            ),
            (
                "one_documented_dislocation",
                2,
                T("Minstens één keer vastgesteld uit de kom", "Confirmed out of place at least once"),
            ),
            (
                "more_than_two_dislocations",
                0,
                T("Meer dan twee keer uit de kom", "Out of place more than twice"),
            ),
        ),
        _item(
            "thigh_atrophy",
            T("Dunner bovenbeen", "Thinner thigh"),
            ("none", 5, _NONE),
            ("slight", 3, T("Een beetje", "A little")),
            ("severe", 0, T("Duidelijk", "Clearly")),
        ),
        _item(
            "flexion_deficit",
            T("Knie minder ver buigen", "Bending the knee less far"),
            ("none", 5, _NONE),
            ("slight", 3, T("Een beetje", "A little")),
            ("severe", 0, T("Duidelijk", "Clearly")),
        ),
    ),
    scoring=Scoring.SUM,
    min_answered=13,
    minimal_important_change=KUJALA_MIC,
    source="Kujala et al. 1993, Arthroscopy 9:159",
    missing_rule=T(
        "De Kujala-score is een optelsom van alle 13 vragen; met een open vraag is het totaal niet te "
        "vergelijken.",
        "The Kujala score adds up all 13 questions; with one left open the total cannot be compared.",
    ),
)
