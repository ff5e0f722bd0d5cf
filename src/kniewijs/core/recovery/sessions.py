"""The parts of a day in the programme, each with what to do, why it is there and its sources.

The protocols themselves (how to cool, how each exercise goes, the cross-training list) are the content's
(content.knowledge); this module says which of them belongs on a day and why.
"""

from __future__ import annotations

from ..content.knowledge import CROSS_TRAINING
from ..plan import CONSENSUS_HIP_KNEE, MOBILITY
from ..text import T, Text
from .ladder import EFFORT, TOP_LEVEL, run_level
from .model import CoolingAdvice, Escalation, ExerciseDose, PlannedSession

MOBILITY_MINUTES = (5, 10)
NOTE_YOUR_PAIN = T(
    "Noteer uw pijn tijdens en direct na het lopen, morgenochtend nog een keer, en of de knie dik is "
    "geworden.",
    "Note your pain during and straight after the run, once more tomorrow morning, and whether the knee "
    "has swollen.",
)


def cross_training_keys(severity: str) -> tuple[str, ...]:
    """The seed's pain-free alternatives (content CROSS_TRAINING), in the content's order; walking only
    when the pain is not severe (seed: walking for lighter complaints, as the plan has it)."""
    return tuple(key for key, _, _ in CROSS_TRAINING if severity != "severe" or key != "walking")


def protect_session(severity: str, rest_days: tuple[int, int]) -> PlannedSession:
    """Seed: rest by severity (core.plan.REST_DAYS), and rest is pain-free movement, not sitting still.
    The evidence note 'protect_then_load' (PEACE & LOVE: protect 1-3 days, then load guided by pain)
    is shown beside it; our programme starts the walk-run ladder after the shortest rest when pain allows."""
    low, high = rest_days
    first = {
        "light": T(
            "Houd {low} tot {high} dagen rust van hardlopen. Dat is relatieve rust: blijf bewegen wat geen "
            "pijn doet.",
            "Take {low} to {high} days off running. That is relative rest: keep doing what does not hurt.",
        ),
        "moderate": T(
            "Loop {low} tot {high} dagen helemaal niet hard. Blijf wel bewegen zonder pijn.",
            "Do not run at all for {low} to {high} days. Do keep moving without pain.",
        ),
        "severe": T(
            "Loop {low} tot {high} dagen niet hard en laat u daarbij begeleiden door een fysiotherapeut.",
            "Do not run for {low} to {high} days, and have a physiotherapist guide you.",
        ),
    }[severity].format(low=low, high=high)
    return PlannedSession(
        kind="protect",
        title=T("Rust voor de knie", "Rest for the knee"),
        what=(
            first,
            T(
                "Na {low} dagen begint u met wandelen en hardlopen, zodra de pijn 3 op 10 of minder is en de "
                "knie niet dik is.",
                "After {low} days you start walking and running, as soon as the pain is 3 out of 10 or less "
                "and the knee is not swollen.",
            ).format(low=low),
        ),
        why=T(
            "Een geprikkelde knie komt tot rust als u even minder van hem vraagt.",
            "An irritated knee settles when you ask less of it for a while.",
        ),
        sources=("seed", "silbernagel_2007"),
        evidence=("protect_then_load",),
        link="book" if severity == "severe" else None,
    )


def cross_training_session(severity: str) -> PlannedSession:
    """Seed: swimming, cycling, aqua jogging, the cross-trainer, walking; stop what hurts."""
    return PlannedSession(
        kind="cross_training",
        title=T("Anders bewegen", "Other ways to move"),
        what=(
            T(
                "Kies iets wat geen pijn doet. Doet het toch pijn, stop dan en kies iets anders.",
                "Choose something that does not hurt. If it does hurt, stop and choose something else.",
            ),
        ),
        why=T(
            "Zo blijft uw conditie op peil terwijl de knie herstelt.",
            "This keeps your fitness up while the knee recovers.",
        ),
        sources=("seed",),
        activities=cross_training_keys(severity),
    )


def rest_day_session(severity: str) -> PlannedSession:
    """Delaware: never two running days in a row; the seed: rest is pain-free movement."""
    return PlannedSession(
        kind="rest",
        title=T("Rustdag van hardlopen", "Rest day from running"),
        what=(
            T(
                "Vandaag loopt u niet hard. Rustig bewegen mag, zoals fietsen of zwemmen, als het geen pijn "
                "doet.",
                "No running today. Gentle movement such as cycling or swimming is fine, as long as it does "
                "not hurt.",
            ),
        ),
        why=T(
            "Tussen twee loopdagen zit altijd minstens één rustdag, zodat de knie kan herstellen.",
            "There is always at least one rest day between two running days, so the knee can recover.",
        ),
        sources=("delaware_2018", "seed"),
        activities=cross_training_keys(severity),
    )


def run_session(level: int, done: bool = False) -> PlannedSession:
    """Delaware: the level's walk-run session, on level ground at easy effort (3-5 out of 10)."""
    spec = run_level(level)
    return PlannedSession(
        kind="run",
        title=T("Wandelen en hardlopen: niveau {n}", "Walk-run: level {n}").format(n=level),
        what=(
            T("Wandel eerst 5 minuten om warm te worden.", "Walk for 5 minutes first to warm up."),
            spec.describe(),
            T(
                "Kies een vlakke route en loop zo rustig dat u kunt blijven praten: inspanning {low} tot "
                "{high} op 10.",
                "Pick a flat route and run easily enough to keep talking: effort {low} to {high} out of 10.",
            ).format(low=EFFORT[0], high=EFFORT[1]),
            NOTE_YOUR_PAIN,
        ),
        why=T(
            "Stap voor stap went de knie weer aan hardlopen. Uw pijn bepaalt of u verder gaat, het niveau "
            "herhaalt of een stap terug doet.",
            "Step by step the knee gets used to running again. Your pain decides whether you move on, "
            "repeat the level or take a step back.",
        ),
        sources=("delaware_2018", "silbernagel_2007"),
        level=level,
        minutes=spec.total_minutes,
        done=done,
    )


def free_run_session(done: bool = False) -> PlannedSession:
    """After the ladder: the seed's 10% rule and Frandsen's single-run spikes take over."""
    return PlannedSession(
        kind="run",
        title=T("Rustig hardlopen", "Easy run"),
        what=(
            T(
                "U heeft het stappenplan afgerond. Loop rustig; bouw daarna op met hoogstens 10% meer per "
                "week, en maak geen loop meer dan 10% langer dan uw langste van de afgelopen 30 dagen.",
                "You have finished the ladder. Run easily; then build up by at most 10% a week, and make no "
                "run more than 10% longer than your longest of the past 30 days.",
            ),
            NOTE_YOUR_PAIN,
        ),
        why=T(
            "Ook na het herstel vraagt de knie om een rustige opbouw.",
            "Even after recovery the knee asks for a gradual build-up.",
        ),
        sources=("seed", "frandsen_2025", "silbernagel_2007"),
        evidence=("ten_percent_rule", "single_run_spikes"),
        level=TOP_LEVEL,
        minutes=run_level(TOP_LEVEL).total_minutes,
        done=done,
    )


def strength_session(doses: tuple[ExerciseDose, ...], done: bool = False) -> PlannedSession:
    """Seed: 3 sets of 10-15, 2-3 times a week, slowly and with control; Crossley 2016 for the hip- and
    knee-focused exercises; pain during exercise at most 3 out of 10 (the plan's rule)."""
    keys = {d.exercise for d in doses}
    sources = ("seed", "crossley_2016") if keys & set(CONSENSUS_HIP_KNEE) else ("seed",)
    return PlannedSession(
        kind="strength",
        title=T("Krachtoefeningen", "Strength exercises"),
        what=(
            T(
                "Doe elke oefening rustig en gecontroleerd, in de aangegeven series. Op een loopdag doet u "
                "ze na het lopen.",
                "Do each exercise slowly and with control, in the sets shown. On a running day, do them "
                "after the run.",
            ),
            T(
                "Pijn tijdens een oefening mag hoogstens 3 op 10 zijn.",
                "Pain during an exercise should stay at 3 out of 10 or less.",
            ),
            T(
                "Voelde alles makkelijk en pijnvrij? Geef het aan: na twee zulke keren op rij wordt het een "
                "stap zwaarder.",
                "Did everything feel easy and pain-free? Say so: after two such sessions in a row it gets "
                "one step harder.",
            ),
        ),
        why=T(
            "Sterke heup-, bil- en beenspieren houden de knie stabiel en vangen een deel van de klap op.",
            "Strong hip, glute and leg muscles keep the knee stable and take some of the impact.",
        ),
        sources=sources,
        evidence=("strength_effect",),
        exercises=doses,
        done=done,
    )


def mobility_session(done: bool = False) -> PlannedSession:
    """Seed: 5-10 minutes of hip and ankle mobility a day (core.plan.MOBILITY)."""
    return PlannedSession(
        kind="mobility",
        title=T("Soepele heupen en enkels", "Supple hips and ankles"),
        what=(
            T(
                "Neem {low} tot {high} minuten voor deze oefeningen.",
                "Spend {low} to {high} minutes on these exercises.",
            ).format(low=MOBILITY_MINUTES[0], high=MOBILITY_MINUTES[1]),
        ),
        why=T(
            "Zijn heup of enkel stijf, dan vangt de knie op wat zij laten liggen.",
            "When the hip or ankle is stiff, the knee picks up what they leave undone.",
        ),
        sources=("seed",),
        minutes=MOBILITY_MINUTES[1],
        activities=MOBILITY,
        done=done,
    )


def squat_test_session(done: bool = False) -> PlannedSession:
    """Seed: the deep-squat self-test; weekly, to follow the trend."""
    return PlannedSession(
        kind="squat_test",
        title=T("Hurktest", "Squat test"),
        what=(
            T(
                "Zak zo diep mogelijk door uw knieën. Blijven uw hielen op de grond? Noteer ja of nee.",
                "Squat down as low as you can. Do your heels stay on the floor? Note yes or no.",
            ),
        ),
        why=T(
            "Zo ziet u week na week of uw heupen en enkels soepeler worden.",
            "Week by week this shows whether your hips and ankles are getting suppler.",
        ),
        sources=("seed",),
        activities=("deep_squat_hold",),
        done=done,
    )


def care_session(escalation: Escalation) -> PlannedSession:
    """The escalation's advice as the first thing of the day: the level's action, its first reason."""
    why: Text = escalation.reasons[0].text if escalation.reasons else escalation.level.title
    return PlannedSession(
        kind="care",
        title=escalation.level.title,
        what=(escalation.advice,),
        why=why,
        sources=escalation.sources,
        link=escalation.link,
    )


def paused_session() -> PlannedSession:
    """After a same-day or 112 escalation (the self-check's triage): nothing for the knee is planned until
    a doctor has seen the runner; the care advice is given once, today."""
    return PlannedSession(
        kind="paused",
        title=T("Programma staat stil", "Programme on hold"),
        what=(
            T(
                "Eerst moet een arts naar uw klachten kijken. Daarna gaat het programma verder.",
                "First a doctor needs to look at your symptoms. After that the programme goes on.",
            ),
        ),
        why=T(
            "U meldde een alarmsignaal. Oefenen of hardlopen kan wachten.",
            "You reported a warning sign. Exercise and running can wait.",
        ),
        sources=("seed",),
    )


def cooling_advice(suggested_now: bool) -> CoolingAdvice:
    """Seed: cooling eases swelling and pain; the evidence ('ice_dose'): no best dose is known, it is for
    comfort. Suggested after swelling or pain of 4 or more in the latest session."""
    items: tuple[Text, ...] = (
        T(
            "Koelen mag, voor het comfort: 15 tot 20 minuten, met een doek tussen ijs en huid.",
            "You may cool the knee for comfort: 15 to 20 minutes, with a cloth between ice and skin.",
        ),
        T(
            "Het hoeft niet. Weer rustig in beweging komen is belangrijker.",
            "It is not a must. Getting moving again gently matters more.",
        ),
    )
    if suggested_now:
        items = (
            T(
                "Uw knie was de laatste keer dik of pijnlijk. Koelen en het been hoog leggen kan dan "
                "prettig zijn.",
                "Your knee was swollen or painful last time. Cooling and raising the leg can then feel good.",
            ),
            *items,
        )
    return CoolingAdvice(items=items, suggested_now=suggested_now)
