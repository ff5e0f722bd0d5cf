"""A cautious hint at which common knee condition the answers may fit. Never a diagnosis.

Every hint says the complaints *may fit* a condition and that only a clinician can tell. At most one
hint is given: the first rule below that fits, in this order.

After an injury (the pain started at one moment) only one picture is considered:

1. ``meniscus`` after a twist: pain on the inside, outside or back of the knee with swelling that came
   slowly or pain on squatting, without a fall, a pop, giving way or a kneecap that slipped out (those
   point to a fracture, a ligament or the kneecap and need an examination, not a guess). Source: nhg_m66.

Without an injury, the age-bound pictures come first, because at those ages they are what the same
complaints most often are, and a general label would mislead:

2. ``osgood_schlatter``: about 10-15 years, pain at the front (just below the kneecap, the bony bump of
   the shin), worse with any load: running, jumping, squatting or kneeling, stairs, sitting. Sources:
   nhg_m107, jgz_extremiteiten.
3. ``sinding_larsen_johansson``: about 10-14 years, pain at the kneecap (its lower tip), worse jumping or
   running. Source: nhg_m107.
4. ``knee_osteoarthritis``: 45 or older, gradual, pain with activity (stairs, squatting, running,
   downhill, jumping) and start-up pain after sitting. Sources: nhg_m107 (clinical diagnosis over 45),
   nice_ng226 (45 and over).
5. ``itb_syndrome``: pain on the outside, worse downhill or while running, the knee not swollen.
   Source: nhg_m107.
6. ``meniscus`` from wear: 40 or older, pain on the inside, outside or back with swelling that came
   slowly or pain on squatting. Source: nhg_m66 (degenerative tears with little or no injury).
7. ``pes_anserinus``: pain on the inside, worse on stairs. Source: nice_cks_knee.
8. ``patellar_tendinopathy``: front or kneecap, worse jumping but not on stairs, squatting or sitting.
   Source: nhg_m107 (jumper's knee).
9. ``patellofemoral_pain``: front or kneecap, worse with a loaded bent knee. Source: crossley_2016.

ITB comes before wear of the meniscus because the outside of a runner's knee that hurts downhill is far
more often the band than the meniscus; a swollen knee rules ITB out, so wear of the meniscus still shows
there. Osteoarthritis comes before the meniscus and pes anserinus, which often go with it at that age.

No hint at all when the level is same-day care or 112 (``acute_or_red_flag``), after an injury that does
not fit rule 1, below the age of 10 (knee pain in young children is often the hip and needs a doctor's
look), or beside a sign that does not belong to an overuse picture and needs an examination first:
fever, warmth, redness, quick swelling, locking, a misshapen knee or a kneecap that slipped out, a
straight leg that cannot be lifted, a swollen calf, breathlessness or chest pain, pain waking the runner
at night, feeling ill or losing weight, pain in the hip or groin (the knee pain may come from the hip),
and in children under 18 a limp or pain at rest (sources: nice_cks_knee, jgz_extremiteiten).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .answers import Answers
from .text import T, Text


@dataclass(frozen=True, slots=True)
class ConditionHint:
    code: str
    name: Text
    text: Text
    source: str


ONLY_A_CLINICIAN = T("Alleen een zorgverlener kan dat vaststellen.", "Only a clinician can tell.")


def _hint(code: str, name: Text, text: Text, source: str) -> ConditionHint:
    closing = T("{text} {end}", "{text} {end}").format(text=text, end=ONLY_A_CLINICIAN)
    return ConditionHint(code, name, closing, source)


PATELLOFEMORAL = _hint(
    "patellofemoral_pain",
    T("Patellofemorale pijn (pijn rond de knieschijf)", "Patellofemoral pain (pain around the kneecap)"),
    T(
        "Uw klachten kunnen passen bij pijn rond de knieschijf: pijn voor of achter de knieschijf die erger "
        "wordt bij traplopen, hurken of hardlopen.",
        "Your complaints may fit pain around the kneecap: pain at the front or behind the kneecap that gets "
        "worse on stairs, squatting or running.",
    ),
    "crossley_2016",
)
ITB = _hint(
    "itb_syndrome",
    T("Irritatie van de iliotibiale band (ITB-syndroom)", "Iliotibial band syndrome"),
    T(
        "Uw klachten kunnen passen bij een geïrriteerde peesplaat aan de buitenkant van de knie, vaak erger "
        "bij heuvelaf lopen en na een plotselinge toename van de afstand.",
        "Your complaints may fit an irritated band of tissue on the outside of the knee, often worse running "
        "downhill and after a sudden jump in distance.",
    ),
    "nhg_m107",
)
TENDINOPATHY = _hint(
    "patellar_tendinopathy",
    T("Klachten van de kniepees (patellapees)", "Patellar tendinopathy"),
    T(
        "Uw klachten kunnen passen bij een overbelaste kniepees: pijn net onder de knieschijf die opspeelt "
        "bij springen.",
        "Your complaints may fit an overloaded kneecap tendon: pain just below the kneecap that flares with "
        "jumping.",
    ),
    "nhg_m107",
)
OSGOOD_SCHLATTER = _hint(
    "osgood_schlatter",
    T(
        "Ziekte van Osgood-Schlatter (groeiklachten onder de knie)",
        "Osgood-Schlatter disease (growth-related pain below the knee)",
    ),
    T(
        "Uw klachten kunnen passen bij Osgood-Schlatter. Bij kinderen in de groei, ongeveer van 10 tot 15 "
        "jaar, raakt de plek geprikkeld waar de kniepees vastzit aan het bobbeltje van het scheenbeen, net "
        "onder de knieschijf. Rennen, springen, hurken of knielen maakt het vaak erger. Het gaat meestal "
        "vanzelf over als de groei afneemt; tot dan helpt het om minder te doen van wat pijn doet.",
        "Your complaints may fit Osgood-Schlatter disease. In growing children, roughly from 10 to 15, the "
        "spot where the kneecap tendon attaches to the bony bump of the shin, just below the kneecap, gets "
        "irritated. Running, jumping, squatting or kneeling often make it worse. It usually settles by "
        "itself as growth slows; until then, doing less of what hurts helps.",
    ),
    "nhg_m107",
)
SINDING_LARSEN_JOHANSSON = _hint(
    "sinding_larsen_johansson",
    T(
        "Sinding-Larsen-Johansson (groeiklachten aan de punt van de knieschijf)",
        "Sinding-Larsen-Johansson disease (growth-related pain at the tip of the kneecap)",
    ),
    T(
        "Uw klachten kunnen passen bij Sinding-Larsen-Johansson. Bij kinderen in de groei, ongeveer van 10 "
        "tot 14 jaar, raakt de onderste punt van de knieschijf geprikkeld, waar de kniepees begint. Springen "
        "en rennen maken het vaak erger. Ook dit gaat meestal over als de groei afneemt.",
        "Your complaints may fit Sinding-Larsen-Johansson disease. In growing children, roughly from 10 to "
        "14, the lower tip of the kneecap, where the kneecap tendon starts, gets irritated. Jumping and "
        "running often make it worse. This too usually settles as growth slows.",
    ),
    "nhg_m107",
)
MENISCUS_AFTER_INJURY = _hint(
    "meniscus",
    T("Meniscusletsel (kraakbeenkussentje in de knie)", "Meniscus injury (a cartilage cushion in the knee)"),
    T(
        "Uw klachten kunnen passen bij een beschadigde meniscus, een kussentje van kraakbeen tussen boven- "
        "en onderbeen. Dat gebeurt vaak als de knie draait terwijl de voet blijft staan. Kenmerkend zijn pijn "
        "aan de binnen- of buitenkant of achter in de knie, zwelling die pas na uren of een dag komt, en pijn "
        "bij hurken of draaien. Laat de knie nakijken door uw huisarts of fysiotherapeut als het na een paar "
        "dagen niet beter gaat; schiet de knie op slot of zakt hij weg, bel dan dezelfde dag uw huisarts.",
        "Your complaints may fit a damaged meniscus, a cushion of cartilage between thigh and shin bone. That "
        "often happens when the knee turns while the foot stays put. Typical are pain on the inside, outside "
        "or back of the knee, swelling that comes only after hours or a day, and pain on squatting or "
        "turning. Have the knee checked by your GP or physiotherapist if it is not better after a few days; "
        "if the knee locks or gives way, call your GP the same day.",
    ),
    "nhg_m66",
)
MENISCUS_WEAR = _hint(
    "meniscus",
    T(
        "Meniscusklachten (kraakbeenkussentje in de knie)",
        "Meniscus problems (a cartilage cushion in the knee)",
    ),
    T(
        "Uw klachten kunnen passen bij een versleten of ingescheurde meniscus, een kussentje van kraakbeen "
        "tussen boven- en onderbeen. Vanaf ongeveer 40 jaar kan dat ook zonder duidelijk ongeluk gebeuren. "
        "Kenmerkend zijn pijn aan de binnen- of buitenkant of achter in de knie, pijn bij hurken of draaien "
        "en soms een knie die langzaam wat dikker wordt. Schiet de knie op slot, bel dan dezelfde dag uw "
        "huisarts.",
        "Your complaints may fit a worn or torn meniscus, a cushion of cartilage between thigh and shin bone. "
        "From about 40 that can happen without a clear injury. Typical are pain on the inside, outside or "
        "back of the knee, pain on squatting or turning, and sometimes a knee that slowly swells a little. "
        "If the knee locks, call your GP the same day.",
    ),
    "nhg_m66",
)
OSTEOARTHRITIS = _hint(
    "knee_osteoarthritis",
    T("Knieartrose (slijtage van het kraakbeen)", "Knee osteoarthritis (wear of the cartilage)"),
    T(
        "Uw klachten kunnen passen bij knieartrose. Vanaf ongeveer 45 jaar kan het kraakbeen in de knie "
        "dunner worden. Kenmerkend zijn pijn bij belasting en een stijve knie bij het opstaan na zitten, die "
        "binnen een half uur wegtrekt. Actief blijven is goed voor een knie met artrose; bespreek met uw "
        "fysiotherapeut hoe u het hardlopen opbouwt.",
        "Your complaints may fit knee osteoarthritis. From about 45 the cartilage in the knee can get "
        "thinner. Typical are pain with activity and a stiff knee when you get up after sitting, which eases "
        "within half an hour. Staying active is good for a knee with osteoarthritis; ask your "
        "physiotherapist how to build up your running.",
    ),
    "nhg_m107",
)
PES_ANSERINUS = _hint(
    "pes_anserinus",
    T(
        "Pes anserinus-klachten (binnenkant, net onder de knie)",
        "Pes anserinus pain (inside of the knee, just below the joint)",
    ),
    T(
        "Uw klachten kunnen passen bij een geprikkelde aanhechting aan de binnenkant, net onder de "
        "kniespleet, waar drie pezen samen aan het scheenbeen vastzitten, vaak met een gevoelig slijmbeursje "
        "eronder. De pijn komt geleidelijk en is vaak erger bij traplopen.",
        "Your complaints may fit an irritated attachment on the inside, just below the joint line, where "
        "three tendons join onto the shin bone, often with a tender fluid sac beneath. The pain comes on "
        "gradually and is often worse on stairs.",
    ),
    "nice_cks_knee",
)

HINTS: tuple[ConditionHint, ...] = (
    MENISCUS_AFTER_INJURY,
    OSGOOD_SCHLATTER,
    SINDING_LARSEN_JOHANSSON,
    OSTEOARTHRITIS,
    ITB,
    MENISCUS_WEAR,
    PES_ANSERINUS,
    TENDINOPATHY,
    PATELLOFEMORAL,
)
HINT_CODES: tuple[str, ...] = tuple(dict.fromkeys(h.code for h in HINTS))

LOADED_BENT_KNEE = ("stairs", "squatting", "sitting", "running", "jumping", "downhill")
ACTIVITY = ("stairs", "squatting", "running", "downhill", "jumping")
JOINT_LINE = ("inside", "outside", "back")
ADULT_AGE = 18
YOUNGEST_FOR_A_HINT = 10


def _age_between(a: Answers, low: int, high: int) -> bool:
    return a.age is not None and low <= a.age <= high


def itb_picture(a: Answers) -> bool:
    """Outside of the knee, worse downhill or while running, not swollen: the brief's ITB picture
    (nhg_m107). The causes use it too, to count ITB pain after more running as overload."""
    return a.location == "outside" and a.worse("downhill", "running") and not a.swollen


def needs_examination_first(a: Answers) -> bool:
    """Signs that do not belong to an overuse picture: a hint beside them could falsely reassure.
    Sources: nice_cks_knee (fracture, extensor rupture, infection, malignancy with night pain or weight
    loss, pain referred from the hip), jgz_extremiteiten (a limping child sees the GP within 24 hours),
    nhg_m66 (locking, a kneecap that slipped out, quick swelling)."""
    child = a.age is not None and a.age < ADULT_AGE
    return bool(
        a.fever
        or a.warm
        or a.red
        or a.swelling == "fast"
        or a.locking
        or a.deformity
        or a.kneecap_shifted
        or a.straight_leg_raise is False
        or a.calf_swelling
        or a.breathless_or_chest_pain
        or a.night_pain
        or a.feeling_ill_or_weight_loss
        or a.hip_or_groin_pain
        or (child and (a.limp or a.pain_at_rest))
    )


def meniscus_after_twist(a: Answers) -> bool:
    """nhg_m66: a twist of the loaded knee; pain at the joint line; swelling after hours; pain squatting.
    Not after a fall, a pop, giving way or a kneecap that slipped out: those need an examination."""
    return bool(
        a.injury
        and not a.fall
        and not a.pop
        and not a.giving_way
        and a.location in JOINT_LINE
        and (a.swelling == "slow" or a.worse("squatting"))
    )


def osgood_schlatter(a: Answers) -> bool:
    """nhg_m107, jgz_extremiteiten: about 10-15 years, just below the kneecap, worse with any load."""
    return _age_between(a, 10, 15) and a.location == "front" and a.worse(*LOADED_BENT_KNEE)


def sinding_larsen_johansson(a: Answers) -> bool:
    """nhg_m107: about 10-14 years, the lower tip of the kneecap, worse jumping or running."""
    return _age_between(a, 10, 14) and a.location == "kneecap" and a.worse("jumping", "running")


def osteoarthritis(a: Answers) -> bool:
    """nhg_m107 (over 45), nice_ng226 (45 and over): activity-related pain with start-up pain after sitting
    (the self-check has no question on morning stiffness; sitting stands in for stiffness after rest)."""
    return a.age is not None and a.age >= 45 and a.worse("sitting") and a.worse(*ACTIVITY)


def meniscus_wear(a: Answers) -> bool:
    """nhg_m66: from about 40, tears with little or no injury; joint-line pain, slow swelling, squatting."""
    return (
        a.age is not None
        and a.age >= 40
        and a.location in JOINT_LINE
        and (a.swelling == "slow" or a.worse("squatting"))
    )


def pes_anserinus(a: Answers) -> bool:
    """nice_cks_knee: pain on the inside just below the joint line, worse on stairs, gradual."""
    return a.location == "inside" and a.worse("stairs")


def patellar_tendinopathy(a: Answers) -> bool:
    """nhg_m107 (jumper's knee): front or kneecap, jumping hurts, the bent-knee activities of
    patellofemoral pain do not."""
    return (
        a.location in ("front", "kneecap")
        and a.worse("jumping")
        and not a.worse("stairs", "squatting", "sitting")
    )


def patellofemoral_pain(a: Answers) -> bool:
    """crossley_2016: pain around or behind the kneecap, worse with loaded bent-knee activity."""
    return a.location in ("front", "kneecap") and a.worse(*LOADED_BENT_KNEE)


HintRule = Callable[[Answers], bool]

AFTER_INJURY: tuple[tuple[HintRule, ConditionHint], ...] = ((meniscus_after_twist, MENISCUS_AFTER_INJURY),)
GRADUAL: tuple[tuple[HintRule, ConditionHint], ...] = (
    (osgood_schlatter, OSGOOD_SCHLATTER),
    (sinding_larsen_johansson, SINDING_LARSEN_JOHANSSON),
    (osteoarthritis, OSTEOARTHRITIS),
    (itb_picture, ITB),
    (meniscus_wear, MENISCUS_WEAR),
    (pes_anserinus, PES_ANSERINUS),
    (patellar_tendinopathy, TENDINOPATHY),
    (patellofemoral_pain, PATELLOFEMORAL),
)


def condition_hint(answers: Answers, acute_or_red_flag: bool) -> ConditionHint | None:
    """The first picture that fits, in the order of the module docstring; None at same-day care or 112,
    below age 10, beside a sign that needs an examination first, or when nothing fits."""
    a = answers
    if acute_or_red_flag or needs_examination_first(a):
        return None
    if a.age is not None and a.age < YOUNGEST_FOR_A_HINT:
        return None
    rules = AFTER_INJURY if a.injury else GRADUAL
    return next((hint for fits, hint in rules if fits(a)), None)
