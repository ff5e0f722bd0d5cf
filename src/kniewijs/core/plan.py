"""The personal self-care plan. The rules that pick and tune each part live here; the protocols
themselves (how to cool, which shoe checks) come from content.knowledge so they are written once."""

from __future__ import annotations

from dataclasses import dataclass

from .answers import Answers
from .causes import SHOE_RANGE_KM, SHOE_REPLACE_KM, CauseScore, as_percent
from .conditions import ConditionHint
from .levels import Level
from .load import SpikeBand, cadence_target, single_run_spike
from .text import T, Text


@dataclass(frozen=True, slots=True)
class PlanSection:
    key: str
    title: Text
    items: tuple[Text, ...]
    action: str | None = None  # key of the content Action whose protocol belongs here
    exercises: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Escalation:
    when: Text
    level: Level
    source: str


@dataclass(frozen=True, slots=True)
class Plan:
    severity: str | None  # light | moderate | severe; None when the plan is to get care first
    rest_days: tuple[int, int] | None
    headline: Text
    sections: tuple[PlanSection, ...]
    escalate_when: tuple[Escalation, ...]


REST_DAYS: dict[str, tuple[int, int]] = {"light": (3, 7), "moderate": (7, 14), "severe": (14, 28)}

SEED_STRENGTH = (
    "glute_bridge",
    "side_lying_leg_raise",
    "calf_raise",
    "single_leg_squat",
    "bulgarian_split_squat",
)
CONSENSUS_HIP_KNEE = ("clamshell", "side_plank", "step_down", "wall_squat")
GENTLE_START = ("glute_bridge", "side_lying_leg_raise", "clamshell", "wall_squat", "calf_raise")
MOBILITY = ("calf_stretch", "knee_to_wall", "hip_flexor_stretch", "deep_squat_hold")


def severity(answers: Answers) -> str:
    """Seed: rest depends on how much it hurts. We grade the worst of pain now and pain while running:
    0-3 light, 4-6 moderate, 7-10 severe (the Silbernagel zones put the line between 3 and 4)."""
    worst = max((p for p in (answers.pain_now, answers.pain_running) if p is not None), default=0)
    if worst >= 7:
        return "severe"
    if worst >= 4:
        return "moderate"
    return "light"


ESCALATIONS: tuple[Escalation, ...] = (
    Escalation(
        T(
            "Plotseling hevige pijn of een knap, en u kunt niet meer verder",
            "Sudden severe pain or a pop, and you cannot go on",
        ),
        Level.EMERGENCY,
        "seed",
    ),
    # One level per line: breathlessness with a calf is 112, the calf alone same-day care (Wells).
    Escalation(
        T(
            "U wordt benauwd of krijgt pijn op de borst, zeker met een dikke, pijnlijke kuit",
            "You become short of breath or get chest pain, especially with a swollen, painful calf",
        ),
        Level.EMERGENCY,
        "wells_dvt",
    ),
    Escalation(
        T("Uw kuit wordt dik, pijnlijk of gespannen", "Your calf becomes swollen, painful or tense"),
        Level.URGENT,
        "wells_dvt",
    ),
    Escalation(
        T(
            "De knie wordt warm en dik, met of zonder koorts",
            "The knee becomes warm and swollen, with or without fever",
        ),
        Level.URGENT,
        "bsr_hot_joint",
    ),
    Escalation(
        T("De knie schiet vast en u kunt hem niet strekken", "The knee locks and you cannot straighten it"),
        Level.URGENT,
        "nhg_m66",
    ),
    Escalation(
        T(
            "De knieschijf schiet uit de kom, of u kunt na een val het gestrekte been niet optillen",
            "The kneecap slips out of place, or after a fall you cannot lift the straight leg",
        ),
        Level.URGENT,
        "nhg_m66",
    ),
    Escalation(
        T(
            "Een kind of tiener loopt mank of heeft ook pijn in heup of lies",
            "A child or teenager limps or also has pain in the hip or groin",
        ),
        Level.URGENT,
        "jgz_extremiteiten",
    ),
    Escalation(
        T(
            "U kunt geen vier stappen meer zetten of de knie niet tot een rechte hoek buigen",
            "You can no longer take four steps or bend the knee to a right angle",
        ),
        Level.GP,
        "nhg_m66",
    ),
    Escalation(
        T(
            "Pijn in rust of 's nachts, of u voelt zich ziek of valt af zonder reden",
            "Pain at rest or at night, or you feel ill or lose weight without a reason",
        ),
        Level.GP,
        "nice_cks_knee",
    ),
    Escalation(
        T(
            "De pijn duurt langer dan twee weken, ondanks rust en oefeningen",
            "The pain lasts longer than two weeks despite rest and exercises",
        ),
        Level.GP,
        "seed",
    ),
    Escalation(
        T("Zwelling, warmte of roodheid rond de knie", "Swelling, warmth or redness around the knee"),
        Level.GP,
        "seed",
    ),
    Escalation(
        T("De knie voelt instabiel of zakt weg", "The knee feels unstable or gives way"), Level.GP, "seed"
    ),
    Escalation(
        T("Koorts, of pijn die u niet kunt verklaren", "Fever, or pain you cannot explain"), Level.GP, "seed"
    ),
    Escalation(
        T(
            "Tijdens het lopen meer dan 5 op 10 pijn, of de volgende ochtend nog niet gezakt",
            "More than 5 out of 10 pain while running, or not settled by the next morning",
        ),
        Level.PHYSIO,
        "silbernagel_2007",
    ),
)


CALL_112_FIRST = T("Bel nu 112. Aan herstel denkt u later.", "Call 112 now. Recovery can wait.")


def _care_first(level: Level, answers: Answers) -> Plan:
    """Emergency and same-day levels: the plan is to get care, not to treat it yourself."""
    if level is Level.EMERGENCY and answers.breathless_or_chest_pain:
        items = (
            T(
                "Bel 112. Zeg dat u kortademig bent of pijn op de borst heeft, en of uw kuit dik is.",
                "Call 112. Say that you are short of breath or have chest pain, and whether your calf is swollen.",
            ),
            T(
                "Ga rustig zitten, blijf niet alleen en span u niet in tot er hulp is.",
                "Sit down quietly, do not stay alone and do not exert yourself until help arrives.",
            ),
        )
        headline = CALL_112_FIRST
    elif level is Level.EMERGENCY:
        items = (
            T(
                "Bel 112. Blijf zitten of liggen en zet geen gewicht op het been.",
                "Call 112. Stay seated or lying down and put no weight on the leg.",
            ),
            T(
                "Eet en drink niets tot een arts u heeft gezien; misschien is een ingreep nodig.",
                "Do not eat or drink until a doctor has seen you; you may need a procedure.",
            ),
        )
        headline = CALL_112_FIRST
    else:
        items = (
            T(
                "Neem vandaag contact op met uw huisarts of, buiten kantoortijd, de huisartsenpost.",
                "Contact your GP today or, out of hours, the out-of-hours GP service.",
            ),
            T(
                "Loop niet hard en belast de knie zo weinig mogelijk tot een arts ernaar heeft gekeken.",
                "Do not run, and load the knee as little as you can until a doctor has looked at it.",
            ),
        )
        headline = T(
            "Eerst vandaag naar een arts; daarna pas een herstelplan.",
            "See a doctor today first; a recovery plan comes after.",
        )
    return Plan(
        None, None, headline, (PlanSection("now", T("Wat u nu doet", "What to do now"), items),), ESCALATIONS
    )


def _rest(sev: str, level: Level) -> PlanSection:
    low, high = REST_DAYS[sev]
    items = [
        {
            "light": T(
                "Loop {low} tot {high} dagen minder of rustiger: relatieve rust, geen stilstand.",
                "For {low} to {high} days run less or more gently: relative rest, not stillness.",
            ),
            "moderate": T(
                "Loop {low} tot {high} dagen helemaal niet hard. Blijf wel pijnvrij bewegen.",
                "Do not run at all for {low} to {high} days. Do keep moving without pain.",
            ),
            "severe": T(
                "Loop {low} tot {high} dagen niet hard en laat u begeleiden door een fysiotherapeut.",
                "Do not run for {low} to {high} days, and get a physiotherapist to guide you.",
            ),
        }[sev].format(low=low, high=high),
        T(
            "Rust betekent niet stilzitten: kies wat niet pijn doet, zoals fietsen of zwemmen.",
            "Rest does not mean sitting still: choose what does not hurt, such as cycling or swimming.",
        ),
    ]
    if level >= Level.GP:
        items.insert(
            0,
            T(
                "Houd deze rust aan tot de arts u heeft gezien.",
                "Keep to this rest until the doctor has seen you.",
            ),
        )
    return PlanSection(
        "rest",
        T("Rust naar ernst", "Rest by severity"),
        tuple(items),
        action="rest",
        evidence=("protect_then_load",),
    )


CONDITION_ADVICE: dict[str, tuple[Text, ...]] = {
    "osgood_schlatter": (
        T(
            "Bij een knie die nog groeit: doe minder van wat pijn doet, zoals springen, diep hurken en "
            "knielen. Meer is meestal niet nodig; de klachten gaan over als de groei klaar is.",
            "For a knee that is still growing: do less of what hurts, such as jumping, deep squats and "
            "kneeling. Usually nothing more is needed; it settles once growth is over.",
        ),
    ),
    "knee_osteoarthritis": (
        T(
            "Bij slijtage van de knie helpen bewegen en oefenen het meest. Blijf actief en bouw rustig op; "
            "pijn die de volgende ochtend weer gezakt is, mag.",
            "With wear of the knee, moving and exercise help most. Stay active and build up gently; pain "
            "that has settled by the next morning is fine.",
        ),
    ),
    "meniscus": (
        T(
            "Is de knie na een week of twee niet duidelijk beter, laat hem dan onderzoeken. Schiet hij vast "
            "of zakt hij weg, ga dan dezelfde dag.",
            "If the knee is not clearly better after a week or two, have it examined. If it locks or gives "
            "way, go the same day.",
        ),
    ),
}
CONDITION_ADVICE["sinding_larsen_johansson"] = CONDITION_ADVICE["osgood_schlatter"]


def _condition_advice(hint: ConditionHint | None) -> PlanSection | None:
    """What the hinted picture adds to the plan. NHG M107: for growth-plate pain in children, less of
    what provokes it; NICE NG226: exercise and activity for osteoarthritis; NHG M66: a meniscus that does
    not settle is examined, one that locks the same day."""
    if hint is None or hint.code not in CONDITION_ADVICE:
        return None
    return PlanSection(
        "condition", T("Bij wat het kan zijn", "For what it may be"), CONDITION_ADVICE[hint.code]
    )


def _cooling(a: Answers) -> PlanSection:
    items = [
        T(
            "Koelen is een keuze voor meer comfort, geen verplichting.",
            "Cooling is an option for comfort, not a must.",
        )
    ]
    if a.swollen:
        items.insert(
            0,
            T(
                "Uw knie is dik: koelen en het been hoog leggen kan de zwelling wat remmen.",
                "Your knee is swollen: cooling and raising the leg can ease the swelling a little.",
            ),
        )
    return PlanSection(
        "cooling", T("Koelen", "Cooling"), tuple(items), action="cooling", evidence=("ice_dose",)
    )


def _cross_training(sev: str) -> PlanSection:
    order = (
        ("swimming", "aqua_jogging", "cycling", "cross_trainer")
        if sev == "severe"
        else ("cycling", "swimming", "aqua_jogging", "cross_trainer", "walking")
    )
    items = (
        T(
            "Houd uw conditie op peil met wat niet pijn doet. Doet iets pijn, stop er dan mee.",
            "Keep your fitness up with what does not hurt. If something hurts, stop it.",
        ),
    )
    return PlanSection(
        "cross_training",
        T("Anders bewegen", "Other ways to move"),
        items,
        action="cross_training",
        exercises=order,
    )


def _strength(a: Answers, sev: str, hint: ConditionHint | None) -> PlanSection:
    """Seed: 2-3 times a week, 3 sets of 10-15, control over speed. Crossley 2016: add hip- and
    knee-focused work for pain at the front of the knee. Severe pain starts with the gentler ones."""
    if sev == "severe":
        chosen: tuple[str, ...] = GENTLE_START
        first = T(
            "Begin met de rustige oefeningen hieronder; de zwaardere komen als de pijn 3 of minder is.",
            "Start with the gentle exercises below; the harder ones follow once pain is 3 or less.",
        )
    else:
        chosen = SEED_STRENGTH
        if a.location in ("front", "kneecap") or (hint and hint.code == "patellofemoral_pain"):
            chosen = chosen + CONSENSUS_HIP_KNEE
        first = T(
            "Doe deze oefeningen 2 tot 3 keer per week: 3 series van 10 tot 15 herhalingen, rustig en gecontroleerd.",
            "Do these exercises 2 to 3 times a week: 3 sets of 10 to 15 repetitions, slowly and with control.",
        )
    items = [
        first,
        T(
            "Pijn tijdens een oefening mag hoogstens 3 op 10 zijn.",
            "Pain during an exercise should stay at 3 out of 10 or less.",
        ),
    ]
    if a.strength_sessions_per_week is not None and a.strength_sessions_per_week < 2:
        items.append(
            T(
                "U doet nu {n} keer per week kracht; bouw dat op naar 2 tot 3 keer.",
                "You now do strength work {n} times a week; build that up to 2 to 3 times.",
            ).format(n=a.strength_sessions_per_week)
        )
    return PlanSection(
        "strength",
        T("Krachtoefeningen", "Strength exercises"),
        tuple(items),
        action="strength",
        exercises=chosen,
        evidence=("strength_effect",),
    )


def _mobility(a: Answers) -> PlanSection | None:
    """Seed: 5-10 minutes of hip and ankle mobility a day when the deep-squat test fails."""
    if a.deep_squat_heels_down is True and not a.worse("sitting"):
        return None
    items = [
        T(
            "Neem elke dag 5 tot 10 minuten voor de heupen en enkels.",
            "Spend 5 to 10 minutes a day on your hips and ankles.",
        )
    ]
    if a.deep_squat_heels_down is None:
        items.insert(
            0,
            T(
                "Test uzelf: kunt u diep hurken met de hielen op de grond? Lukt dat niet, doe dan deze oefeningen.",
                "Test yourself: can you squat deeply with your heels down? If not, do these exercises.",
            ),
        )
    else:
        items.append(
            T(
                "Herhaal de hurktest elke week om te zien of het beter gaat.",
                "Repeat the squat test every week to see whether it improves.",
            )
        )
    return PlanSection(
        "mobility",
        T("Soepelheid van heup en enkel", "Hip and ankle mobility"),
        tuple(items),
        exercises=MOBILITY,
    )


def _shoes(a: Answers) -> PlanSection:
    """Seed: shoes last 600-800 km; replace at about 700 km; rotate two pairs (Malisoux 2015)."""
    if a.shoe_km is None:
        first = T(
            "Houd bij hoeveel kilometer uw schoenen lopen; vervang ze rond 700 km.",
            "Keep track of how many kilometres your shoes do; replace them at about 700 km.",
        )
    elif a.shoe_km >= SHOE_REPLACE_KM:
        first = T(
            "Met {km} km zijn uw schoenen aan vervanging toe.",
            "At {km} km your shoes are due for replacement.",
        ).format(km=round(a.shoe_km))
    elif a.shoe_km >= SHOE_RANGE_KM[0]:
        first = T(
            "Met {km} km naderen uw schoenen de grens; plan nieuwe rond 700 km.",
            "At {km} km your shoes are nearing the limit; plan new ones at about 700 km.",
        ).format(km=round(a.shoe_km))
    else:
        first = T(
            "Met {km} km hebben uw schoenen nog ruim de tijd; blijf tellen.",
            "At {km} km your shoes still have plenty of life; keep counting.",
        ).format(km=round(a.shoe_km))
    return PlanSection(
        "shoes", T("Uw schoenen", "Your shoes"), (first,), action="shoes", evidence=("shoe_km_limit",)
    )


def _training(a: Answers) -> PlanSection:
    """Seed: build up by at most 10% a week. Frandsen 2025: keep each run within 10% of the longest run of
    the previous 30 days. Silbernagel 2007: let pain guide the return. Heiderscheit 2011: cadence +5-10%."""
    items = [
        T(
            "Begin na de rust weer met korte, rustige stukken, eventueel afgewisseld met wandelen.",
            "After the rest, start again with short, easy stretches, alternating with walking if needed.",
        ),
        T(
            "Pijn tijdens het lopen tot 3 is veilig, 4 of 5 is nog acceptabel, boven 5 is te veel. "
            "De volgende ochtend hoort de pijn weer gezakt te zijn.",
            "Pain up to 3 while running is safe, 4 or 5 is still acceptable, above 5 is too much. "
            "By the next morning the pain should have settled.",
        ),
        T(
            "Bouw daarna op met hoogstens 10% meer kilometers per week, en maak geen enkele loop meer dan 10% "
            "langer dan uw langste loop van de afgelopen 30 dagen.",
            "Then build up by at most 10% more kilometres a week, and make no single run more than 10% longer "
            "than your longest run of the past 30 days.",
        ),
    ]
    if a.last_long_run_km is not None and a.longest_run_km_30d is not None:
        spike = single_run_spike(a.last_long_run_km, a.longest_run_km_30d)
        if spike is not None and spike.band is not SpikeBand.NONE:
            items.append(
                T(
                    "Uw laatste lange loop was {pct}% langer dan de langste in de 30 dagen ervoor. "
                    "Houd de volgende lange loop op hoogstens {cap} km.",
                    "Your last long run was {pct}% longer than the longest in the 30 days before. "
                    "Keep the next long run to {cap} km at most.",
                ).format(pct=as_percent(spike.excess), cap=round(a.longest_run_km_30d * 1.1, 1))
            )
    evidence = ["ten_percent_rule", "single_run_spikes"]
    if a.cadence_spm is not None:
        low, high = cadence_target(a.cadence_spm)
        items.append(
            T(
                "Verhoog uw pasfrequentie geleidelijk van {now} naar {low} tot {high} stappen per minuut.",
                "Gradually raise your step rate from {now} to {low}-{high} steps per minute.",
            ).format(now=round(a.cadence_spm), low=round(low), high=round(high))
        )
        evidence.append("cadence_180")
    return PlanSection(
        "training", T("Weer opbouwen", "Building up again"), tuple(items), evidence=tuple(evidence)
    )


def _recovery(a: Answers) -> PlanSection | None:
    """Seed: 1-2 full rest days a week, 7-9 hours of sleep, alternate hard and easy."""
    items = []
    if a.rest_days_per_week is not None and a.rest_days_per_week < 1:
        items.append(
            T(
                "Plan elke week 1 tot 2 dagen zonder hardlopen of zware training.",
                "Plan 1 to 2 days a week without running or hard training.",
            )
        )
    if a.sleep_hours is not None and a.sleep_hours < 7:
        items.append(
            T(
                "Probeer 7 tot 9 uur per nacht te slapen; nu is het {h} uur.",
                "Aim for 7 to 9 hours of sleep a night; it is {h} hours now.",
            ).format(h=a.sleep_hours)
        )
    if not items:
        return None
    items.append(T("Wissel zware en lichte trainingen af.", "Alternate hard and easy sessions."))
    return PlanSection("recovery", T("Herstel en slaap", "Recovery and sleep"), tuple(items))


def _gait(causes: list[CauseScore], hint: ConditionHint | None) -> PlanSection | None:
    technique = next(c for c in causes if c.cause == "technique")
    if technique.score < 2 and not (hint and hint.code == "itb_syndrome"):
        return None
    return PlanSection(
        "gait_analysis",
        T("Loopanalyse", "Gait analysis"),
        (
            T(
                "Uw antwoorden wijzen op uw loopstijl. Een fysiotherapeut kan die filmen en u gerichte tips geven.",
                "Your answers point to your running style. A physiotherapist can film it and give you targeted cues.",
            ),
        ),
        action="gait_analysis",
    )


def build_plan(answers: Answers, level: Level, causes: list[CauseScore], hint: ConditionHint | None) -> Plan:
    """Seed: stop or reduce, rest by severity, cool, move without impact, strengthen, check shoes,
    and gait analysis when technique plays a part. Same-day and 112 levels get care first."""
    if level >= Level.URGENT:
        return _care_first(level, answers)
    sev = severity(answers)
    parts: list[PlanSection | None] = [
        _rest(sev, level),
        _condition_advice(hint),
        _cooling(answers),
        _cross_training(sev),
        _strength(answers, sev, hint),
        _mobility(answers),
        _shoes(answers),
        _training(answers),
        _recovery(answers),
        _gait(causes, hint),
    ]
    headline = {
        "light": T(
            "Minder lopen, slim opbouwen en sterker worden.", "Run less, build up wisely and get stronger."
        ),
        "moderate": T(
            "Even niet hardlopen, wel bewegen en sterker worden.",
            "No running for now, but keep moving and get stronger.",
        ),
        "severe": T(
            "Niet hardlopen en hulp zoeken bij het herstel.", "No running, and get help with your recovery."
        ),
    }[sev]
    sections = tuple(p for p in parts if p is not None)
    return Plan(sev, REST_DAYS[sev], headline, sections, ESCALATIONS)
